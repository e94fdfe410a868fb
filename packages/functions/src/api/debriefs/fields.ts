import {
  COURTESY_TITLES,
  debriefInputSchema,
  FORM_SLOTS,
  FORMATS,
  LENGTHS,
  LONG_EXAMPLE_CHARS,
  OFF_DAY,
  STAGES,
  TONES,
  WHAT_HAPPENED,
} from "@debrief/core";
import type { Option } from "../web/controls";
import { maxLengthAt } from "../web/schema-limits";
import {
  COURTESY_TITLE_LABELS,
  FORM_COPY,
  FORMAT_LABELS,
  LENGTH_LABELS,
  OFF_DAY_LABELS,
  SITUATION_LABELS,
  STAGE_LABELS,
  TONE_LABELS,
} from "./copy";

/**
 * The debrief form as data: which controls, in which order, with which words. The
 * form view renders it, the error summary takes its order and names from it, and every
 * `maxlength` is read from the one zod schema, so a limit is never copied by hand.
 * To add a field: add it to the schema (core), to `formToDebriefRequest` (core) and here.
 */
export type Control =
  | { kind: "text" | "email" | "url" | "date" | "time"; autocomplete?: string }
  | { kind: "textarea"; rows?: number }
  /** A textarea with one list entry per line. */
  | { kind: "lines" }
  | { kind: "timeZone"; detect?: boolean }
  | { kind: "select"; options: readonly Option[]; blank?: string }
  | { kind: "checkbox" }
  | { kind: "checks"; options: readonly Option[] };

export type FieldSpec = Control & {
  /** The form field's name, which is also the control's id and the error summary's anchor. */
  name: string;
  label: string;
  /** How the error summary names the field (`Your email: …`); `false`: the message says it alone. */
  summary?: string | false;
  hint?: string;
  required?: boolean;
  /** The default value of a new form. */
  initial?: string;
  /** The value's limit in the schema, for `maxlength` (set from the schema below). */
  maxlength?: number;
  /** A textarea whose text the letter leaves out past this many characters: the script says so as it is typed. */
  longAfter?: number;
};

/**
 * A row shows its fields side by side on wide screens; a group frames one repeated entry; a part
 * starts closed under a plain heading; a repeat is the form's one row pattern (rows.tsx).
 */
export type Row =
  | { row: FieldSpec[] }
  | { group: (FieldSpec | { row: FieldSpec[] })[] }
  | FieldSpec
  | { part: Part }
  | { repeat: Repeat };
/**
 * A part of the form the letter can do without: closed under its heading until the candidate
 * opens it, or while a value differs from the new form's or a field in it has an error.
 */
export type Part = { id: string; heading: string; hint?: string; items: Row[] };
/** Repeated entries (questions, challenges, …): the first shown, each next one behind `add`. */
export type Repeat = { id: string; add: string; rows: Row[] };
export type Section = { legend: string; hint?: string; items: Row[] };

const options = <V extends string>(values: readonly V[], labels: Record<V, string>): Option[] =>
  values.map((value) => ({ value, label: labels[value] }));
const slots = (n: number, item: (i: number) => Row): Row[] => Array.from({ length: n }, (_, i) => item(i));

