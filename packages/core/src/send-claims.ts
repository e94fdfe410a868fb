import { randomBytes } from "node:crypto";
import { z } from "zod";
import { CHECKIN_KINDS } from "./centres/model";
import { EMAIL_KINDS, type SendConfirmation, type SendKind } from "./debrief/model";

/**
 * A send's claim, named so that SES's events can find it again: every SendEmail carries the
 * claim's identity as a message tag (SES publishes message tags with every event of the
 * message) and as a header (which a person reading the raw email, or SES's event headers, can see).
 */
export const CLAIM_TAG = "debrief-claim";
export const CLAIM_HEADER = "X-Debrief-Claim";

export type ClaimRef = { debriefId: string; kind: SendKind; claim: string };

/** A new claim id: 16 hex digits, unique enough among one email's few claims. */
export function newClaimId(): string {
  return randomBytes(8).toString("hex");
}

/**
 * `<debrief id>_<kind>_<claim id>`: ids and a kind only, no personal data. SES message tag values
 * may hold only letters, digits, `_` and `-`: a debrief id (a UUID) has no `_`, so `_` separates.
 */
export function claimIdentity(ref: ClaimRef): string {
  return `${ref.debriefId}_${ref.kind}_${ref.claim}`;
}

const SEND_KINDS: readonly string[] = [...EMAIL_KINDS, ...CHECKIN_KINDS];
const IDENTITY = /^([A-Za-z0-9-]{1,100})_([a-z0-9]{1,20})_([0-9a-f]{8,64})$/;

export function parseClaimIdentity(value: string): ClaimRef | undefined {
  const [, debriefId, kind, claim] = IDENTITY.exec(value) ?? [];
  if (!debriefId || !kind || !claim || !SEND_KINDS.includes(kind)) return undefined;
  return { debriefId, kind: kind as SendKind, claim };
}

/** The SES events that say SES took a message: it was accepted (Send), then delivered (Delivery). */
const CONFIRMING_EVENTS = ["Send", "Delivery"] as const;
/** Their EventBridge detail types (infra/email.ts routes them to the SES event handler). */
export const CONFIRMING_DETAIL_TYPES = ["Email Sent", "Email Delivered"];

const confirmingEventSchema = z.object({
  eventType: z.enum(CONFIRMING_EVENTS),
  mail: z.object({
    messageId: z.string().min(1),
    timestamp: z.string().min(1),
    tags: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

export type ClaimConfirmation = ClaimRef & { confirmation: SendConfirmation };

/**
 * The claim an SES Send or Delivery event confirms, read from the message tag SES publishes
 * with it; undefined for any other event, and for a message that carries no claim (one sent
 * before claims had ids). Accepts the EventBridge envelope or the bare SES event.
 */
export function claimConfirmationFromSesEvent(event: unknown): ClaimConfirmation | undefined {
  const body = (event as { detail?: unknown } | null)?.detail ?? event;
  const parsed = confirmingEventSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { eventType, mail } = parsed.data;
  const ref = mail.tags?.[CLAIM_TAG]?.map(parseClaimIdentity).find(Boolean);
  if (!ref) return undefined;
  return { ...ref, confirmation: { messageId: mail.messageId, event: eventType, at: mail.timestamp } };
}
