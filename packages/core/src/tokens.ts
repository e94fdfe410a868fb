import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { EMAIL_KINDS, type SendKind } from "./debrief/model";
import { CANDIDATE_ACTIONS, type CandidateAction } from "./ports";

/** 256 random bits, URL-safe: a secret (a debrief's link key, a centre's admin key). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** Every link token has exactly this shape (32 bytes, base64url); anything else is refused before any lookup. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newDebriefId(): string {
  return randomUUID();
}

// --- Link tokens, derived from the debrief's own key -------------------------------------------

/**
 * What a link can do. Each kind opens exactly one route, so a token seen by a mail
 * provider (the List-Unsubscribe header) or clicked by someone else ("this wasn't me")
 * never opens the candidate's page:
 * - `page`: the candidate's page, full access (the submission's answer and every email);
 * - `unsubscribe`: RFC 8058 one-click unsubscribe only (the List-Unsubscribe header);
 * - `not-me`: "this wasn't me" only (the footer of every email, never the submitter's answer);
 * - `action`: one email's one-use button ("I sent it", "snooze", "stop", "delete").
 */
export type LinkPurpose =
  | { kind: "page" }
  | { kind: "unsubscribe" }
  | { kind: "not-me" }
  | { kind: "action"; email: SendKind; action: CandidateAction };
export type LinkKind = LinkPurpose["kind"];

const SEND_KINDS: readonly SendKind[] = [...EMAIL_KINDS, "checkin7", "checkin14"];
const ACTION_BASE = 16;

/** One byte per purpose: 1-3 for the debrief-wide kinds, 16 + 4 × email + action for one-use buttons. */
export function purposeCode(p: LinkPurpose): number {
  switch (p.kind) {
    case "page":
      return 1;
    case "unsubscribe":
      return 2;
    case "not-me":
      return 3;
    case "action":
      return ACTION_BASE + SEND_KINDS.indexOf(p.email) * CANDIDATE_ACTIONS.length + CANDIDATE_ACTIONS.indexOf(p.action);
  }
}

function purposeOf(code: number): LinkPurpose | undefined {
  if (code === 1) return { kind: "page" };
  if (code === 2) return { kind: "unsubscribe" };
  if (code === 3) return { kind: "not-me" };
  const n = code - ACTION_BASE;
  const email = SEND_KINDS[Math.floor(n / CANDIDATE_ACTIONS.length)];
  const action = CANDIDATE_ACTIONS[n % CANDIDATE_ACTIONS.length];
  return n >= 0 && email && action ? { kind: "action", email, action } : undefined;
}

const MAC_BYTES = 15;

function mac(debriefId: string, linkKey: string, code: number): Buffer {
  return createHmac("sha256", Buffer.from(linkKey, "base64url"))
    .update(`debrief-link:v1:${debriefId}:${code}`)
    .digest()
    .subarray(0, MAC_BYTES);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A link token: the debrief's id (16 bytes), the purpose (1 byte) and a 120-bit HMAC of
 * both under the debrief's `linkKey` (a random key stored on the debrief, never shown).
 * Nothing is written when a link is made: the same debrief and purpose always give the
 * same token, and erasing the debrief (its key) invalidates every link at once.
 */
export function deriveToken(debriefId: string, linkKey: string, purpose: LinkPurpose): string {
  if (!UUID.test(debriefId)) throw new Error("A link token needs a debrief id in UUID form");
  const code = purposeCode(purpose);
  const id = Buffer.from(debriefId.replace(/-/g, ""), "hex");
  return Buffer.concat([id, Buffer.from([code]), mac(debriefId, linkKey, code)]).toString("base64url");
}

/** The debrief id a well-formed token names (before it is verified against that debrief's key). */
export function tokenDebriefId(token: string): string | undefined {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const bytes = Buffer.from(token, "base64url");
  // The last of 43 characters carries two unused bits: only the one spelling of the bytes is a token.
  if (bytes.toString("base64url") !== token) return undefined;
  const hex = bytes.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What a token may do, if it was derived from this debrief's key; undefined for anything else. */
export function verifyToken(token: string, debrief: { id: string; linkKey?: string }): LinkPurpose | undefined {
  if (!debrief.linkKey || tokenDebriefId(token) !== debrief.id) return undefined;
  const bytes = Buffer.from(token, "base64url");
  const code = bytes[16] ?? 0;
  const purpose = purposeOf(code);
  if (!purpose) return undefined;
  const expected = mac(debrief.id, debrief.linkKey, code);
  return timingSafeEqual(expected, bytes.subarray(17)) ? purpose : undefined;
}

/** The key a debrief's links are derived from: random, stored with the debrief only. */
export const newLinkKey = newToken;
