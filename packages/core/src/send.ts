import { emailLinks, supersededReason } from "./candidate";
import { checkinSkipReason, checkinWorkflowInput } from "./centres/checkins";
import { checkinExecutionName, type Debrief, type SendKind, type SendRecord } from "./debrief/model";
import { linkKeyOf } from "./operations";
import type { Clock, DebriefStore, EmailRenderer, Mailer, Workflow } from "./ports";
import { PermanentSendError } from "./ports";
import { CLAIM_HEADER, CLAIM_TAG, claimIdentity, newClaimId } from "./send-claims";
import { listUnsubscribeHeaders } from "./unsubscribe";

export type SendDeps = {
  store: DebriefStore;
  mailer: Mailer;
  render: EmailRenderer;
  clock: Clock;
  publicUrl: string;
  /** The check-in workflow, started by the tips step of a debrief that has check-ins. */
  checkins: Pick<Workflow, "start">;
};

export type SendOutcome =
  | { status: "sent"; messageId: string }
  | { status: "skipped"; reason: "gone" | "already-sent" | "stopped" | "suppressed" | "superseded" | "outcome-given" }
  | { status: "rejected"; reason: string };

/** Why a debrief gets no more email, checked immediately before every send. */
export function stopReason(d: Debrief): "stopped" | undefined {
  return d.stoppedAt ? "stopped" : undefined;
}

/**
 * Sends one of a debrief's emails at most once: the email is rendered first (a
 * render failure is safe to retry), then claimed with a conditional write, then
 * handed to SES. Five round trips: read the debrief, check the suppression list, claim,
 * SES, record the message id (its links are derived, not stored: tokens.ts). A retry after a crash finds the claim and does not send again.
 * A transient mailer error means SES did not take the message: the claim is
 * released and the error propagates, so the workflow's Retry sends it later. A
 * permanent refusal is recorded and not retried. A crash between the claim and SES's
 * answer leaves the claim unanswered: SES's own event for the message (its tag names the
 * claim) confirms it, and without one the repair pass sends it again (repair.ts).
 */
export async function sendDebriefEmail(kind: SendKind, debriefId: string, deps: SendDeps): Promise<SendOutcome> {
  const debrief = await deps.store.get(debriefId, deps.clock.now());
  if (!debrief) return { status: "skipped", reason: "gone" };
  const outcome = await sendOnce(kind, debrief, deps);
  // The tips are the debrief workflow's last step: a centre debrief's check-ins run as their own
  // execution from here, so plain debriefs pay no transition for them. Started after the tips
  // are sent, and again by any retry or re-run that finds them sent (a crash between the two):
  // the execution is named after the debrief, so it is started once.
  const checkins = kind === "tips" && !debrief.stoppedAt ? checkinWorkflowInput(debrief) : undefined;
  if (checkins && (outcome.status === "sent" || (outcome.status === "skipped" && outcome.reason === "already-sent"))) {
    await deps.checkins.start(checkins, checkinExecutionName(debrief.id));
  }
  return outcome;
}

/**
 * The claimed send itself. `replacing`: the repair pass sends again an email whose claim nothing
 * answered (repair.ts); it takes that claim over rather than making a new one, and records a skip
 * on it, so the email's record never stays unanswered; on a transient failure it keeps its claim
 * (nothing else would send the email: the workflow has moved on) for the next pass.
 */
export async function sendOnce(
  kind: SendKind,
  debrief: Debrief,
  deps: SendDeps,
  replacing?: SendRecord,
): Promise<SendOutcome> {
  const done = debrief.sends[kind];
  if (done && !replacing) {
    return { status: "skipped", reason: done.skipped === "suppressed" ? "suppressed" : "already-sent" };
  }
  // A claim is dated when it is written: its age says whether its sender can still be alive.
  const newClaim = (): SendRecord => ({
    claimedAt: deps.clock.now().toISOString(),
    claim: newClaimId(),
    ...(replacing
      ? {
          repairs: (replacing.repairs ?? 0) + 1,
          replaced: [...(replacing.replaced ?? []), ...(replacing.claim ? [replacing.claim] : [])],
        }
      : {}),
  });
  const skip = stopReason(debrief) ?? supersededReason(kind, debrief) ?? checkinSkipReason(kind, debrief);
  if (skip) {
    const claim = newClaim();
    if (replacing && (await deps.store.claimSend(debrief.id, kind, claim, replacing))) {
      await deps.store.completeSend(debrief.id, kind, claim, { skipped: skip });
    }
    return { status: "skipped", reason: skip };
  }

  // Links are derived from the debrief's key, so nothing is written for them.
  const linkKey = await linkKeyOf(debrief, deps.store);
  if (!linkKey) return { status: "skipped", reason: "gone" };
  const links = emailLinks(kind, { ...debrief, linkKey }, deps.publicUrl);
  const email = await deps.render(kind, debrief, links);

  // Checked as late as possible: a bounce or "this wasn't me" may have arrived since the workflow started.
  const suppressed = await deps.store.isSuppressed(debrief.input.candidate.email, deps.clock.now());
  const claim = newClaim();
  if (!(await deps.store.claimSend(debrief.id, kind, claim, replacing))) {
    return { status: "skipped", reason: "already-sent" };
  }
  if (suppressed) {
    // Recorded like a send, when a send would be: the page tells them apart only to a holder who proved the address.
    await deps.store.completeSend(debrief.id, kind, claim, { skipped: "suppressed" });
    return { status: "skipped", reason: "suppressed" };
  }
  // The claim's identity goes with the message: SES's events for it name the claim they confirm.
  const identity = claimIdentity({ debriefId: debrief.id, kind, claim: claim.claim ?? "" });
  let messageId: string;
  try {
    ({ messageId } = await deps.mailer.send({
      to: debrief.input.candidate.email,
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: { ...listUnsubscribeHeaders(kind, links.unsubscribe), [CLAIM_HEADER]: identity },
      tags: { [CLAIM_TAG]: identity },
    }));
  } catch (error) {
    if (error instanceof PermanentSendError) {
      await deps.store.completeSend(debrief.id, kind, claim, { rejected: error.message });
      return { status: "rejected", reason: error.message };
    }
    if (!replacing) await deps.store.releaseSend(debrief.id, kind, claim);
    throw error;
  }
  // SES has the message: whatever fails from here on (recording its id), the claim
  // stays, so the step's retry finds it and never sends the email a second time.
  await deps.store.completeSend(debrief.id, kind, claim, { messageId, sentAt: deps.clock.now().toISOString() });
  return { status: "sent", messageId };
}
