import { createHash } from "node:crypto";
import { addressKey } from "../tokens";

export type RateLimits = {
  /** New debriefs one recipient address may receive per UTC day. */
  perAddressPerDay: number;
  /** New debriefs one client IP may submit per hour (a campus often shares one address). */
  perIpPerHour: number;
};

export const DEFAULT_RATE_LIMITS: RateLimits = { perAddressPerDay: 3, perIpPerHour: 60 };

/** A counter store (DynamoDB items with TTL in production). */
export interface RateCounter {
  /** Adds one hit to the counter `key`, which may be deleted after `expiresAt`; returns the count including this hit. */
  hit(key: string, expiresAt: Date): Promise<number>;
}

export type RateLimitVerdict =
  | { limited: false }
  | { limited: true; scope: "ip" | "address"; retryAfterSeconds: number };

const HOUR_S = 3600;
const DAY_S = 86_400;

/** A fixed window: which one `now` falls in, and how long until it ends. */
function windowOf(now: Date, seconds: number) {
  const nowS = Math.floor(now.getTime() / 1000);
  const start = nowS - (nowS % seconds);
  return { start, end: new Date((start + seconds) * 1000), retryAfterSeconds: Math.max(1, start + seconds - nowS) };
}

/** Neither the IP nor the address is kept: only a digest names the counter. */
const ipKey = (ip: string) => createHash("sha256").update(`ip:${ip}`).digest("base64url");

/**
 * Counts a new debrief against its client IP (per hour) and its recipient address
 * (per UTC day). The IP is counted first, so a client already over its limit cannot
 * use up an address's allowance. Only submissions that would create a debrief are
 * counted: invalid input and idempotent repeats are not.
 */
export async function checkRateLimits(
  subject: { ip?: string; address: string },
  now: Date,
  limits: RateLimits,
  counter: RateCounter,
): Promise<RateLimitVerdict> {
  if (subject.ip) {
    const w = windowOf(now, HOUR_S);
    const count = await counter.hit(`ip#${ipKey(subject.ip)}#${w.start}`, w.end);
    if (count > limits.perIpPerHour) return { limited: true, scope: "ip", retryAfterSeconds: w.retryAfterSeconds };
  }
  const w = windowOf(now, DAY_S);
  const count = await counter.hit(`address#${addressKey(subject.address)}#${w.start}`, w.end);
  if (count > limits.perAddressPerDay)
    return { limited: true, scope: "address", retryAfterSeconds: w.retryAfterSeconds };
  return { limited: false };
}
