import {
  type FieldErrors,
  FORM_SLOTS,
  FORMATS,
  type FormFields,
  OFF_DAY,
  STAGES,
  TONES,
  WHAT_HAPPENED,
} from "@debrief/core";
import type { Child } from "hono/jsx";
import { type FormGuard, FormGuardFields } from "../form-guard";
import { Page } from "./layout";

const SITUATION_LABELS: Record<(typeof WHAT_HAPPENED)[number], string> = {
  nerves: "I was nervous",
  rambling: "I rambled",
  illness: "I felt unwell",
  outfit: "Outfit or appearance mishap",
  late: "I arrived late",
  left_early: "I had to leave early",
  too_blunt: "An answer came out too blunt",
  bad_call: "The phone or video call went badly",
  blanked: "I blanked on a question",
  technical_issue: "Technical problems",
  other: "Something else",
};
const FORMAT_LABELS = { phone: "Phone", video: "Video call", onsite: "In person" } as const;
const STAGE_LABELS = {
  screening: "Screening",
  first: "First interview",
  second: "Second interview",
  final: "Final round",
};
const TONE_LABELS = { warm: "Warm", formal: "Formal", concise: "Concise" };
const OFF_DAY_LABELS = {
  auto: "Let the letter decide",
  mention: "Yes, in one short sentence",
  omit: "No, leave it out",
};

/**
 * What a new form starts with: a warm tone, a video call, and today's date (most
 * debriefs are written the day of the interview; the date check allows a day either way).
 */
export function formDefaults(now: Date): FormFields {
  return { tone: "warm", "interview.format": "video", "interview.date": now.toISOString().slice(0, 10) };
}

type FormState = { values: FormFields; errors: FieldErrors };

const val = (s: FormState, name: string): string => {
  const v = s.values[name];
  return (Array.isArray(v) ? v[0] : v) ?? "";
};
const has = (s: FormState, name: string, value: string): boolean => {
  const v = s.values[name];
  return Array.isArray(v) ? v.includes(value) : v === value;
};
const errId = (name: string) => `err-${name.replace(/\./g, "-")}`;

// The error summary lists problems in the order the fields appear, so its first link is the first field in error.
const SECTION_ORDER = [
  "whatHappened",
  "interview",
  "questions",
  "challenges",
  "skills",
  "plan",
  "samples",
  "references",
  "notes",
  "candidate",
  "tone",
  "consent",
];
const sectionRank = (field: string) => {
  const rank = SECTION_ORDER.indexOf(field.split(".")[0] ?? "");
  return rank === -1 ? SECTION_ORDER.length : rank;
};
const inPageOrder = (errors: FieldErrors) => Object.entries(errors).sort(([a], [b]) => sectionRank(a) - sectionRank(b));
// A list item's error (skills.2) is shown on its list's field (skills).
const fieldAnchor = (field: string) => field.replace(/\.\d+$/, "");
// Each summary link names its field: a list of links all reading "Required" would not say where to go.
const SUMMARY_NAMES: Record<string, string> = {
  "interview.company": "Company",
  "interview.role": "Role",
  "interview.date": "Interview date",
  "interview.time": "Interview time",
  "interview.interviewer.name": "Interviewer's name",
  "interview.interviewer.email": "Interviewer's email",
  "interview.interviewer.timeZone": "Interviewer's time zone",
  "candidate.name": "Your name",
  "candidate.email": "Your email",
  "candidate.timeZone": "Your time zone",
};
const summaryText = (field: string, message: string) =>
  SUMMARY_NAMES[field] ? `${SUMMARY_NAMES[field]}: ${message}` : message;

/** Field errors may be reported on a group (questions.0) or a list item (skills.2): show them on the input that holds them. */
function errorFor(s: FormState, name: string): string | undefined {
  if (s.errors[name]) return s.errors[name];
  const prefix = `${name}.`;
  const key = Object.keys(s.errors).find((k) => k.startsWith(prefix));
  return key ? s.errors[key] : undefined;
}

type FieldProps = {
  s: FormState;
  name: string;
  label: string;
  hint?: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  textarea?: boolean;
  rows?: number;
  maxlength?: number;
};

function Field({
  s,
  name,
  label,
  hint,
  type = "text",
  required,
  autocomplete,
  textarea,
  rows = 3,
  maxlength,
}: FieldProps) {
  const error = errorFor(s, name);
  const hintId = hint ? `hint-${name.replace(/\./g, "-")}` : undefined;
  const describedBy = [hintId, error ? errId(name) : undefined].filter(Boolean).join(" ") || undefined;
  const common = {
    id: name,
    name,
    required,
    "aria-invalid": error ? "true" : undefined,
    "aria-describedby": describedBy,
    maxlength,
  };
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={name}>
        {label}
        {required ? <span class="req"> (required)</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={errId(name)}>
          {error}
        </p>
      ) : null}
      {textarea ? (
        <textarea {...common} rows={rows}>
          {val(s, name)}
        </textarea>
      ) : (
        <input {...common} type={type} value={val(s, name)} autocomplete={autocomplete} />
      )}
    </div>
  );
}