const SECTIONS: Section[] = [
  {
    legend: "What happened?",
    items: [
      {
        name: "whatHappened",
        kind: "checks",
        label: "What happened?",
        summary: false,
        hint: "Choose all that apply: it shapes the letter.",
        options: options(WHAT_HAPPENED, SITUATION_LABELS),
      },
    ],
  },
  {
    legend: "The interview",
    items: [
      { name: "interview.company", kind: "text", label: "Company", required: true, autocomplete: "organization" },
      { name: "interview.role", kind: "text", label: "Role", required: true, autocomplete: "organization-title" },
      {
        row: [
          { name: "interview.date", kind: "date", label: "Date", summary: "Interview date", required: true },
          {
            name: "interview.format",
            kind: "select",
            label: "Format",
            options: options(FORMATS, FORMAT_LABELS),
            initial: "video",
          },
        ],
      },
      { name: "interview.interviewer.name", kind: "text", label: "Interviewer's name", required: true },
      {
        part: {
          id: "part-interview",
          heading: "More about the interview",
          items: [
            {
              row: [
                {
                  name: "interview.time",
                  kind: "time",
                  label: "Time",
                  summary: "Interview time",
                  hint: "Optional, on your clock.",
                },
                {
                  name: "interview.stage",
                  kind: "select",
                  label: "Stage",
                  options: options(STAGES, STAGE_LABELS),
                  blank: "Not sure",
                },
              ],
            },
            {
              name: "interview.decisionDate",
              kind: "date",
              label: "When they said they would decide",
              summary: "Decision date",
              hint: "Optional. If they gave a date, we tell you when to follow up after it.",
            },
          ],
        },
      },
      {
        part: {
          id: "part-interviewer",
          heading: "More about the interviewer",
          items: [
            {
              name: "interview.interviewer.title",
              kind: "text",
              label: "Interviewer's title",
              hint: "Optional, e.g. Dr. or Head of Data.",
            },
            {
              name: "interview.interviewer.courtesyTitle",
              kind: "select",
              label: "How do they like to be addressed?",
              summary: "How they like to be addressed",
              options: options(COURTESY_TITLES, COURTESY_TITLE_LABELS),
              blank: "Not sure",
              hint: "Optional. A formal letter writes Ms, Mr or Mx with their surname; a title such as Dr. typed with their name comes first.",
            },
            {
              name: "interview.interviewer.salutation",
              kind: "text",
              label: "How should the letter address them?",
              summary: "How the letter addresses them",
              hint: "Optional. Left empty, the letter greets them by its tone: a formal letter by title and surname (Ms Kowalski, Dr. Okoye) or else full name, a warm or concise one by first name. Type how they introduced themselves if that was different (for example, Mr. Sato); your page can change it later.",
            },
            {
              name: "interview.interviewer.email",
              kind: "email",
              label: "Interviewer's email",
              hint: "Optional. Used only to address the draft; we never write to them.",
            },
            {
              part: {
                id: "part-interviewer-zone",
                heading: "They are in a different time zone",
                items: [
                  {
                    name: "interview.interviewer.timeZone",
                    kind: "timeZone",
                    label: "Interviewer's time zone",
                    hint: "Used to suggest when to send.",
                  },
                ],
              },
            },
          ],
        },
      },
    ],
  },
  {
    legend: "Questions that went badly",
    hint: "The question as they asked it, then the answer you wish you had given, as you would say it to them.",
    items: [
      {
        repeat: {
          id: "questions",
          add: "Add another question",
          rows: slots(FORM_SLOTS.questions, (i) => ({
            group: [
              { name: `questions.${i}.question`, kind: "text", label: `Question ${i + 1}` },
              {
                name: `questions.${i}.betterAnswer`,
                kind: "textarea",
                label: "Your better answer",
                summary: `Question ${i + 1}, your better answer`,
              },
              {
                name: `questions.${i}.example`,
                kind: "textarea",
                rows: 2,
                label: "A concrete example",
                longAfter: LONG_EXAMPLE_CHARS,
                summary: `Question ${i + 1}, example`,
                hint: `Optional: what you did and what came of it, with a number if you can. Over ${LONG_EXAMPLE_CHARS} characters, the letter shortens it.`,
              },
            ],
          })),
        },
      },
    ],
  },
  {
    legend: "More for the letter (optional)",
    items: [
      {
        part: {
          id: "part-challenges",
          heading: "Challenges they described, and your skills",
          items: [
            {
              repeat: {
                id: "challenges",
                add: "Add another challenge",
                rows: slots(FORM_SLOTS.challenges, (i) => ({
                  row: [
                    {
                      name: `challenges.${i}.text`,
                      kind: "text",
                      label: `Challenge ${i + 1} they described`,
                      summary: `Challenge ${i + 1}`,
                      hint: i === 0 ? "In their words, e.g. “Delivery delays are reported a week late”." : undefined,
                    },
                    {
                      name: `challenges.${i}.skill`,
                      kind: "text",
                      label: "Your skill that answers it",
                      summary: `Challenge ${i + 1}, your skill`,
                      hint: i === 0 ? "The letter pairs this skill with this challenge." : undefined,
                    },
                  ],
                })),
              },
            },
            {
              name: "skills",
              kind: "lines",
              label: "Other skills that fit",
              summary: "Other skills",
              hint: "One per line. The letter mentions them without tying them to a challenge.",
            },
          ],
        },
      },
      {
        part: {
          id: "part-samples",
          heading: "Work samples",
          items: [
            {
              repeat: {
                id: "samples",
                add: "Add another work sample",
                rows: slots(FORM_SLOTS.samples, (i) => ({
                  group: [
                    {
                      row: [
                        { name: `samples.${i}.title`, kind: "text", label: `Work sample ${i + 1}` },
                        { name: `samples.${i}.url`, kind: "url", label: "Link", summary: `Work sample ${i + 1}, link` },
                      ],
                    },
                    {
                      name: `samples.${i}.note`,
                      kind: "text",
                      label: "How it relates to the role",
                      summary: `Work sample ${i + 1}, how it relates`,
                      hint: "Optional, one line.",
                    },
                  ],
                })),
              },
            },
          ],
        },
      },
      {
        part: {
          id: "part-references",
          heading: "References",
          items: [
            {
              repeat: {
                id: "references",
                add: "Add another reference",
                rows: slots(FORM_SLOTS.references, (i) => ({
                  group: [
                    {
                      name: `references.${i}.name`,
                      kind: "text",
                      label: `Reference ${i + 1}`,
                      hint: "Only someone who agreed to be contacted.",
                    },
                    {
                      row: [
                        {
                          name: `references.${i}.relation`,
                          kind: "text",
                          label: "Relation",
                          summary: `Reference ${i + 1}, relation`,
                        },
                        {
                          name: `references.${i}.contact`,
                          kind: "text",
                          label: "Contact",
                          summary: `Reference ${i + 1}, contact`,
                        },
                      ],
                    },
                  ],
                })),
              },
            },
          ],
        },
      },
      {
        part: {
          id: "part-plan",
          heading: "Ideas for your first 60 days",
          items: [
            {
              name: "plan",
              kind: "lines",
              label: "Ideas for your first 60 days",
              summary: "Ideas for your first 60 days",
              hint: "One per line, a few words each. The letter sums up your points and offers to walk them through the plan rather than attaching it: employers have used plans they were sent without hiring.",
            },
          ],
        },
      },
      {
        part: {
          id: "part-letter",
          heading: "Tone and length of the letter",
          items: [
            {
              row: [
                {
                  name: "tone",
                  kind: "select",
                  label: "Tone of the letter",
                  options: options(TONES, TONE_LABELS),
                  initial: "warm",
                  hint: "Warm is friendly, formal is traditional, concise is short. You can change it later.",
                },
                {
                  name: "length",
                  kind: "select",
                  label: "Length of the letter",
                  options: options(LENGTHS, LENGTH_LABELS),
                  initial: "full",
                  hint: "A short note says thanks and makes one point; the full letter covers everything.",
                },
              ],
            },
            {
              name: "offDay",
              kind: "select",
              label: "Mention the bad day in the letter?",
              summary: "Mention the bad day",
              options: options(OFF_DAY, OFF_DAY_LABELS),
              initial: "auto",
              hint: "Advisers disagree about apologising for nerves, so by default the letter mentions only illness, leaving early, a bad call, technical problems or a blunt answer.",
            },
          ],
        },
      },
      {
        part: {
          id: "part-notes",
          heading: "Notes for yourself",
          items: [{ name: "notes", kind: "textarea", label: "Anything else", hint: "Optional notes for yourself." }],
        },
      },
    ],
  },
  {
    legend: "About you",
    items: [
      { name: "candidate.name", kind: "text", label: "Your name", required: true, autocomplete: "name" },
      {
        name: "candidate.email",
        kind: "email",
        label: "Your email",
        required: true,
        autocomplete: "email",
        hint: "The draft and reminders go here.",
      },
      {
        name: "candidate.timeZone",
        kind: "timeZone",
        detect: true,
        label: "Your time zone",
        hint: "The reminder arrives at 9:00 your time.",
        required: true,
      },
      { name: "consent", kind: "checkbox", label: FORM_COPY.consent, summary: false },
    ],
  },
];

