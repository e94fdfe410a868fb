export type RateLimits = {
  /** New debriefs one recipient address may receive per UTC day. */
  perAddressPerDay: number;
  /** New debriefs one client IP may submit per hour (a campus often shares one address). */
  perIpPerHour: number;
};

export const DEFAULT_RATE_LIMITS: RateLimits = { perAddressPerDay: 3, perIpPerHour: 60 };

/** Counters of debrief ids per window (DynamoDB items with TTL in production). */
export interface RateCounter {
  /**
   * Counts `id` under `key` unless the counter already holds `limit` other ids; true
   * when `id` is counted. Counting an id again is free, so racing repeats of one
   * idempotent submission use one unit of the allowance. The counter may be deleted after `expiresAt`.
   */
  admit(key: string, id: string, limit: number, expiresAt: Date): Promise<boolean>;
  /**
   * The keyed digest (digest.ts) that names a counter for this IP or address: an address is
   * normalised first, so `bomb+1@` and `b.o.m.b@gmail.com` count against their mailbox.
   */
  digest(purpose: "ip" | "address", value: string): Promise<string>;
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

/**
 * Counts a new debrief against its client IP (per hour) and its recipient address
 * (per UTC day). The IP is counted first, so a client already over its limit cannot
 * use up an address's allowance. Only submissions that would create a debrief are
 * counted: invalid input is not, and
 * repeats of one idempotent submission count once.
 */
export async function checkRateLimits(
  subject: { ip?: string; address: string; debriefId: string },
  now: Date,
  limits: RateLimits,
  counter: RateCounter,
): Promise<RateLimitVerdict> {
  if (subject.ip) {
    const w = windowOf(now, HOUR_S);
    const admitted = await counter.admit(
      `ip#${await counter.digest("ip", subject.ip)}#${w.start}`,
      subject.debriefId,
      limits.perIpPerHour,
      w.end,
    );
    if (!admitted) return { limited: true, scope: "ip", retryAfterSeconds: w.retryAfterSeconds };
  }
  const w = windowOf(now, DAY_S);
  // Neither the IP nor the address is kept: only a keyed digest names the counter.
  const key = `address#${await counter.digest("address", subject.address)}#${w.start}`;
  if (!(await counter.admit(key, subject.debriefId, limits.perAddressPerDay, w.end))) {
    return { limited: true, scope: "address", retryAfterSeconds: w.retryAfterSeconds };
  }
  return { limited: false };
}
