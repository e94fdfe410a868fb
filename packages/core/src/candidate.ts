import { z } from "zod";
import { composeLetter, type LetterPart, type Omitted } from "./content/letter";
import { type Debrief, executionName, runningExecutions, type SendKind, workflowInput } from "./debrief/model";
import {
  DEFAULT_LENGTH,
  interviewerSchema,
  LENGTHS,
  type LetterLength,
  MULTI_LINE,
  ONE_LINE,
  TONES,
  type Tone,
} from "./debrief/schema";
import { tidySalutation } from "./debrief/tidy";
import type { FieldErrors } from "./debrief/validate";
import { fieldErrors } from "./debrief/validate";
import type { CandidateAction, Clock, DebriefChanges, DebriefStore, EmailLinks, Workflow } from "./ports";
import { CANDIDATE_ACTIONS } from "./ports";
import { stripInvisible, VISIBLE, VISIBLE_LETTER } from "./text-hygiene";
import {
  deriveToken,
  hashToken,
  type LinkKind,
  type LinkPurpose,
  purposeCode,
  TOKEN_PATTERN,
  tokenDebriefId,
  verifyToken,
} from "./tokens";

/**
 * What the candidate can do on their page or through the one-use links in their
 * emails. Each is a plain function over the debrief and explicit ports; the
 * handlers only translate HTTP.
 */
export type CandidateDeps = {
  store: DebriefStore;
  workflow: Workflow;
  /** The check-in workflow: stopping the emails or erasing a debrief stops its check-ins too. */
  checkins: Pick<Workflow, "stop">;
  clock: Clock;
  /** Reports a workflow that could not be stopped, by debrief id only (the caller's logger). */
  onStopFailed?: (debriefId: string, error: unknown) => void;
};

const DAY_MS = 86_400_000;
/** A snooze puts the next email off by a day, at most this many times. */
export const MAX_SNOOZES = 3;

/**
 * The debrief behind a link token of one of `kinds`, with what the token may do; undefined
 * for a malformed, unknown, expired or erased one, and for a token of another kind. Tokens
 * stored as items by earlier releases are page tokens (or action tokens, see performAction).
 */
export async function debriefForLink(
  token: string,
  kinds: readonly LinkKind[],
  deps: Pick<CandidateDeps, "store" | "clock">,
): Promise<{ debrief: Debrief; purpose: LinkPurpose } | undefined> {
  const id = tokenDebriefId(token);
  if (!id) return undefined;
  const now = deps.clock.now();
  const named = await deps.store.get(id, now);
  const purpose = named && verifyToken(token, named);
  if (named && purpose) return kinds.includes(purpose.kind) ? { debrief: named, purpose } : undefined;
  if (!kinds.includes("page")) return undefined;
  const legacy = await deps.store.findToken(hashToken(token), now);
  const debrief = legacy ? await deps.store.get(legacy, now) : undefined;
  return debrief ? { debrief, purpose: { kind: "page" } } : undefined;
}

/** The debrief behind a page token; undefined for a malformed, unknown, expired or erased one. */
export async function debriefForPageToken(
  token: string,
  deps: Pick<CandidateDeps, "store" | "clock">,
): Promise<Debrief | undefined> {
  return (await debriefForLink(token, ["page"], deps))?.debrief;
}

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

export function letterChoices(d: Pick<Debrief, "input" | "letterInclude">): LetterChoices {
  const length = d.input.length ?? DEFAULT_LENGTH;
  const include = new Set(d.letterInclude ?? []);
  // Composed with nothing put back, so a part put back is still listed and can be taken out again.
  const parts = composeLetter(d.input, { length }).omitted.map((o) => ({ ...o, included: include.has(o.part) }));
  return { length, parts };
}

