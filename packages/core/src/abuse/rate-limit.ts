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

/** "This wasn't me" posts one client IP may make per hour (each looks up an address's debriefs). */
export const NOT_ME_PER_IP_PER_HOUR = 20;
/** Posts to one debrief's unsubscribe or "this wasn't me" link per hour (mail providers post once). */
export const LINK_POSTS_PER_DEBRIEF_PER_HOUR = 10;

/**
 * Throttles the POSTs of the email links that act without a one-use token: `/u` (one-click
 * unsubscribe, posted by mail providers' servers, so never limited per IP: one provider posts
 * for many people) and `/not-me` (limited per IP too). `requestId` is new per request, so
 * each post counts.
 */
export async function checkLinkLimits(
  link: "unsubscribe" | "not-me",
  subject: { ip?: string; debriefId: string; requestId: string },
  now: Date,
  counter: RateCounter,
): Promise<RateLimitVerdict> {
  const w = windowOf(now, HOUR_S);
  if (link === "not-me" && subject.ip) {
    const key = `${link}#ip#${await counter.digest("ip", subject.ip)}#${w.start}`;
    if (!(await counter.admit(key, subject.requestId, NOT_ME_PER_IP_PER_HOUR, w.end))) {
      return { limited: true, scope: "ip", retryAfterSeconds: w.retryAfterSeconds };
    }
  }
  const key = `${link}#debrief#${subject.debriefId}#${w.start}`;
  if (!(await counter.admit(key, subject.requestId, LINK_POSTS_PER_DEBRIEF_PER_HOUR, w.end))) {
    return { limited: true, scope: "address", retryAfterSeconds: w.retryAfterSeconds };
  }
  return { limited: false };
}

/** Sign-in links one address may be sent per hour (each request is counted, known address or not). */
export const SIGN_IN_PER_ADDRESS_PER_HOUR = 5;
/** Sign-in requests one client IP may make per hour (a centre's office may share one address). */
export const SIGN_IN_PER_IP_PER_HOUR = 30;

/**
 * Throttles requests for a centre's sign-in link, per client IP and per address, before
 * the address is looked up: an address without an account is counted and answered alike,
 * so the limit tells nothing about which addresses have one.
 */
export async function checkSignInLimits(
  subject: { ip?: string; address: string; requestId: string },
  now: Date,
  counter: RateCounter,
): Promise<RateLimitVerdict> {
  const w = windowOf(now, HOUR_S);
  if (subject.ip) {
    const key = `sign-in#ip#${await counter.digest("ip", subject.ip)}#${w.start}`;
    if (!(await counter.admit(key, subject.requestId, SIGN_IN_PER_IP_PER_HOUR, w.end))) {
      return { limited: true, scope: "ip", retryAfterSeconds: w.retryAfterSeconds };
    }
  }
  const key = `sign-in#address#${await counter.digest("address", subject.address)}#${w.start}`;
  if (!(await counter.admit(key, subject.requestId, SIGN_IN_PER_ADDRESS_PER_HOUR, w.end))) {
    return { limited: true, scope: "address", retryAfterSeconds: w.retryAfterSeconds };
  }
  return { limited: false };
}