const TEXT_KINDS = new Set<Control["kind"]>(["text", "email", "url", "textarea", "timeZone"]);
const withLimit = (f: FieldSpec): FieldSpec =>
  TEXT_KINDS.has(f.kind) ? { ...f, maxlength: maxLengthAt(debriefInputSchema, f.name) } : f;
const mapFields = (row: Row, fn: (f: FieldSpec) => FieldSpec): Row =>
  "row" in row
    ? { row: row.row.map(fn) }
    : "group" in row
      ? { group: row.group.map((r) => ("row" in r ? { row: r.row.map(fn) } : fn(r))) }
      : "part" in row
        ? { part: { ...row.part, items: row.part.items.map((r) => mapFields(r, fn)) } }
        : "repeat" in row
          ? { repeat: { ...row.repeat, rows: row.repeat.rows.map((r) => mapFields(r, fn)) } }
          : fn(row);

/** The fields of a row, a part or a repeat, in page order. */
export const fieldsOf = (row: Row): FieldSpec[] =>
  "row" in row
    ? row.row
    : "group" in row
      ? row.group.flatMap((g) => ("row" in g ? g.row : [g]))
      : "part" in row
        ? row.part.items.flatMap(fieldsOf)
        : "repeat" in row
          ? row.repeat.rows.flatMap(fieldsOf)
          : [row];

