import { z } from "zod";

/** A centre's public address: `/c/{slug}`. Lower-case, URL-safe, never a secret. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** Answers a candidate can give to an outcome check-in. */
export const CHECKIN_ANSWERS = ["no_reply", "second_interview", "offer", "rejected", "stop"] as const;
export type CheckinAnswer = (typeof CHECKIN_ANSWERS)[number];
export const CHECKIN_ANSWER_LABELS: Record<CheckinAnswer, string> = {
  no_reply: "No reply yet",
  second_interview: "I got a second interview",
  offer: "I got an offer",
  rejected: "They said no",
  stop: "Stop asking",
};

/** The check-in emails, sent 7 and 14 days after the interview. */
export const CHECKIN_KINDS = ["checkin7", "checkin14"] as const;
export type CheckinKind = (typeof CHECKIN_KINDS)[number];
export const CHECKIN_DAYS: Record<CheckinKind, number> = { checkin7: 7, checkin14: 14 };

export function isCheckinKind(kind: string): kind is CheckinKind {
  return (CHECKIN_KINDS as readonly string[]).includes(kind);
}

/** A recorded check-in answer: at most one per check-in email. */
export type CheckinRecord = { answer: CheckinAnswer; at: string };

/** Timing a centre may change, within bounds that keep the emails humane and useful. */
export const TIMING_BOUNDS = {
  nudgeHour: { min: 7, max: 20 },
  nudgeAfterDays: { min: 1, max: 3 },
  tipsAfterDays: { min: 1, max: 7 },
} as const;

/**
 * Statistics never show a group (or count) of fewer distinct students than this: the most
 * common minimum cell size in US state education reporting (NCES 2011-603). A centre may
 * choose another within MIN_GROUP_SIZE_BOUNDS (the range US states use), never below 5.
 */
export const DEFAULT_MIN_GROUP_SIZE = 10;
export const MIN_GROUP_SIZE_BOUNDS = { min: 5, max: 30 } as const;

/** The smallest group a centre's statistics show. */
export const minGroupSizeOf = (c: Pick<CentreSettings, "minGroupSize">) => c.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;

const ONE_LINE = /^[^\p{Cc}]*$/u;
const line = (max: number) =>
  z
    .string({ error: "Must be text" })
    .trim()
    .min(1, "Required")
    .max(max, `Keep this under ${max} characters`)
    .regex(ONE_LINE, "Must be a single line of text");
const httpsUrl = line(500).pipe(z.url({ protocol: /^https$/, error: "Must be an https link" }));
const bounded = (b: { min: number; max: number }) =>
  z
    .number({ error: "Must be a whole number" })
    .int("Must be a whole number")
    .min(b.min, `At least ${b.min}`)
    .max(b.max, `At most ${b.max}`);

/** An email domain such as `uni.example.edu` (lower-cased; no @, no wildcard). */
const domain = z
  .string({ error: "Must be text" })
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "Must be a domain such as uni.example.edu",
  );

/** Everything a centre can set; the CLI and the admin API accept exactly this. */
export const centreSettingsSchema = z.strictObject({
  slug: z.string({ error: "Must be text" }).regex(SLUG_PATTERN, "Use 1-40 lower-case letters, digits and dashes"),
  displayName: line(100),
  logoUrl: httpsUrl.optional(),
  /** Used for borders and the heading rule, never for text, so any colour stays readable. */
  accentColour: z
    .string({ error: "Must be text" })
    .regex(/^#[0-9a-fA-F]{6}$/, "Must be a colour such as #0b5394")
    .optional(),
  advisor: z.strictObject({ name: line(100), email: line(254).pipe(z.email("Must be a valid email address")) }),
  /** Empty: anyone may use the link. Otherwise the student's address must end in one of these. */
  allowedDomains: z.array(domain).max(20, "At most 20 domains").default([]),
  resources: z
    .array(z.strictObject({ title: line(120), url: httpsUrl }))
    .max(10, "At most 10 resources")
    .default([]),
  tips: z.array(line(300)).max(10, "At most 10 tips").default([]),
  /** Programmes or classes a student may pick; statistics are grouped by them. */
  cohorts: z.array(line(60)).max(50, "At most 50 cohorts").default([]),
  /** The smallest group of distinct students its statistics show (default 10, never below 5). */
  minGroupSize: bounded(MIN_GROUP_SIZE_BOUNDS).optional(),
  timing: z
    .strictObject({
      nudgeHour: bounded(TIMING_BOUNDS.nudgeHour).optional(),
      nudgeAfterDays: bounded(TIMING_BOUNDS.nudgeAfterDays).optional(),
      tipsAfterDays: bounded(TIMING_BOUNDS.tipsAfterDays).optional(),
    })
    .default({}),
});

export type CentreSettings = z.infer<typeof centreSettingsSchema>;
export type CentreSettingsInput = z.input<typeof centreSettingsSchema>;

/** A stored centre: its settings plus the hashes of its live admin keys (never the keys). */
export type Centre = CentreSettings & { createdAt: string; updatedAt: string; keyHashes: string[] };

/** What a debrief keeps of its centre at submission, so the tips email needs no second lookup. */
export type CentreSnapshot = {
  displayName: string;
  advisor: { name: string; email: string };
  tips: string[];
  resources: { title: string; url: string }[];
};

export function snapshotOf(c: CentreSettings): CentreSnapshot {
  return { displayName: c.displayName, advisor: c.advisor, tips: c.tips, resources: c.resources };
}

/** The centre's settings without anything secret (key hashes stay in the store). */
export function publicCentre(c: Centre): CentreSettings & { createdAt: string; updatedAt: string } {
  const { keyHashes: _k, ...rest } = c;
  return rest;
}

/** True when the address may use the centre's link. */
export function emailAllowed(c: Pick<CentreSettings, "allowedDomains">, email: string): boolean {
  if (c.allowedDomains.length === 0) return true;
  const at = email.lastIndexOf("@");
  if (at < 0) return false;
  const host = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return c.allowedDomains.some((d) => host === d || host.endsWith(`.${d}`));
}
