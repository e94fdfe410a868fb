/** The candidate's own say over the letter on their page: an edited draft, the tone, the length and parts, the salutation. */
import { z } from "zod";
import { composeLetter, type LetterPart, type Omitted } from "../content/letter";
import { greetingForms } from "../content/salutation";
import type { Debrief } from "../debrief/model";
import {
  DEFAULT_LENGTH,
  interviewerSchema,
  interviewSchema,
  LENGTHS,
  type LetterLength,
  MULTI_LINE,
  ONE_LINE,
  TONES,
  type Tone,
} from "../debrief/schema";
import { tidySalutation } from "../debrief/tidy/sentences";
import type { FieldErrors } from "../debrief/validate";
import { fieldErrors } from "../debrief/validate";
import { stripInvisible, VISIBLE, VISIBLE_LETTER } from "../text-hygiene";
import type { CandidateDeps } from "./deps";

const draftSchema = z.strictObject({
  subject: z
    .string()
    .overwrite(stripInvisible)
    .trim()
    .min(1, "The subject cannot be empty")
    .regex(VISIBLE, "The subject cannot be empty")
    .max(200, "Keep the subject under 200 characters")
    .regex(ONE_LINE, "The subject must be a single line"),
  body: z
    .string()
    .overwrite(stripInvisible)
    .trim()
    .min(1, "The letter cannot be empty")
    .regex(VISIBLE, "The letter cannot be empty")
    .max(10_000, "Keep the letter under 10,000 characters")
    .regex(MULTI_LINE, "The letter contains characters that are not allowed"),
});

/** Saves the candidate's own wording of the letter; the mailto link and the .eml use it from then on. */
export async function saveDraft(
  d: Debrief,
  fields: { subject?: unknown; body?: unknown },
  deps: Pick<CandidateDeps, "store" | "clock">,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const parsed = draftSchema.safeParse({ subject: fields.subject, body: fields.body });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const body = parsed.data.body.replace(/\r\n/g, "\n");
  await deps.store.updateDebrief(d.id, {
    draft: { subject: parsed.data.subject, body, editedAt: deps.clock.now().toISOString() },
  });
  return { ok: true };
}

/**
 * What rewriting the letter does to a draft the candidate edited by hand: nothing, unless
 * they confirm (`replace: "yes"`) that a fresh draft may take its place. The page asks
 * with a checkbox beside each control that rewrites the letter.
 */
export const KEEP_EDITS_MESSAGE =
  "Your letter has your own changes: tick “Replace my changes” to rewrite it, or leave it as it is";

function keepsEdits(d: Pick<Debrief, "draft">, replace: unknown): boolean {
  return Boolean(d.draft) && replace !== "yes";
}

/** Composes the letter again in another tone; an edited draft is replaced only when the candidate confirms it. */
export async function regenerate(
  d: Debrief,
  fields: { tone?: unknown; replace?: unknown },
  deps: Pick<CandidateDeps, "store">,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const tone = fields.tone as Tone;
  if (!TONES.includes(tone)) errors.tone = `Must be one of: ${TONES.join(", ")}`;
  if (keepsEdits(d, fields.replace)) errors.replace = KEEP_EDITS_MESSAGE;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  await deps.store.updateDebrief(d.id, { input: { ...d.input, tone }, draft: undefined });
  return { ok: true };
}

/** The letter's length and the parts the page offers to put back (or take out again). */
export type LetterChoices = {
  length: LetterLength;
  /** What the composer leaves out at this length, in its order, each with whether the candidate put it back. */
  parts: (Omitted & { included: boolean })[];
};

/**
 * What the composer leaves out that the candidate may put back: all but a challenge nothing
 * answers, which the letter never writes on its own.
 */
function canPutBack(d: Pick<Debrief, "input">, length: LetterLength): Omitted[] {
  return composeLetter(d.input, { length }).omitted.filter((o) => o.reason !== "unanswered");
}

export function letterChoices(d: Pick<Debrief, "input" | "letterInclude">): LetterChoices {
  const length = d.input.length ?? DEFAULT_LENGTH;
  const include = new Set(d.letterInclude ?? []);
  // Composed with nothing put back, so a part put back is still listed and can be taken out again.
  const parts = canPutBack(d, length).map((o) => ({ ...o, included: include.has(o.part) }));
  return { length, parts };
}

