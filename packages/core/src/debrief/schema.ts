import { z } from "zod";
import { stripInvisible, VISIBLE } from "../text-hygiene";

/** Values the public API accepts; clients and career centres rely on these names. */
export const WHAT_HAPPENED = [
  "nerves",
  "rambling",
  "illness",
  "outfit",
  "late",
  "too_blunt",
  "bad_call",
  "blanked",
  "technical_issue",
  "left_early",
  "other",
] as const;
export const FORMATS = ["phone", "video", "onsite"] as const;
export const STAGES = ["screening", "first", "second", "final"] as const;
export const TONES = ["warm", "formal", "concise"] as const;
export const OFF_DAY = ["auto", "mention", "omit"] as const;
/**
 * How a person likes to be addressed, as the candidate says (gender cannot be read from a
 * name): "none" is by name without a courtesy title. An academic or medical title typed
 * with the name or in the title field ("Dr.", "Prof.") is not one of these and wins over them.
 */
export const COURTESY_TITLES = ["ms", "mr", "mx", "none"] as const;
/**
 * Length is content, tone is wording: every tone has both. "short" is the note of
 * at most 150 words (thanks, interest, the one best re-answer, the ask); "full" the
 * recalibration letter of at most 300. Absent means "full" (what the API wrote
 * before the field existed), and the candidate page offers the short note.
 */
export const LENGTHS = ["short", "full"] as const;
export const DEFAULT_LENGTH = "full" satisfies (typeof LENGTHS)[number];

export type WhatHappened = (typeof WHAT_HAPPENED)[number];
export type Tone = (typeof TONES)[number];
export type CourtesyTitle = (typeof COURTESY_TITLES)[number];
export type LetterLength = (typeof LENGTHS)[number];

// CR/LF, other control characters and the Unicode line/paragraph separators never
// belong in a one-line field; they could reach a mail header or subject. No field
// holds lone surrogates (not encodable in an email), bidirectional overrides or
// isolates (they disguise what text says) or noncharacters.
export const ONE_LINE = /^[^\p{Cc}\p{Cs}\u2028\u2029\u202A-\u202E\u2066-\u2069\p{Noncharacter_Code_Point}]*$/u;
// Multi-line text may keep newlines and tabs but nothing else of the above.
export const MULTI_LINE =
  /^(?:[^\p{Cc}\p{Cs}\u2028\u2029\u202A-\u202E\u2066-\u2069\p{Noncharacter_Code_Point}]|[\n\r\t])*$/u;
// A required field needs something visible (text-hygiene.ts): zero-width marks and Hangul fillers alone are blank.

const line = (max: number) =>
  z
    .string({ error: "Must be text" })
    .overwrite(stripInvisible)
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .regex(ONE_LINE, "Must be a single line of text");
const required = (max: number) => line(max).min(1, "Required").regex(VISIBLE, "Required");
const paragraph = (max: number) =>
  z
    .string({ error: "Must be text" })
    .overwrite(stripInvisible)
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .regex(MULTI_LINE, "Contains characters that are not allowed");
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item, { error: "Must be a list" }).max(max, `At most ${max} entries`).default([]);

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    // Offsets such as "+02:00" are accepted by Intl but are not IANA names.
    return /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(value);
  } catch {
    return false;
  }
}

const timeZone = line(64).min(1, "Required").refine(isTimeZone, "Must be an IANA time zone such as Europe/Berlin");

// The formats also go into the JSON Schema of the OpenAPI document (a pipe documents its input side only).
const email = line(254).min(1, "Required").pipe(z.email("Must be a valid email address")).meta({ format: "email" });

const httpUrl = line(500)
  .min(1, "Required")
  .pipe(z.url({ protocol: /^https?$/, error: "Must be an http(s) link" }))
  .meta({ format: "uri" });

