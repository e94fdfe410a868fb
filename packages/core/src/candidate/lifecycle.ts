/** What happens to a debrief's emails and data when the candidate says so: sent, stop, snooze, second interview, delete, download. */
import { type Debrief, executionName, runningExecutions, workflowInput } from "../debrief/model";
import type { DebriefChanges, Workflow } from "../ports";
import type { CandidateDeps } from "./deps";

const DAY_MS = 86_400_000;
/** A snooze puts the next email off by a day, at most this many times. */
export const MAX_SNOOZES = 3;

/** "I sent it": the reminder then tells them what to expect instead of reminding them. Idempotent. */
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
 * day later (a day from now if it is overdue), and the tips keep their distance behind the reminder.
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
 * the reminder, which would ask about a letter that has done its job, is skipped.
 */
export async function secondInterview(
  d: Debrief,
  deps: CandidateDeps,
): Promise<{ status: "sending" | "already-sent" }> {
  if (d.sends.tips) return { status: "already-sent" };
  const now = deps.clock.now().toISOString();
  // The workflow waits for the reminder before the tips: an unsent nudge is moved to now too (and skipped as moot).
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

/** Whether a send is moot for this debrief's state (the reminder after a second interview). */
export function supersededReason(kind: string, d: Debrief): "superseded" | undefined {
  return kind === "nudge" && d.secondInterviewAt ? "superseded" : undefined;
}