/** Every part the composer may leave out of this debrief's letter, at either length. */
function optionalParts(d: Pick<Debrief, "input" | "letterInclude">): Set<string> {
  const parts = new Set<string>(d.letterInclude ?? []);
  for (const length of LENGTHS) for (const o of composeLetter(d.input, { length }).omitted) parts.add(o.part);
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
  fields: { length?: unknown; include?: unknown; replace?: unknown },
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
  if (keepsEdits(d, fields.replace)) errors.replace = KEEP_EDITS_MESSAGE;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parts = include as LetterPart[];
  await deps.store.updateDebrief(d.id, {
    input: { ...d.input, length },
    letterInclude: parts.length > 0 ? parts : undefined,
    draft: undefined,
  });
  return { ok: true };
}

/**
 * How the letter addresses the interviewer, changed on the candidate page: tidied as on
 * the form ("dear sam," → "Sam") and stored as `interview.interviewer.salutation`. An
 * edited draft is replaced only when the candidate confirms it; nothing is written on bad input.
 */
export async function changeSalutation(
  d: Debrief,
  fields: { salutation?: unknown; replace?: unknown },
  deps: Pick<CandidateDeps, "store">,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const parsed = interviewerSchema.shape.salutation.safeParse(fields.salutation ?? "");
  const salutation = parsed.success ? tidySalutation(parsed.data ?? "") : "";
  if (!parsed.success) errors.salutation = parsed.error.issues[0]?.message ?? "Must be a single line of text";
  else if (!VISIBLE_LETTER.test(salutation)) {
    errors.salutation = "Type how the letter should address them, for example Dr. O'Connor";
  }
  if (keepsEdits(d, fields.replace)) errors.replace = KEEP_EDITS_MESSAGE;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const { interview } = d.input;
  await deps.store.updateDebrief(d.id, {
    input: { ...d.input, interview: { ...interview, interviewer: { ...interview.interviewer, salutation } } },
    draft: undefined,
  });
  return { ok: true };
}

/** "I sent it": the nudge then tells them what to expect instead of reminding them. Idempotent. */
export async function markLetterSent(d: Debrief, deps: Pick<CandidateDeps, "store" | "clock">) {
  if (d.letterSentAt) return { changed: false };
  await deps.store.updateDebrief(d.id, { letterSentAt: deps.clock.now().toISOString() });
  return { changed: true };
}

async function stopExecution(
  name: string,
  d: Debrief,
  reason: string,
  deps: CandidateDeps,
  workflow: Pick<Workflow, "stop"> = deps.workflow,
) {
  try {
    await workflow.stop(name, reason);
  } catch (error) {
    // Every send checks the debrief first, so a running execution finds nothing to send.
    deps.onStopFailed?.(d.id, error);
  }
}

/** Stops every execution that may still send for the debrief: its own, and its check-ins once started. */
async function stopAll(d: Debrief, reason: string, deps: CandidateDeps) {
  const running = runningExecutions(d);
  await stopExecution(running.debrief, d, reason, deps);
  if (running.checkins) await stopExecution(running.checkins, d, reason, deps, deps.checkins);
}

/** "Stop emails": nothing more is sent, and the workflow is stopped. */
export async function stopEmails(d: Debrief, deps: CandidateDeps) {
  if (!d.stoppedAt) await deps.store.updateDebrief(d.id, { stoppedAt: deps.clock.now().toISOString() });
  await stopAll(d, "the candidate stopped the emails", deps);
  return { changed: !d.stoppedAt };
}

/**
 * Moves the schedule and runs the workflow again under a new name: the running
 * execution's name is taken for 90 days and a Standard workflow cannot change a
 * wait it is in. The new execution starts before the old one is stopped, so an
 * email is never lost between them; claims make sure none goes out twice.
 */
async function reschedule(d: Debrief, changes: DebriefChanges, label: string, deps: CandidateDeps) {
  const now = deps.clock.now();
  const previous = executionName(d);
  const name = `${d.id}-${label}-${now.getTime()}`;
  const next: Debrief = { ...d, ...changes, workflowName: name };
  await deps.store.updateDebrief(d.id, { ...changes, workflowName: name });
  await deps.workflow.start(workflowInput(next), name);
  if (!d.workflowStartedAt) await deps.store.markWorkflowStarted(d.id, now);
  await stopExecution(previous, d, `rescheduled (${label})`, deps);
}