/** The form's sections with each text control's limit taken from the schema. */
export const FORM_SECTIONS: readonly Section[] = SECTIONS.map((s) => ({
  ...s,
  items: s.items.map((r) => mapFields(r, withLimit)),
}));

/** Every field in page order. */
export const FORM_FIELDS: readonly FieldSpec[] = FORM_SECTIONS.flatMap((s) => s.items.flatMap(fieldsOf));
const BY_NAME = new Map(FORM_FIELDS.map((f) => [f.name, f]));

/** What a new form starts with; today's date too (the date check allows a day either way). */
export function formDefaults(now: Date): Record<string, string> {
  const initial = Object.fromEntries(FORM_FIELDS.flatMap((f) => (f.initial ? [[f.name, f.initial]] : [])));
  return { ...initial, "interview.date": now.toISOString().slice(0, 10) };
}

/**
 * The field that shows an error: the field itself, or for a list item (`skills.2`) or
 * a whole group (`questions.0`) the first field under that name. Undefined for an error
 * no field of the form can show (the page shows it as a message about the form).
 */
export function fieldFor(errorKey: string): FieldSpec | undefined {
  for (let key = errorKey; key; key = key.includes(".") ? key.slice(0, key.lastIndexOf(".")) : "") {
    const exact = BY_NAME.get(key);
    if (exact) return exact;
    const under = FORM_FIELDS.find((f) => f.name.startsWith(`${key}.`));
    if (under) return under;
  }
  return undefined;
}

/** The errors in page order, each with the field that shows it. */
export function errorsInPageOrder(errors: Record<string, string>) {
  const rank = (f: FieldSpec | undefined) => (f ? FORM_FIELDS.indexOf(f) : FORM_FIELDS.length);
  return Object.entries(errors)
    .map(([key, message]) => ({ key, message, field: fieldFor(key) }))
    .sort((a, b) => rank(a.field) - rank(b.field));
}

/** A summary link names its field: a list of links all reading "Required" would not say where to go. */
export function summaryText(field: FieldSpec | undefined, message: string): string {
  const name = field?.summary === false ? undefined : (field?.summary ?? field?.label);
  return name ? `${name}: ${message}` : message;
}
