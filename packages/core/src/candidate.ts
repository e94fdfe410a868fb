import { z } from "zod";
import { type Debrief, executionName, workflowInput } from "./debrief/model";
import { MULTI_LINE, ONE_LINE, TONES, type Tone } from "./debrief/schema";
import type { FieldErrors } from "./debrief/validate";
import { fieldErrors } from "./debrief/validate";
import type { CandidateAction, Clock, DebriefChanges, DebriefStore, EmailLinks, Workflow } from "./ports";
import { CANDIDATE_ACTIONS } from "./ports";
import { hashToken, newToken, TOKEN_PATTERN } from "./tokens";

/**
 * What the candidate can do on their page or through the one-use links in their
 * emails. Each is a plain function over the debrief and explicit ports; the
 * handlers only translate HTTP.
 */
export type CandidateDeps = {
  store: DebriefStore;
  workflow: Workflow;
  clock: Clock;
  /** Reports a workflow that could not be stopped, by debrief id only (the caller's logger). */
  onStopFailed?: (debriefId: string, error: unknown) => void;
};

const DAY_MS = 86_400_000;
/** A snooze puts the next email off by a day, at most this many times. */
export const MAX_SNOOZES = 3;

/** The debrief behind a page token; undefined for a malformed, unknown, expired or erased one. */
export async function debriefForPageToken(
  token: string,
  deps: Pick<CandidateDeps, "store" | "clock">,
): Promise<Debrief | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const now = deps.clock.now();
  const id = await deps.store.findToken(hashToken(token), now);
  return id ? deps.store.get(id, now) : undefined;
}

const draftSchema = z.strictObject({
  subject: z
    .string()
    .trim()
    .min(1, "The subject cannot be empty")
    .max(200, "Keep the subject under 200 characters")
    .regex(ONE_LINE, "The subject must be a single line"),
  body: z
    .string()
    .trim()
    .min(1, "The letter cannot be empty")
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

/** Composes the letter again in another tone; an edited draft is replaced by the new composition. */
export async function regenerate(d: Debrief, tone: unknown, deps: Pick<CandidateDeps, "store">) {
  if (!TONES.includes(tone as Tone))
    return { ok: false as const, errors: { tone: `Must be one of: ${TONES.join(", ")}` } };
  await deps.store.updateDebrief(d.id, { input: { ...d.input, tone: tone as Tone }, draft: undefined });
  return { ok: true as const };
}

/** "I sent it": the nudge then tells them what to expect instead of reminding them. Idempotent. */
export async function markLetterSent(d: Debrief, deps: Pick<CandidateDeps, "store" | "clock">) {
  if (d.letterSentAt) return { changed: false };
  await deps.store.updateDebrief(d.id, { letterSentAt: deps.clock.now().toISOString() });
  return { changed: true };
}

async function stopExecution(name: string, d: Debrief, reason: string, deps: CandidateDeps) {
  try {
    await deps.workflow.stop(name, reason);
  } catch (error) {
    // Every send checks the debrief first, so a running execution finds nothing to send.
    deps.onStopFailed?.(d.id, error);
  }
}

/** "Stop emails": nothing more is sent, and the workflow is stopped. */
export async function stopEmails(d: Debrief, deps: CandidateDeps) {
  if (!d.stoppedAt) await deps.store.updateDebrief(d.id, { stoppedAt: deps.clock.now().toISOString() });
  await stopExecution(executionName(d), d, "the candidate stopped the emails", deps);
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
  await stopExecution(executionName(d), d, "the candidate deleted their data", deps);
  await deps.store.erase(d);
}

/** "Download my data": everything stored about the debrief, except the hashes of its secret links. */
export function exportDebrief(d: Debrief) {
  const { tokenHashes: _secret, ...data } = d;
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

/** Mints the page token and one-use action tokens of one email, stored as hashes only. */
export async function mintEmailLinks(
  kind: string,
  d: Pick<Debrief, "id" | "expiresAt" | "letterSentAt">,
  deps: Pick<CandidateDeps, "store">,
  publicUrl: string,
): Promise<EmailLinks> {
  const page = newToken();
  const minted = emailActions(kind, d).map((action) => ({ action, token: newToken() }));
  // Independent writes, made together: an email's links cost one round trip's wait, not five (pnpm bench).
  await Promise.all([
    deps.store.addToken(hashToken(page), d.id, d.expiresAt),
    ...minted.map(({ action, token }) => deps.store.addToken(hashToken(token), d.id, d.expiresAt, action)),
  ]);
  const actions: EmailLinks["actions"] = {};
  for (const { action, token } of minted) actions[action] = `${publicUrl}/a/${token}`;
  return { page: `${publicUrl}/d/${page}`, actions };
}

/** Performs a one-use action link: the token is used up first, so a second click finds nothing. */
export async function performAction(
  token: string,
  deps: CandidateDeps,
): Promise<{ action: CandidateAction; result: unknown } | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const now = deps.clock.now();
  const found = await deps.store.consumeActionToken(hashToken(token), now);
  if (!found) return undefined;
  const d = await deps.store.get(found.debriefId, now);
  if (!d) return undefined;
  // A one-use token only ever reaches the inbox: using it proves the address (centre statistics count on it).
  if (!d.addressProvenAt && found.action !== "delete") {
    await deps.store.updateDebrief(d.id, { addressProvenAt: now.toISOString() });
  }
  switch (found.action) {
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

/** The action behind a link, for its confirmation page; undefined for a used, altered or unknown one. */
export async function pendingAction(token: string, deps: Pick<CandidateDeps, "store" | "clock">) {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const now = deps.clock.now();
  const found = await deps.store.findActionToken(hashToken(token), now);
  if (!found) return undefined;
  const d = await deps.store.get(found.debriefId, now);
  return d ? { action: found.action, debrief: d } : undefined;
}
