import type { CheckinWorkflowInput } from "./centres/checkins";
import type { Debrief, SendConfirmation, SendKind, SendRecord, WorkflowInput } from "./debrief/model";
import type { ClaimRef } from "./send-claims";

/** Which claim of an email: its time and, for claims since they had one, its id. */
export type ClaimOf = Pick<SendRecord, "claimedAt" | "claim">;
/** What becomes of a claimed send: SES's message id, a permanent refusal, or a skip. */
export type SendAnswer = Pick<SendRecord, "messageId" | "sentAt" | "rejected" | "skipped">;

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** A store failure the caller may retry (throttling, the table unreachable). */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";
}

/**
 * The debriefs' storage. Implemented over DynamoDB in adapters/aws/dynamo-store/; the
 * single table's schema (key prefixes, TTL attribute, index, marshalling, conditional
 * writes) lives in adapters/aws/table.ts alone, shared with the centre store
 * (centres/store.ts) and the rate counter (abuse/rate-limit.ts).
 */
export interface DebriefStore {
  /**
   * Writes a new debrief and the lookup items of the page tokens it lists (undoing the
   * debrief if they cannot be written); false if one with that id already exists.
   */
  create(debrief: Debrief): Promise<boolean>;
  /** Reads a debrief; expired ones are hidden even before the store deletes them. */
  get(id: string, now: Date): Promise<Debrief | undefined>;
  /** Deletes a debrief item (compensation and erasure). */
  delete(id: string): Promise<void>;
  markWorkflowStarted(id: string, at: Date): Promise<void>;
  /**
   * Claims an email before it is sent: true for exactly one caller. With `replacing`, the repair
   * pass takes over that claim instead (repair.ts): only it, and only while nothing answered it.
   */
  claimSend(id: string, kind: SendKind, claim: SendRecord, replacing?: ClaimOf): Promise<boolean>;
  /** Gives this claim back after SES refused the message for a reason worth retrying (never an answered one). */
  releaseSend(id: string, kind: SendKind, claim: ClaimOf): Promise<void>;
  /** Records what became of this claim's send; throws if another claim has replaced it since. */
  completeSend(id: string, kind: SendKind, claim: ClaimOf, record: SendAnswer): Promise<void>;
  /**
   * Records SES's event for the message a claim sent: "confirmed" on that claim while it is the
   * email's claim; "late" once, when a resend had replaced it (the email went out twice); else "unknown".
   */
  recordSendConfirmation(ref: ClaimRef, confirmation: SendConfirmation): Promise<"confirmed" | "late" | "unknown">;
  /** The candidate asks to send again an email whose claim nothing answered: true if that claim is still the email's. */
  requestResend(id: string, kind: SendKind, claim: ClaimOf, at: Date): Promise<boolean>;
  recordFailure(id: string, failure: NonNullable<Debrief["failure"]>): Promise<void>;
  /**
   * Gives a debrief its link key unless it has one (the first writer wins) and returns the key
   * it has (links are derived from it: tokens.ts); undefined for a debrief that is gone. Only
   * the migration of debriefs stored without one writes it (operations.ts `linkKeyOf`).
   */
  ensureLinkKey(id: string, linkKey: string): Promise<string | undefined>;
  /**
   * Marks a one-use link used (by its purpose code): the debrief as it is now for exactly one
   * caller; undefined for every later one, and for a debrief that is gone or expired.
   */
  useLink(id: string, code: string, now: Date): Promise<Debrief | undefined>;
  /** The links of emails sent before release 0.1.0, which no migration can rewrite (see StoredTokens). */
  storedTokens: StoredTokens;
  /** Changes what the candidate controls on their page; a debrief that is gone is left gone. */
  updateDebrief(id: string, changes: DebriefChanges): Promise<void>;
  /** Erasure: deletes the debrief and every token item that leads to it. */
  erase(debrief: Pick<Debrief, "id" | "tokenHashes">): Promise<void>;
  /**
   * Adds an address to the suppression list (bounce, complaint, "this wasn't me"). Only a keyed
   * digest of its normalised form is kept (digest.ts). A suppression with `expiresAt` (a "this
   * wasn't me") lapses then; one without never does, and replaces one that would.
   */
  suppress(address: string, reason: SuppressionReason, at: Date, expiresAt?: Date): Promise<void>;
  /** Whether mail to this address (or another spelling of its mailbox) is suppressed at `now`. */
  isSuppressed(address: string, now?: Date): Promise<boolean>;
  /**
   * The unexpired debriefs sent to this address's mailbox, through the address index (a
   * Query on its keyed digest, never a Scan): what stopping their workflows needs.
   */
  debriefsForAddress(
    address: string,
    now: Date,
  ): AsyncIterable<Pick<Debrief, "id" | "expiresAt" | "workflowName" | "workflowStartedAt">>;
  /**
   * Gives each debrief without the address index's digest its digest; how many it changed
   * (the reconciler's migration, operations.ts `migrateStoredDebriefs`).
   */
  backfillAddressDigests(): Promise<number>;
  /**
   * Every stored debrief that has not expired, page by page (operations: reconcile,
   * redrive, stopping an address's workflows). A Scan: these run a few times an hour
   * over at most a few thousand items, cheaper than an index written on every change.
   */
  listDebriefs(now: Date): AsyncIterable<Debrief>;
  /** Every unexpired debrief's send records, and nothing else of it (the repair pass; a Scan like listDebriefs). */
  listSendRecords(now: Date): AsyncIterable<Pick<Debrief, "id" | "sends">>;
  /** Deletes every item past its retention and returns how many (DynamoDB TTL does it within days; dynalite never). */
  deleteExpired(now: Date): Promise<number>;
  /** Records a new execution of a failed debrief's workflow and clears the failure. */
  markRedriven(id: string, executionName: string, at: Date): Promise<void>;
  ping(): Promise<void>;
}

