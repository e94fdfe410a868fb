import type { InsightFacts } from "../centres/facts";
import type { CentreSnapshot, CheckinKind, CheckinRecord } from "../centres/model";
import type { LetterPart } from "../content/letter";
import type { Schedule } from "../schedule";
import type { DebriefInput } from "./schema";

export const EMAIL_KINDS = ["letter", "nudge", "tips"] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];
/** Every email the workflow sends: the three above plus the outcome check-ins of centre debriefs. */
export type SendKind = EmailKind | CheckinKind;

/**
 * One email's delivery record: claimed before SES is called, completed after (send.ts). A claim
 * never answered (the step died between the claim and SES's answer) is repaired (repair.ts).
 */
export type SendRecord = {
  claimedAt: string;
  /**
   * The claim's own id (claims of earlier releases have none): with the debrief id and the kind,
   * the identity its SendEmail carries as a message tag and a header, and SES's events name (send-claims.ts).
   */
  claim?: string;
  messageId?: string;
  sentAt?: string;
  /** A permanent refusal (e.g. SES rejected the address); never retried. */
  rejected?: string;
  /** Why the send was skipped (the candidate stopped emails, the address is suppressed). */
  skipped?: string;
  /** SES's first event for this claim's message (Send, Delivery): SES took it, whether or not the step recorded it. */
  confirmed?: SendConfirmation;
  /** How many times the repair pass has sent this email again; this claim is the last of them. */
  repairs?: number;
  /** The ids of the claims this one replaced, each sent again because SES never confirmed it. */
  replaced?: string[];
  /** Those of `replaced` whose SES event came after all: the email went out twice (the duplicate window). */
  lateConfirmations?: string[];
  /** When the candidate asked on their page to send again an email that could not be confirmed. */
  resendRequestedAt?: string;
};

/** What SES's event says of a message: its id, which event, and when SES published it. */
export type SendConfirmation = { messageId: string; event: "Send" | "Delivery"; at: string };

export type Debrief = {
  id: string;
  input: DebriefInput;
  createdAt: string;
  schedule: Schedule;
  /** When the debrief and every trace of it must be gone (retention). */
  expiresAt: string;
  /** Hashes of the page and action tokens stored as items (ports.ts StoredTokens), so erasure can remove them. */
  tokenHashes: string[];
  /** The secret every link of this debrief is derived from (tokens.ts); never shown, gone with the debrief. */
  linkKey?: string;
  /** The one-use links already used, by purpose code (tokens.ts). */
  usedLinks?: Set<string>;
  workflowStartedAt?: string;
  /** Digest of the validated input when it was submitted with an idempotency key (see submit.ts). */
  requestHash?: string;
  /** The name of the debrief's current execution when it is not the debrief id (a redrive). */
  workflowName?: string;
  sends: Partial<Record<SendKind, SendRecord>>;
  /** The candidate said they sent the letter. */
  letterSentAt?: string;
  /**
   * When the candidate first acted (a POST) through a one-use link that reached them by
   * email: proof that the address is theirs. Centre statistics count only such debriefs.
   */
  addressProvenAt?: string;
  /** The candidate asked for no more emails. */
  stoppedAt?: string;
  /** The letter as the candidate edited it on their page; absent while they use the composed one. */
  draft?: { subject: string; body: string; editedAt: string };
  /**
   * Parts of the letter the candidate put back on their page although the composer leaves
   * them out (the length is `input.length`, like the tone). Absent: none.
   */
  letterInclude?: LetterPart[];
  /** How many times the candidate put the next email off by a day. */
  snoozes?: number;
  /** The candidate told us they got a second interview: the tips go out at once, the reminder is moot. */
  secondInterviewAt?: string;
  failure?: { at: string; step: string; error: string };
  /** The career centre the candidate came through (its slug). */
  centre?: string;
  /** The candidate chose to let the centre's advisor read this debrief; false once withdrawn. */
  shareWithCentre?: boolean;
  /** The centre's cohort the candidate picked, used only in aggregate statistics. */
  cohort?: string;
  /**
   * The centre whose statistics count this debrief: its centre, set when the student proves
   * their address (`addressProvenAt`); the key of the statistics index.
   */
  countedIn?: string;
  /** What a centre's insights count of this debrief (centre debriefs only; centres/facts.ts). */
  insightFacts?: InsightFacts;
  /** The centre's tips and resources at submission, appended to the tips email. */
  centreSnapshot?: CentreSnapshot;
  /** When the outcome check-ins are due (centre debriefs only). */
  checkinAt?: Record<CheckinKind, string>;
  /** One answer per check-in email. */
  checkins?: Partial<Record<CheckinKind, CheckinRecord>>;
};

/**
 * What the workflow carries: ids and times only, never personal data. A centre debrief's
 * check-in times go to the check-in workflow, which its tips step starts (centres/checkins.ts).
 */
export type WorkflowInput = { debriefId: string; nudgeAt: string; tipsAt: string };

export function workflowInput(d: Debrief): WorkflowInput {
  return { debriefId: d.id, nudgeAt: d.schedule.nudgeAt, tipsAt: d.schedule.tipsAt };
}

/** The name of the debrief's current workflow execution. */
export function executionName(d: Pick<Debrief, "id" | "workflowName">): string {
  return d.workflowName ?? d.id;
}

/** The name of a centre debrief's check-in execution: fixed, so the tips step starts it once. */
export const checkinExecutionName = (debriefId: string) => `${debriefId}-checkins`;

/**
 * The executions that may still send for a debrief, by state machine: its own, and the
 * check-ins' once the tips step has started them (only a debrief with check-in times has them).
 */
export function runningExecutions(d: Pick<Debrief, "id" | "workflowName" | "checkinAt" | "sends">): {
  debrief: string;
  checkins?: string;
} {
  return {
    debrief: executionName(d),
    ...(d.checkinAt && d.sends.tips ? { checkins: checkinExecutionName(d.id) } : {}),
  };
}

export function isExpired(d: Pick<Debrief, "expiresAt">, now: Date): boolean {
  return Date.parse(d.expiresAt) <= now.getTime();
}
