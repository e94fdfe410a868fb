import type { Debrief } from "./debrief/model";
import { workflowInput } from "./debrief/model";
import { type FieldErrors, validateDebrief } from "./debrief/validate";
import type { Clock, DebriefStore, Workflow } from "./ports";
import { type ScheduleConfig, scheduleFor } from "./schedule";
import { hashToken, newDebriefId, newToken } from "./tokens";

export type SubmitDeps = {
  store: DebriefStore;
  workflow: Workflow;
  clock: Clock;
  schedule: ScheduleConfig;
  retentionDays: number;
  /** Reports a failure without personal data (the caller's logger). */
  onWorkflowStartFailed?: (debriefId: string, error: unknown) => void;
};

export type SubmitResult =
  | { kind: "invalid"; errors: FieldErrors }
  /** `status` is "scheduled" when the workflow started, "queued" when the reconciler will start it. */
  | { kind: "accepted"; id: string; token: string; status: "scheduled" | "queued" };

/**
 * Validates and stores a debrief, then starts its workflow. Nothing is stored for
 * invalid input; a store failure propagates (the caller answers 503) and leaves
 * nothing behind; once stored, the debrief is accepted even if the workflow could
 * not be started, since a reconciler starts stored debriefs that have none.
 */
export async function submitDebrief(body: unknown, deps: SubmitDeps): Promise<SubmitResult> {
  const now = deps.clock.now();
  const validation = validateDebrief(body, now);
  if (!validation.ok) return { kind: "invalid", errors: validation.errors };

  const token = newToken();
  const tokenHash = hashToken(token);
  const debrief: Debrief = {
    id: newDebriefId(),
    input: validation.value,
    createdAt: now.toISOString(),
    schedule: scheduleFor(now, validation.value.candidate.timeZone, deps.schedule),
    expiresAt: new Date(now.getTime() + deps.retentionDays * 86_400_000).toISOString(),
    tokenHashes: [tokenHash],
    sends: {},
  };
  await deps.store.create(debrief);
  try {
    await deps.store.addToken(tokenHash, debrief.id, debrief.expiresAt);
  } catch (error) {
    // Without its token the candidate could never reach the debrief: undo, so nothing half-written stays.
    await deps.store.delete(debrief.id).catch(() => undefined);
    throw error;
  }

  try {
    await deps.workflow.start(workflowInput(debrief));
    await deps.store.markWorkflowStarted(debrief.id, deps.clock.now());
    return { kind: "accepted", id: debrief.id, token, status: "scheduled" };
  } catch (error) {
    deps.onWorkflowStartFailed?.(debrief.id, error);
    return { kind: "accepted", id: debrief.id, token, status: "queued" };
  }
}
