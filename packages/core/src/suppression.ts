import { z } from "zod";
import { checkinExecutionName, executionName } from "./debrief/model";
import type { Clock, DebriefStore, SuppressionReason, Workflow } from "./ports";

export type SuppressionDeps = {
  store: DebriefStore;
  workflow: Workflow;
  /** The check-in workflow: a suppressed address gets no check-in either. */
  checkins: Pick<Workflow, "stop">;
  clock: Clock;
  /** Reports a workflow that could not be stopped, by debrief id only (the caller's logger). */
  onStopFailed?: (debriefId: string, error: unknown) => void;
};

/**
 * Suppresses an address and stops the workflows still pending for it. Suppression
 * comes first: even if a stop fails, every send checks the list immediately before
 * SES is called, so no further email reaches the address. Used by the SES event
 * handler (bounce, complaint) and by "this wasn't me". `stopped` counts the
 * executions asked to stop.
 */
/** How long a "this wasn't me" keeps mail from an address (bounces and complaints never lapse). */
export const NOT_ME_SUPPRESSION_DAYS = 180;

export async function suppressAndStop(
  address: string,
  reason: SuppressionReason,
  deps: SuppressionDeps,
): Promise<{ stopped: number; alreadySuppressed: boolean }> {
  const now = deps.clock.now();
  const alreadySuppressed = await deps.store.isSuppressed(address, now);
  const lapses = reason === "not-me" ? new Date(now.getTime() + NOT_ME_SUPPRESSION_DAYS * 86_400_000) : undefined;
  // Written even then: a bounce makes a lapsing "this wasn't me" last.
  await deps.store.suppress(address, reason, now, lapses);
  // Already suppressed: its workflows were stopped then, and every send checks the list anyway.
  if (alreadySuppressed) return { stopped: 0, alreadySuppressed };
  let stopped = 0;
  for await (const debrief of deps.store.debriefsForAddress(address, now)) {
    // Never started: nothing to stop. A finished execution ignores the stop.
    if (!debrief.workflowStartedAt) continue;
    try {
      await deps.workflow.stop(executionName(debrief), `address suppressed (${reason})`);
      // The address index does not say whether the debrief has check-ins: stopping ones that never started changes nothing.
      await deps.checkins.stop(checkinExecutionName(debrief.id), `address suppressed (${reason})`);
      stopped++;
    } catch (error) {
      deps.onStopFailed?.(debrief.id, error);
    }
  }
  return { stopped, alreadySuppressed };
}

const recipients = z.array(z.object({ emailAddress: z.string().min(1) }));
/** What SES v2 publishes for a configuration set's event destination (EventBridge `detail`, or an SNS message). */
const sesEventSchema = z.object({
  eventType: z.string(),
  bounce: z.object({ bounceType: z.string(), bouncedRecipients: recipients }).optional(),
  complaint: z.object({ complainedRecipients: recipients }).optional(),
});

export type SesSuppression = { address: string; reason: Extract<SuppressionReason, "bounce" | "complaint"> };

/**
 * The addresses an SES event asks us to suppress: every recipient of a permanent
 * bounce or of a complaint. Transient bounces (mailbox full, greylisting) are not
 * suppressed. Accepts the EventBridge envelope or the bare SES event.
 */
export function suppressionsFromSesEvent(event: unknown): SesSuppression[] {
  const body = (event as { detail?: unknown } | null)?.detail ?? event;
  const parsed = sesEventSchema.safeParse(body);
  if (!parsed.success) return [];
  const e = parsed.data;
  if (e.eventType === "Bounce" && e.bounce?.bounceType === "Permanent") {
    return e.bounce.bouncedRecipients.map((r) => ({ address: r.emailAddress, reason: "bounce" }));
  }
  if (e.eventType === "Complaint" && e.complaint) {
    return e.complaint.complainedRecipients.map((r) => ({ address: r.emailAddress, reason: "complaint" }));
  }
  return [];
}

/** Handles one SES event: suppresses each bounced or complaining address and stops its workflows. */
export async function handleSesEvent(
  event: unknown,
  deps: SuppressionDeps,
): Promise<{ suppressed: number; stopped: number }> {
  const suppressions = suppressionsFromSesEvent(event);
  let stopped = 0;
  for (const { address, reason } of suppressions) stopped += (await suppressAndStop(address, reason, deps)).stopped;
  return { suppressed: suppressions.length, stopped };
}