/** Every part the composer may leave out of this debrief's letter, at either length. */
function optionalParts(d: Pick<Debrief, "input" | "letterInclude">): Set<string> {
  const parts = new Set<string>(d.letterInclude ?? []);
  for (const length of LENGTHS) for (const o of canPutBack(d, length)) parts.add(o.part);
  return parts;
}

const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * The letter's length and the left-out parts the candidate put back, from the candidate
 * page: stored on the debrief (`input.length`, `letterInclude`), so the page, the emails,
 * the .eml and every mailto link compose the same letter. The composed letter is used
 * from then on; an edited draft is replaced only when the candidate confirms it.
 * Nothing is written when anything is wrong.
 */
export async function shapeLetter(
  d: Debrief,
  fields: { length?: unknown; include?: unknown; decisionDate?: unknown; replace?: unknown },
  deps: Pick<CandidateDeps, "store">,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const length = fields.length as LetterLength;
  if (!LENGTHS.includes(length)) errors.length = "Choose the short note or the full letter";
  const allowed = optionalParts(d);
  const include = [...new Set(asList(fields.include))];
  if (include.some((p) => typeof p !== "string" || !allowed.has(p))) {
    errors.include = "One of the parts you chose is not one this letter leaves out: reload the page and choose again";
  }
  const decisionDate = decisionDateOf(d, fields.decisionDate);
  if (decisionDate.error) errors.decisionDate = decisionDate.error;
  if (keepsEdits(d, fields.replace)) errors.replace = KEEP_EDITS_MESSAGE;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parts = include as LetterPart[];
  await deps.store.updateDebrief(d.id, {
    input: { ...d.input, length, interview: { ...d.input.interview, decisionDate: decisionDate.value } },
    letterInclude: parts.length > 0 ? parts : undefined,
    draft: undefined,
  });
  return { ok: true };
}

/**
 * When they said they would decide, as the page sends it: absent keeps the stored date, empty
 * clears it, else a calendar date on or after the interview. The letter's promise to follow up
 * and the reminder's plan both read it from the debrief.
 */
function decisionDateOf(d: Debrief, given: unknown): { value?: string; error?: string } {
  const stored = d.input.interview.decisionDate;
  if (given === undefined) return { value: stored };
  if (typeof given !== "string") return { value: stored, error: "Enter a date, or leave it empty" };
  const typed = given.trim();
  if (typed === "") return {};
  const parsed = interviewSchema.shape.decisionDate.safeParse(typed);
  if (!parsed.success)
    return { value: stored, error: "Enter the date they said they would decide by, e.g. 2026-12-15" };
  if (typed < d.input.interview.date)
    return { value: stored, error: "The decision comes after the interview: check the date" };
  return { value: typed };
}

/** What `use` asks for to let the letter's tone choose the greeting again. */
export const GREETING_BY_TONE = "tone";

/**
 * How the letter addresses the interviewer, changed on the candidate page: typed (tidied
 * as on the form, "dear sam," → "Sam"), or one of the forms the page offers (`use`: a form
 * from `greetingForms`, or GREETING_BY_TONE to let the tone choose again). Stored as
 * `interview.interviewer.salutation`. An edited draft is replaced only when the candidate
 * confirms it; nothing is written on bad input.
 */
export async function changeSalutation(
  d: Debrief,
  fields: { salutation?: unknown; use?: unknown; replace?: unknown },
  deps: Pick<CandidateDeps, "store">,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const { interview } = d.input;
  let salutation: string | undefined;
  if (fields.use !== undefined) {
    if (fields.use === GREETING_BY_TONE) salutation = undefined;
    else if (typeof fields.use === "string" && greetingForms(interview.interviewer).includes(fields.use)) {
      salutation = fields.use;
    } else errors.salutation = "Choose one of the ways offered, or type your own";
  } else {
    const parsed = interviewerSchema.shape.salutation.safeParse(fields.salutation ?? "");
    salutation = parsed.success ? tidySalutation(parsed.data ?? "") : "";
    if (!parsed.success) errors.salutation = parsed.error.issues[0]?.message ?? "Must be a single line of text";
    else if (!VISIBLE_LETTER.test(salutation)) {
      errors.salutation = "Type how the letter should address them, for example Dr. O'Connor";
    }
  }
  if (keepsEdits(d, fields.replace)) errors.replace = KEEP_EDITS_MESSAGE;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  await deps.store.updateDebrief(d.id, {
    input: { ...d.input, interview: { ...interview, interviewer: { ...interview.interviewer, salutation } } },
    draft: undefined,
  });
  return { ok: true };
}