export type SnoozeResult =
  | { status: "snoozed"; nudgeAt: string; tipsAt: string }
  | { status: "nothing-pending" | "limit" };

/**
 * The schedule after "snooze a day": the next email that has not gone out comes a
 * day later (a day from now if it is overdue), and the tips keep their distance behind the nudge.
 */
export function snoozedSchedule(d: Pick<Debrief, "schedule" | "sends">, now: Date): Debrief["schedule"] {
  const later = (iso: string) => new Date(Math.max(Date.parse(iso), now.getTime()) + DAY_MS).toISOString();
  if (d.sends.nudge) return { nudgeAt: d.schedule.nudgeAt, tipsAt: later(d.schedule.tipsAt) };
  const nudgeAt = later(d.schedule.nudgeAt);
  const gap = Math.max(Date.parse(d.schedule.tipsAt) - Date.parse(d.schedule.nudgeAt), 0);
  return { nudgeAt, tipsAt: new Date(Date.parse(nudgeAt) + gap).toISOString() };
}

/** Why a snooze cannot happen: nothing left to send, or the limit reached. */
export function snoozeRefusal(
  d: Pick<Debrief, "stoppedAt" | "sends" | "snoozes">,
): "nothing-pending" | "limit" | undefined {
  if (d.stoppedAt || (d.sends.nudge && d.sends.tips)) return "nothing-pending";
  return (d.snoozes ?? 0) >= MAX_SNOOZES ? "limit" : undefined;
}

/** "Snooze a day": the next email that has not gone out, and the one after it, come a day later. */
export async function snooze(d: Debrief, deps: CandidateDeps): Promise<SnoozeResult> {
  const refusal = snoozeRefusal(d);
  if (refusal) return { status: refusal };
  const schedule = snoozedSchedule(d, deps.clock.now());
  await reschedule(d, { schedule, snoozes: (d.snoozes ?? 0) + 1 }, "snooze", deps);
  return { status: "snoozed", ...schedule };
}

/**
 * "I got a second interview": the tips go out now rather than on schedule, and
 * the nudge, which would ask about a letter that has done its job, is skipped.
 */
export async function secondInterview(
  d: Debrief,
  deps: CandidateDeps,
): Promise<{ status: "sending" | "already-sent" }> {
  if (d.sends.tips) return { status: "already-sent" };
  const now = deps.clock.now().toISOString();
  // The workflow waits for the nudge before the tips: an unsent nudge is moved to now too (and skipped as moot).
  const nudgeAt = d.sends.nudge ? d.schedule.nudgeAt : now;
  await reschedule(
    d,
    { secondInterviewAt: d.secondInterviewAt ?? now, schedule: { nudgeAt, tipsAt: now } },
    "tips-now",
    deps,
  );
  return { status: "sending" };
}

/** "Delete my data": the workflow is stopped and every item of the debrief, tokens included, is deleted. */
export async function eraseDebrief(d: Debrief, deps: CandidateDeps) {
  await stopAll(d, "the candidate deleted their data", deps);
  await deps.store.erase(d);
}

/** "Download my data": everything stored about the debrief, except the secrets of its links. */
export function exportDebrief(d: Debrief) {
  const { tokenHashes: _secret, linkKey: _key, usedLinks: _used, ...data } = d;
  return { exportedFrom: "Interview Debrief", ...data };
}

/** Whether a send is moot for this debrief's state (the nudge after a second interview). */
export function supersededReason(kind: string, d: Debrief): "superseded" | undefined {
  return kind === "nudge" && d.secondInterviewAt ? "superseded" : undefined;
}

/** Which one-use links an email carries: "I sent it" only while the letter is unsent, snooze only before the tips. */
export function emailActions(kind: string, d: Pick<Debrief, "letterSentAt">): CandidateAction[] {
  if (kind !== "letter" && kind !== "nudge") return ["stop", "delete"];
  return CANDIDATE_ACTIONS.filter((a) => a !== "sent" || !d.letterSentAt);
}

