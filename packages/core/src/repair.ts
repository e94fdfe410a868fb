import type { Debrief, SendKind, SendRecord } from "./debrief/model";
import type { Clock, DebriefStore } from "./ports";
import { type SendDeps, sendOnce } from "./send";

/** The send step's Lambda timeout (infra/workflow.ts reads it from here): no invocation outlives it. */
export const SEND_STEP_TIMEOUT_MS = 30_000;

/** How long the repair pass leaves an unanswered claim to its sender, then to SES's event. */
export type RepairTiming = {
  /** Past this, the step that made a claim is gone (its timeout plus a margin): a confirmed claim is completed. */
  stuckAfterMs: number;
  /**
   * Past this, a claim SES never confirmed is sent again. SES publishes a message's Send event
   * within seconds and EventBridge retries a failing handler; an email SES took whose events
   * both arrive later than this goes out twice (the duplicate window: SECURITY.md).
   */
  confirmWithinMs: number;
};

export const REPAIR_TIMING: RepairTiming = {
  stuckAfterMs: SEND_STEP_TIMEOUT_MS + 30_000,
  confirmWithinMs: 15 * 60_000,
};

/** Resends the repair pass makes of one email on its own; past them, only the candidate's request sends it again. */
export const MAX_AUTOMATIC_RESENDS = 3;

/**
 * Where an email's claim stands: `answered` (sent, refused or skipped), `sending` (its sender may
 * still be at work), `confirmed` (SES's event says it took the message, the step never recorded
 * it), `awaiting-confirmation` (the sender is gone; SES's event may still come), `unconfirmed`
 * (no event within the window: SES most likely never had it).
 */
export type ClaimState = "answered" | "sending" | "confirmed" | "awaiting-confirmation" | "unconfirmed";

export function claimState(record: SendRecord, now: Date, timing: RepairTiming = REPAIR_TIMING): ClaimState {
  if (record.messageId || record.rejected || record.skipped) return "answered";
  const age = now.getTime() - Date.parse(record.claimedAt);
  if (age < timing.stuckAfterMs) return "sending";
  if (record.confirmed) return "confirmed";
  return age < timing.confirmWithinMs ? "awaiting-confirmation" : "unconfirmed";
}

export type RepairResult = {
  /** Claims completed from SES's event: the email had gone out once. */
  confirmed: number;
  /** Emails sent again (or settled as skipped: stopped, suppressed since) in place of an unconfirmed claim. */
  resent: number;
  /** Claims still unconfirmed after this pass: resends used up, or the resend failed. */
  stuck: number;
};

/**
 * The repair pass over every email's claim (scheduled, like the reconciler): a claim its sender
 * left unanswered (the step died between the claim and SES's answer) is completed from SES's
 * event when one came, and otherwise, once the window for that event has passed, sent again
 * through the same claimed path (sendOnce), taking the old claim over so that only one pass can.
 * `onError` reports by debrief id only.
 */
export async function repairSends(
  deps: SendDeps & { onError?: (debriefId: string, error: unknown) => void },
  timing: RepairTiming = REPAIR_TIMING,
): Promise<RepairResult> {
  const result: RepairResult = { confirmed: 0, resent: 0, stuck: 0 };
  for await (const { id, sends } of deps.store.listSendRecords(deps.clock.now())) {
    for (const [kind, record] of Object.entries(sends) as [SendKind, SendRecord][]) {
      const state = claimState(record, deps.clock.now(), timing);
      try {
        if (state === "confirmed") {
          const { messageId, at } = record.confirmed ?? { messageId: "", at: "" };
          await deps.store.completeSend(id, kind, record, { messageId, sentAt: at });
          result.confirmed++;
        } else if (state === "unconfirmed") {
          const requested = record.resendRequestedAt !== undefined;
          if ((record.repairs ?? 0) >= MAX_AUTOMATIC_RESENDS && !requested) {
            result.stuck++;
            continue;
          }
          const debrief = await deps.store.get(id, deps.clock.now());
          if (!debrief) continue;
          const outcome = await sendOnce(kind, debrief, deps, record);
          // "already-sent": another pass took the claim over first.
          if (outcome.status !== "skipped" || outcome.reason !== "already-sent") result.resent++;
        }
      } catch (error) {
        deps.onError?.(id, error);
        if (state === "unconfirmed") result.stuck++;
      }
    }
  }
  return result;
}

/**
 * The candidate asks, on their page, to send again an email that could not be confirmed: the
 * repair pass sends it at its next run, even when its own resends are used up.
 */
export async function requestResend(
  debrief: Debrief,
  kind: SendKind,
  deps: { store: DebriefStore; clock: Clock },
): Promise<"requested" | "not-needed"> {
  const send = debrief.sends[kind];
  const now = deps.clock.now();
  if (!send || claimState(send, now) !== "unconfirmed") return "not-needed";
  return (await deps.store.requestResend(debrief.id, kind, send, now)) ? "requested" : "not-needed";
}
