import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The form's hidden ticket: `<nonce>.<issued at, epoch s>.<HMAC>`. The nonce is the
 * form's idempotency key (a double click sends it twice); the signed issue time lets
 * the server refuse a form filled faster than a person can, and one that is too old.
 */
export type FormTicketCheck =
  | { ok: true; nonce: string }
  | { ok: false; reason: "missing" | "invalid" | "too-fast" | "expired" };

export type FormTicketPolicy = { minFillSeconds: number; maxAgeSeconds: number };

const sign = (secret: string, payload: string) => createHmac("sha256", secret).update(payload).digest("base64url");

export function issueFormTicket(secret: string, now: Date): string {
  const payload = `${randomBytes(18).toString("base64url")}.${Math.floor(now.getTime() / 1000)}`;
  return `${payload}.${sign(secret, payload)}`;
}

export function checkFormTicket(
  ticket: string | undefined,
  secret: string,
  now: Date,
  policy: FormTicketPolicy,
): FormTicketCheck {
  if (!ticket) return { ok: false, reason: "missing" };
  const match = /^([A-Za-z0-9_-]{24})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(ticket);
  if (!match) return { ok: false, reason: "invalid" };
  const [, nonce = "", issued = "", mac = ""] = match;
  const expected = Buffer.from(sign(secret, `${nonce}.${issued}`));
  if (!timingSafeEqual(expected, Buffer.from(mac))) return { ok: false, reason: "invalid" };
  const age = now.getTime() / 1000 - Number(issued);
  if (age > policy.maxAgeSeconds) return { ok: false, reason: "expired" };
  if (age < policy.minFillSeconds) return { ok: false, reason: "too-fast" };
  return { ok: true, nonce };
}