/** The candidate's page link: the same for every email and every replay of the submission. */
export function pageUrl(d: Pick<Debrief, "id" | "linkKey">, publicUrl: string): string {
  if (!d.linkKey) throw new Error("The debrief has no link key");
  return `${publicUrl}/d/${deriveToken(d.id, d.linkKey, { kind: "page" })}`;
}

/**
 * The links of one email, derived from the debrief's link key (nothing is written): its page,
 * its one-use buttons, the unsubscribe link of its List-Unsubscribe header and its
 * "this wasn't me" link, each able to do only what it is for.
 */
export function emailLinks(kind: SendKind, d: Pick<Debrief, "id" | "linkKey" | "letterSentAt">, publicUrl: string) {
  if (!d.linkKey) throw new Error("The debrief has no link key");
  const token = (purpose: LinkPurpose) => deriveToken(d.id, d.linkKey as string, purpose);
  const actions: EmailLinks["actions"] = {};
  for (const action of emailActions(kind, d)) {
    actions[action] = `${publicUrl}/a/${token({ kind: "action", email: kind, action })}`;
  }
  return {
    page: pageUrl(d, publicUrl),
    actions,
    unsubscribe: `${publicUrl}/u/${token({ kind: "unsubscribe" })}`,
    notMe: `${publicUrl}/not-me/${token({ kind: "not-me" })}`,
  } satisfies EmailLinks;
}

/** Performs a one-use action link: the link is used up first, so a second click finds nothing. */
export async function performAction(
  token: string,
  deps: CandidateDeps,
): Promise<{ action: CandidateAction; result: unknown } | undefined> {
  const found = await actionLink(token, deps, "use");
  if (!found) return undefined;
  const { action, debrief: d } = found;
  // A one-use link only ever reaches the inbox: using it proves the address, and from then on
  // the debrief's centre counts its student (centre statistics count only proven students).
  if (!d.addressProvenAt && action !== "delete") {
    const at = deps.clock.now().toISOString();
    await deps.store.updateDebrief(d.id, { addressProvenAt: at, ...(d.centre ? { countedIn: d.centre } : {}) });
  }
  switch (action) {
    case "sent":
      return { action: "sent", result: await markLetterSent(d, deps) };
    case "snooze":
      return { action: "snooze", result: await snooze(d, deps) };
    case "stop":
      return { action: "stop", result: await stopEmails(d, deps) };
    case "delete":
      await eraseDebrief(d, deps);
      return { action: "delete", result: { erased: true } };
  }
}

/**
 * The action and debrief behind a one-use link, used up (`use`: a conditional write, so of two
 * clicks one wins) or only looked at (`peek`); undefined once used, and for anything else.
 */
async function actionLink(
  token: string,
  deps: Pick<CandidateDeps, "store" | "clock">,
  mode: "use" | "peek",
): Promise<{ action: CandidateAction; debrief: Debrief } | undefined> {
  const found = await debriefForLink(token, ["action"], deps);
  if (found?.purpose.kind === "action") {
    const code = String(purposeCode(found.purpose));
    if (found.debrief.usedLinks?.has(code)) return undefined;
    const debrief = mode === "use" ? await deps.store.useLink(found.debrief.id, code, deps.clock.now()) : found.debrief;
    return debrief ? { action: found.purpose.action, debrief } : undefined;
  }
  // An action link an earlier release stored as an item.
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const now = deps.clock.now();
  const legacy =
    mode === "use"
      ? await deps.store.consumeActionToken(hashToken(token), now)
      : await deps.store.findActionToken(hashToken(token), now);
  const debrief = legacy ? await deps.store.get(legacy.debriefId, now) : undefined;
  return legacy && debrief ? { action: legacy.action, debrief } : undefined;
}

/** The action behind a link, for its confirmation page; undefined for a used, altered or unknown one. */
export async function pendingAction(token: string, deps: Pick<CandidateDeps, "store" | "clock">) {
  return actionLink(token, deps, "peek");
}