function Choice({
  s,
  name,
  label,
  options,
  labels,
  blank,
  hint,
}: {
  s: FormState;
  name: string;
  label: string;
  options: readonly string[];
  labels: Record<string, string>;
  blank?: string;
  hint?: string;
}) {
  const error = errorFor(s, name);
  const hintId = hint ? `hint-${name.replace(/\./g, "-")}` : undefined;
  const describedBy = [hintId, error ? errId(name) : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={name}>{label}</label>
      {hint ? (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={errId(name)}>
          {error}
        </p>
      ) : null}
      <select id={name} name={name} aria-invalid={error ? "true" : undefined} aria-describedby={describedBy}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {options.map((o) => (
          <option value={o} selected={val(s, name) === o}>
            {labels[o]}
          </option>
        ))}
      </select>
    </div>
  );
}

const TIME_ZONES = Intl.supportedValuesOf("timeZone");

function TimeZoneField({
  s,
  name,
  label,
  hint,
  required,
}: {
  s: FormState;
  name: string;
  label: string;
  hint: string;
  required?: boolean;
}) {
  const error = errorFor(s, name);
  const hintId = `hint-${name.replace(/\./g, "-")}`;
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={name}>
        {label}
        {required ? <span class="req"> (required)</span> : null}
      </label>
      <p class="hint" id={hintId}>
        {hint}
      </p>
      {error ? (
        <p class="error" id={errId(name)}>
          {error}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        type="text"
        list="time-zones"
        value={val(s, name)}
        required={required}
        data-detect-time-zone={required ? "" : undefined}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={[hintId, error ? errId(name) : ""].join(" ").trim()}
        autocomplete="off"
        maxlength={64}
      />
    </div>
  );
}

export function DebriefForm({
  values = {},
  errors = {},
  guard,
  centre,
}: {
  values?: FormFields;
  errors?: FieldErrors;
  /** The abuse guard's hidden fields (ticket, honeypot, bot check). */
  guard?: FormGuard;
  /** A career centre's branded form (/c/{slug}): its banner, where to post, and its own fields. */
  centre?: { action: string; banner: Child; fields: Child };
}) {
  const s: FormState = { values, errors };
  const errorCount = Object.keys(errors).length;
  const situationError = errors.whatHappened;
  return (
    <Page title={errorCount ? "Check your debrief" : "Debrief your interview"}>
      {centre?.banner}
      <h1>Debrief your interview</h1>
      <p class="lede">
        Tell us how it went. Within minutes we email you a drafted follow-up letter to send your interviewer, a reminder
        tomorrow, and tips for a second interview.
      </p>
      {errorCount ? (
        // autofocus moves focus here even with JavaScript off; each link then leads to its field.
        <div class="error-summary" role="alert" tabindex={-1} id="error-summary" autofocus>
          <h2>There {errorCount === 1 ? "is 1 problem" : `are ${errorCount} problems`} with your debrief</h2>
          <ul>
            {inPageOrder(errors).map(([field, message]) => (
              <li>
                <a href={`#${fieldAnchor(field)}`}>{summaryText(field, message)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={centre?.action ?? "/"} novalidate data-draft="debrief">
        {guard ? <FormGuardFields {...guard} /> : null}
        <fieldset>
          <legend>What happened?</legend>
          <p class="hint" id="hint-whatHappened">
            Choose all that apply. This shapes the letter and the tips.
          </p>
          {situationError ? (
            <p class="error" id={errId("whatHappened")}>
              {situationError}
            </p>
          ) : null}
          <div class="checks" id="whatHappened">
            {WHAT_HAPPENED.map((w) => (
              <label class="check">
                <input type="checkbox" name="whatHappened" value={w} checked={has(s, "whatHappened", w)} />{" "}
                {SITUATION_LABELS[w]}
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend>The interview</legend>
          <Field s={s} name="interview.company" label="Company" required autocomplete="organization" maxlength={120} />
          <Field s={s} name="interview.role" label="Role" required autocomplete="organization-title" maxlength={120} />
          <div class="row">
            <Field s={s} name="interview.date" label="Date" type="date" required />
            <Field s={s} name="interview.time" label="Time" type="time" hint="Optional, on your clock." />
          </div>
          <div class="row">
            <Choice s={s} name="interview.format" label="Format" options={FORMATS} labels={FORMAT_LABELS} />
            <Choice
              s={s}
              name="interview.stage"
              label="Stage"
              options={STAGES}
              labels={STAGE_LABELS}
              blank="Not sure"
            />
          </div>
          <Field
            s={s}
            name="interview.decisionDate"
            label="When they said they would decide"
            type="date"
            hint="Optional. If they gave a date, we tell you when to follow up after it."
          />
          <Field
            s={s}
            name="interview.interviewer.name"
            label="Interviewer's name"
            required
            maxlength={100}
            hint="As you would address them in a letter."
          />
          <Field s={s} name="interview.interviewer.title" label="Interviewer's title" hint="Optional" maxlength={100} />
          <Field
            s={s}
            name="interview.interviewer.email"
            label="Interviewer's email"
            type="email"
            hint="Optional. Used only to address the draft; we never write to them."
            maxlength={254}
          />
          <TimeZoneField
            s={s}
            name="interview.interviewer.timeZone"
            label="Interviewer's time zone"
            hint="Optional, e.g. America/New_York. Used to suggest when to send."
          />
        </fieldset>

        <fieldset>
          <legend>Questions that went badly</legend>
          <p class="hint">
            Your second chance: name the question as they asked it, then the answer you wish you had given, in two or
            three sentences. The letter puts your example first, so make it a real situation with a result.
          </p>
          {Array.from({ length: FORM_SLOTS.questions }, (_, i) => (
            <div class="group">
              <Field s={s} name={`questions.${i}.question`} label={`Question ${i + 1}`} maxlength={300} />
              <Field s={s} name={`questions.${i}.betterAnswer`} label="Your better answer" textarea maxlength={1500} />
              <Field
                s={s}
                name={`questions.${i}.example`}
                label="A concrete example"
                hint="Optional: a real situation and its result, with a number if you have one."
                textarea
                rows={2}
                maxlength={1000}
              />
            </div>
          ))}
        </fieldset>

        <fieldset>
          <legend>What you can offer</legend>
          <Field
            s={s}
            name="challenges"
            label="Challenges they described"
            hint="One per line, in their words, e.g. “Delivery delays are reported a week late”."
            textarea
          />
          <Field
            s={s}
            name="skills"
            label="Skills that fit"
            hint="One per line, in the same order as the challenges: the letter pairs the first skill with the first challenge."
            textarea
          />
          <Field
            s={s}
            name="plan"
            label="Ideas for your first 60 days"
            hint="One per line. The letter offers to walk them through it and names only the first point: employers have used plans they were sent without hiring."
            textarea
          />
          {Array.from({ length: FORM_SLOTS.samples }, (_, i) => (
            <div class="group">
              <div class="row">
                <Field s={s} name={`samples.${i}.title`} label={`Work sample ${i + 1}`} maxlength={120} />
                <Field s={s} name={`samples.${i}.url`} label="Link" type="url" maxlength={500} />
              </div>
              <Field
                s={s}
                name={`samples.${i}.note`}
                label="How it relates to the role"
                hint="Optional, one line."
                maxlength={200}
              />
            </div>
          ))}
          {Array.from({ length: FORM_SLOTS.references }, (_, i) => (
            <div class="group">
              <Field
                s={s}
                name={`references.${i}.name`}
                label={`Reference ${i + 1}`}
                hint="Only someone who agreed to be contacted."
                maxlength={100}
              />
              <div class="row">
                <Field s={s} name={`references.${i}.relation`} label="Relation" maxlength={120} />
                <Field s={s} name={`references.${i}.contact`} label="Contact" maxlength={200} />
              </div>
            </div>
          ))}
          <Field s={s} name="notes" label="Anything else" hint="Optional notes for yourself." textarea />
        </fieldset>

        <fieldset>
          <legend>About you</legend>
          <Field s={s} name="candidate.name" label="Your name" required autocomplete="name" maxlength={100} />
          <Field
            s={s}
            name="candidate.email"
            label="Your email"
            type="email"
            required
            autocomplete="email"
            hint="The draft and reminders go here."
            maxlength={254}
          />
          <TimeZoneField
            s={s}
            name="candidate.timeZone"
            label="Your time zone"
            hint="e.g. Europe/Berlin. The reminder arrives at 9:00 your time."
            required
          />
          <Choice
            s={s}
            name="tone"
            label="Tone of the letter"
            options={TONES}
            labels={TONE_LABELS}
            hint="Warm is friendly, formal is traditional, concise is short. The facts stay the same; you can change it later."
          />
          <Choice
            s={s}
            name="offDay"
            label="Mention the bad day in the letter?"
            options={OFF_DAY}
            labels={OFF_DAY_LABELS}
            hint="Advisers disagree about apologising for nerves, so by default the letter mentions only illness, leaving early, a bad call, technical problems or a blunt answer."
          />
          <div class={errors.consent ? "field has-error" : "field"}>
            {errors.consent ? (
              <p class="error" id={errId("consent")}>
                {errors.consent}
              </p>
            ) : null}
            <label class="check">
              <input
                type="checkbox"
                id="consent"
                name="consent"
                value="on"
                checked={has(s, "consent", "on")}
                aria-invalid={errors.consent ? "true" : undefined}
                aria-describedby={errors.consent ? errId("consent") : undefined}
              />{" "}
              Store my debrief and email me the draft, a reminder and tips. I can delete it at any time.
            </label>
          </div>
        </fieldset>
        {centre?.fields}
        <datalist id="time-zones">
          {TIME_ZONES.map((z) => (
            <option value={z} />
          ))}
        </datalist>
        <button type="submit" class="primary">
          Draft my follow-up
        </button>
      </form>
      <script src="/assets/form.js" defer />
    </Page>
  );
}
