import { type DebriefRequest, interviewerSchema } from "./schema";

/** Form fields as a server receives them (a repeated name gives a list). */
export type FormFields = Record<string, string | string[] | undefined>;

/** How many repeated groups the form offers; empty groups are dropped. */
export const FORM_SLOTS = { challenges: 3, questions: 3, samples: 3, references: 2 } as const;

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
const all = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const opt = (v: string | string[] | undefined): string | undefined => {
  const s = first(v)?.trim();
  return s ? s : undefined;
};
/** A textarea with one entry per line. */
const lines = (v: string | string[] | undefined): string[] =>
  (first(v) ?? "")
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

function groups<K extends string>(fields: FormFields, name: string, slots: number, keys: readonly K[]) {
  const out: Partial<Record<K, string>>[] = [];
  for (let i = 0; i < slots; i++) {
    const group: Partial<Record<K, string>> = {};
    for (const key of keys) {
      const value = opt(fields[`${name}.${i}.${key}`]);
      if (value !== undefined) group[key] = value;
    }
    if (Object.keys(group).length > 0) out.push(group);
  }
  return out;
}

/**
 * Challenges come as rows `challenges.N.text` with an optional `challenges.N.skill`
 * beside each (the skill that answers it), or, from older forms, as one textarea
 * `challenges` with one per line. A row with a skill but no challenge keeps its
 * skill as `{ text: "" }` so the schema names the missing challenge.
 */
function challenges(fields: FormFields): DebriefRequest["challenges"] {
  const rows = groups(fields, "challenges", FORM_SLOTS.challenges, ["text", "skill"]).map((g) =>
    g.skill ? { text: g.text ?? "", skill: g.skill } : (g.text ?? ""),
  );
  return [...rows, ...lines(fields.challenges)];
}

type Person = DebriefRequest["interview"]["interviewer"];

/**
 * A person's fields under `prefix` (`interview.interviewer`), every field the schema
 * gives a person: the name as typed (the schema names it when blank), the rest absent
 * when blank.
 */
function person(fields: FormFields, prefix: string): Person {
  const optional = Object.keys(interviewerSchema.shape).filter((key) => key !== "name");
  return {
    name: first(fields[`${prefix}.name`]) ?? "",
    ...Object.fromEntries(optional.map((key) => [key, opt(fields[`${prefix}.${key}`])])),
  } as Person;
}

/**
 * Maps the HTML form's flat fields onto the API's JSON shape, so both go through the
 * one schema. Blank optional inputs become absent rather than empty strings.
 */
export function formToDebriefRequest(fields: FormFields): DebriefRequest {
  const interviewer = person(fields, "interview.interviewer");
  return {
    candidate: {
      name: first(fields["candidate.name"]) ?? "",
      email: first(fields["candidate.email"]) ?? "",
      timeZone: first(fields["candidate.timeZone"]) ?? "",
    },
    interview: {
      company: first(fields["interview.company"]) ?? "",
      role: first(fields["interview.role"]) ?? "",
      date: first(fields["interview.date"]) ?? "",
      time: opt(fields["interview.time"]),
      format: (first(fields["interview.format"]) ?? "") as never,
      stage: opt(fields["interview.stage"]) as never,
      decisionDate: opt(fields["interview.decisionDate"]),
      interviewer,
    },
    whatHappened: all(fields.whatHappened) as never,
    notes: opt(fields.notes),
    challenges: challenges(fields),
    questions: groups(fields, "questions", FORM_SLOTS.questions, ["question", "betterAnswer", "example"]) as never,
    skills: lines(fields.skills),
    samples: groups(fields, "samples", FORM_SLOTS.samples, ["title", "url", "note"]) as never,
    references: groups(fields, "references", FORM_SLOTS.references, ["name", "relation", "contact"]) as never,
    plan: lines(fields.plan),
    tone: (opt(fields.tone) ?? "warm") as never,
    offDay: (opt(fields.offDay) ?? "auto") as never,
    length: opt(fields.length) as never,
    consent: (["on", "true", "yes"].includes(first(fields.consent) ?? "") ? true : undefined) as never,
  };
}