/**
 * Page and action tokens stored as items, which the emails sent before release 0.1.0
 * (2026-12-07) carry in their links; links are now derived from the debrief's key and stored
 * nowhere. No migration can rewrite a link in a sent email, so these lookups stay until the
 * last debrief that lists such tokens has expired: under the default retention (180 days),
 * after 2027-06-05. Implemented in adapters/aws/dynamo-store/stored-tokens.ts alone, which says
 * what to remove then.
 */
export interface StoredTokens {
  /** The debrief id behind a page token's hash (not an action token's). */
  findPageToken(tokenHash: string, now: Date): Promise<string | undefined>;
  /** The debrief and action behind an action token's hash, without using it up. */
  findActionToken(tokenHash: string, now: Date): Promise<{ debriefId: string; action: CandidateAction } | undefined>;
  /** Uses an action token up: exactly one caller gets its debrief and action, later ones nothing. */
  consumeActionToken(tokenHash: string, now: Date): Promise<{ debriefId: string; action: CandidateAction } | undefined>;
}

export type SuppressionReason = "bounce" | "complaint" | "not-me";

/** What the one-use links in an email can do. */
export const CANDIDATE_ACTIONS = ["sent", "snooze", "stop", "delete"] as const;
export type CandidateAction = (typeof CANDIDATE_ACTIONS)[number];

/** Fields the candidate's page may change; `undefined` removes a field. */
export type DebriefChanges = Partial<
  Pick<
    Debrief,
    | "draft"
    | "letterSentAt"
    | "stoppedAt"
    | "snoozes"
    | "secondInterviewAt"
    | "schedule"
    | "workflowName"
    | "input"
    | "letterInclude"
    | "addressProvenAt"
    | "countedIn"
  >
>;

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  /** SES message tags: published with every event of the message (send-claims.ts names the claim this way). */
  tags?: Record<string, string>;
};

/** A refusal that retrying cannot fix (bad address, suppressed, message rejected). */
export class PermanentSendError extends Error {
  override name = "PermanentSendError";
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  ping(): Promise<void>;
}

export interface Workflow {
  /** Starts the debrief's workflow; starting one that already exists is a success. */
  start(input: WorkflowInput | CheckinWorkflowInput, executionName?: string): Promise<void>;
  /** Stops a running execution (default name: the debrief id); one that is not running is left as it is. */
  stop(executionName: string, reason: string): Promise<void>;
  ping(): Promise<void>;
}

export type RenderedEmail = { subject: string; html: string; text: string };

/** Turns a debrief into one of its emails (react-email lives behind this port). */
export type EmailRenderer = (kind: SendKind, debrief: Debrief, links: EmailLinks) => Promise<RenderedEmail>;

export type EmailLinks = {
  page: string;
  /** One-use links for the email's buttons ("I sent it", "snooze a day", "stop emails", "delete my data"). */
  actions?: Partial<Record<CandidateAction, string>>;
  /** The one-click unsubscribe link of the List-Unsubscribe header: it can do nothing else. */
  unsubscribe?: string;
  /** The "this wasn't me" link of the footer: it can do nothing else. */
  notMe?: string;
};