const isoDate = line(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Must be a date as YYYY-MM-DD")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, "Must be a real calendar date")
  // `format: date` is RFC 3339's full-date: a real calendar date, as the refinement checks.
  .meta({ format: "date" });

export const candidateSchema = z.strictObject({
  name: required(100),
  email,
  timeZone,
});

/** A person the candidate met: every field of one, kept in this one place. */
export const interviewerSchema = z.strictObject({
  name: required(100),
  email: email.optional(),
  title: line(100).optional(),
  timeZone: timeZone.optional(),
  /**
   * How the letter addresses them, as the candidate confirmed it ("Dr. O'Connor", "Sam");
   * a leading "Dear" or "Hello" and a trailing comma are dropped. Absent: see `salutationFor`.
   */
  salutation: line(120).optional(),
  /** How they like to be addressed; absent when the candidate does not know. */
  courtesyTitle: z.enum(COURTESY_TITLES, { error: `Must be one of: ${COURTESY_TITLES.join(", ")}` }).optional(),
});

export const interviewSchema = z.strictObject({
  company: required(120),
  role: required(120),
  date: isoDate,
  time: line(5)
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Must be a time as HH:MM")
    .optional(),
  format: z.enum(FORMATS, { error: `Must be one of: ${FORMATS.join(", ")}` }),
  stage: z.enum(STAGES, { error: `Must be one of: ${STAGES.join(", ")}` }).optional(),
  /** When they said they would decide: the reminder times follow-ups from it. */
  decisionDate: isoDate.optional(),
  interviewer: interviewerSchema,
});

export const questionSchema = z.strictObject({
  question: required(300),
  betterAnswer: paragraph(1500).min(1, "Required").regex(VISIBLE, "Required"),
  example: paragraph(1000).optional(),
});

export const sampleSchema = z.strictObject({
  title: required(120),
  url: httpUrl,
  /** One line on how the sample relates to the role, in the candidate's words. */
  note: line(200).optional(),
});
/**
 * A challenge the interviewer described: a string (as the API always accepted), or
 * the challenge with the skill of the candidate's that answers it. Only such linked
 * pairs are written as pairs in the letter.
 */
export const challengeSchema = z.union([
  required(300),
  z.strictObject({ text: required(300), skill: line(80).optional() }),
]);
export type Challenge = z.infer<typeof challengeSchema>;

/** A challenge's text and the skill linked to it, whichever shape it came in. */
export function challengeParts(c: Challenge): { text: string; skill?: string } {
  if (typeof c === "string") return { text: c };
  return c.skill ? { text: c.text, skill: c.skill } : { text: c.text };
}

export const referenceSchema = z.strictObject({
  name: required(100),
  relation: required(120),
  contact: required(200),
});

/** The one schema behind the form and the JSON API. */
export const debriefInputSchema = z
  .strictObject({
    candidate: candidateSchema,
    interview: interviewSchema,
    whatHappened: list(z.enum(WHAT_HAPPENED, { error: "Not a known situation" }), WHAT_HAPPENED.length).refine(
      (v) => new Set(v).size === v.length,
      "Each situation may be listed once",
    ),
    notes: paragraph(2000).optional(),
    challenges: list(challengeSchema, 5),
    questions: list(questionSchema, 5),
    skills: list(required(80), 10),
    samples: list(sampleSchema, 5),
    references: list(referenceSchema, 3),
    plan: list(required(300), 6),
    tone: z.enum(TONES, { error: `Must be one of: ${TONES.join(", ")}` }).default("warm"),
    /** Whether the letter owns the off day in one sentence; "auto" decides by what happened. */
    offDay: z.enum(OFF_DAY, { error: `Must be one of: ${OFF_DAY.join(", ")}` }).default("auto"),
    /** Short note or full letter; absent means DEFAULT_LENGTH. */
    length: z.enum(LENGTHS, { error: `Must be one of: ${LENGTHS.join(", ")}` }).optional(),
    consent: z.literal(true, { error: "Please confirm that we may store your debrief and email you" }),
  })
  .refine((d) => d.whatHappened.length > 0 || d.questions.length > 0, {
    path: ["whatHappened"],
    message: "Tell us at least what happened or one question that went badly",
  });

export type DebriefInput = z.infer<typeof debriefInputSchema>;
/** What a client sends, before defaults are applied. */
export type DebriefRequest = z.input<typeof debriefInputSchema>;
