import type { Debrief } from "../debrief/model";
import { type FieldErrors, fieldErrors, validateDebrief } from "../debrief/validate";
import type { Clock, DebriefStore } from "../ports";
import type { ScheduleConfig } from "../schedule";
import { type SubmitContext, type SubmitDeps, type SubmitResult, submitDebrief } from "../submit";
import { hashToken, newToken } from "../tokens";
import { type Actor, ownerOf, recordCentreEvent } from "./accounts";
import { checkinTimes } from "./checkins";
import { insightFactsOf } from "./facts";
import {
  type Centre,
  type CentreSettings,
  type CheckinAnswer,
  type CheckinKind,
  centreSettingsSchema,
  emailAllowed,
  minGroupSizeOf,
  publicCentre,
  snapshotOf,
} from "./model";
import {
  type CentreInsights,
  type CentreStats,
  centreInsights,
  centreStats,
  type InsightsFilter,
  ISO_WEEK_PATTERN,
  UNSPECIFIED_COHORT,
} from "./stats";
import type { AuditEntry, CentreDebriefSummary, CentreStore } from "./store";
import type { AccountStore, Advisor } from "./team";

/** `cak_` + 256 random bits: an admin key is shown once and only its SHA-256 is stored. */
export const ADMIN_KEY_PATTERN = /^cak_[A-Za-z0-9_-]{43}$/;
export function newAdminKey(): string {
  return `cak_${newToken()}`;
}
export const hashAdminKey = hashToken;
/** A short, non-secret name for a key in the audit log. */
export const keyIdOf = (keyHash: string) => keyHash.slice(0, 8);

export type CentreResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export class CentreExistsError extends Error {
  override name = "CentreExistsError";
}
export class CentreNotFoundError extends Error {
  override name = "CentreNotFoundError";
}

/**
 * Creates a centre and its owner (`pnpm centre create`): the owner signs in by email and
 * invites the advisors. The owner is the centre's advisor contact unless another is given.
 */
export async function createCentre(
  stores: { centres: CentreStore; accounts: AccountStore },
  input: unknown,
  clock: Clock,
  ownerInput?: { name?: unknown; email?: unknown },
): Promise<CentreResult<{ centre: Centre; owner: Advisor }>> {
  const parsed = centreSettingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const named = centreSettingsSchema.shape.advisor.safeParse({ ...parsed.data.advisor, ...ownerInput });
  if (!named.success) return { ok: false, errors: prefixed("owner", fieldErrors(named.error)) };
  const now = clock.now();
  const centre: Centre = { ...parsed.data, createdAt: now.toISOString(), updatedAt: now.toISOString(), keyHashes: [] };
  if (!(await stores.centres.createCentre(centre))) {
    throw new CentreExistsError(`A centre "${centre.slug}" already exists`);
  }
  const owner = ownerOf(named.data.email, named.data.name, now);
  await stores.accounts.addAdvisor(centre.slug, owner);
  return { ok: true, value: { centre, owner } };
}

const prefixed = (prefix: string, errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}.${k}`, v]));

/** Changes some of a centre's settings; the slug cannot change (links are printed). */
export async function updateCentre(
  store: CentreStore,
  slug: string,
  changes: Record<string, unknown>,
  clock: Clock,
): Promise<CentreResult<Centre>> {
  const centre = await store.getCentre(slug);
  if (!centre) throw new CentreNotFoundError(`No centre "${slug}"`);
  const { createdAt, updatedAt: _u, keyHashes, ...settings } = centre;
  const parsed = centreSettingsSchema.safeParse({ ...settings, ...changes, slug });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const updated: Centre = { ...parsed.data, createdAt, updatedAt: clock.now().toISOString(), keyHashes };
  if (!(await store.saveCentre(updated))) throw new CentreNotFoundError(`No centre "${slug}"`);
  return { ok: true, value: updated };
}

/**
 * A centre's statistics, at its minimum group size, over its counted students (a Query on the
 * student index). Only students who proved their address count, and each once: anyone with an
 * address in the centre's domains can submit, and invented students, or one mailbox under
 * several names, would otherwise fill a group past the threshold and let the real student in it
 * be subtracted out. A debrief counts once its student acted through a one-use link from their
 * email (a POST; see `addressProvenAt`), under the digest of its normalised address (`studentDigest`).
 */
export async function statsFor(store: CentreStore, slug: string, now: Date): Promise<CentreStats> {
  const centre = await store.getCentre(slug);
  if (!centre) throw new CentreNotFoundError(`No centre "${slug}"`);
  return centreStats(slug, await store.countedStudents(slug, now), now, minGroupSizeOf(centre));
}

/** A centre's insights for a filter (statsFor's rules, every table). */
export async function insightsFor(
  store: CentreStore,
  centre: Centre,
  now: Date,
  filter: InsightsFilter = {},
): Promise<CentreInsights> {
  return centreInsights(
    centre.slug,
    await store.countedStudents(centre.slug, now),
    now,
    minGroupSizeOf(centre),
    filter,
  );
}

/**
 * A filter from a query string (`cohort`, `from`, `to`; empty values mean "all"): a cohort of
 * the centre's (or "unspecified"), ISO weeks such as 2026-W07, from no later than to.
 */
export function insightsFilterOf(
  centre: Pick<Centre, "cohorts">,
  query: { cohort?: string; from?: string; to?: string },
): CentreResult<InsightsFilter> {
  const errors: FieldErrors = {};
  const filter: InsightsFilter = {};
  const given = (v: string | undefined) => (v && v.trim() !== "" ? v.trim() : undefined);
  const cohort = given(query.cohort);
  if (cohort !== undefined) {
    if ([...centre.cohorts, UNSPECIFIED_COHORT].includes(cohort)) filter.cohort = cohort;
    else errors.cohort = "Choose one of the centre's cohorts";
  }
  for (const end of ["from", "to"] as const) {
    const week = given(query[end]);
    if (week === undefined) continue;
    if (ISO_WEEK_PATTERN.test(week)) filter[end] = week;
    else errors[end] = "Choose a week such as 2026-W07";
  }
  if (filter.from && filter.to && filter.from > filter.to) errors.to = "The last week must not come before the first";
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: filter };
}

/** The debriefs whose students chose to share them: ids and dates only (opening one is audited). */
export async function sharedDebriefs(store: CentreStore, slug: string, now: Date) {
  const rows = await store.centreDebriefs(slug, now);
  return rows
    .filter((r) => r.shareWithCentre)
    .map((r: CentreDebriefSummary) => ({ id: r.id, submittedAt: r.createdAt }))
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
}

/** What an advisor sees of a shared debrief: the student's debrief and outcome, no tokens or send records. */
export type SharedDebriefView = {
  id: string;
  submittedAt: string;
  debrief: Debrief["input"];
  cohort?: string;
  letterSentAt?: string;
  checkins: NonNullable<Debrief["checkins"]>;
};

/**
 * Opens a shared debrief for an advisor and records the access for the student (and in the
 * centre's log). Undefined (a 404) unless the debrief belongs to this centre and is shared now.
 */
export async function openSharedDebrief(
  deps: { centres: CentreStore; debriefs: DebriefStore; accounts: AccountStore; clock: Clock },
  slug: string,
  debriefId: string,
  actor: Actor,
): Promise<SharedDebriefView | undefined> {
  const now = deps.clock.now();
  const d = await deps.debriefs.get(debriefId, now);
  if (!d || d.centre !== slug || d.shareWithCentre !== true) return undefined;
  // Written before the debrief is returned: no access goes unrecorded.
  const entry: AuditEntry = {
    at: now.toISOString(),
    centre: slug,
    ...(actor.keyId ? { keyId: actor.keyId } : {}),
    ...(actor.kind === "advisor" ? { advisor: actor.advisor.name } : {}),
    action: "viewed",
  };
  await deps.centres.appendAudit(d.id, entry, d.expiresAt);
  await recordCentreEvent(deps, slug, actor, "opened-debrief", d.id);
  return {
    id: d.id,
    submittedAt: d.createdAt,
    debrief: d.input,
    cohort: d.cohort,
    letterSentAt: d.letterSentAt,
    checkins: d.checkins ?? {},
  };
}

/** Everything a centre may take away at the end of a contract: settings and aggregates, no student data. */
export async function exportCentre(store: CentreStore, slug: string, now: Date) {
  const centre = await store.getCentre(slug);
  if (!centre) throw new CentreNotFoundError(`No centre "${slug}"`);
  const rows = await store.centreDebriefs(slug, now);
  return {
    exportedAt: now.toISOString(),
    centre: publicCentre(centre),
    stats: centreStats(slug, await store.countedStudents(slug, now), now, minGroupSizeOf(centre)),
    sharedDebriefs: rows.filter((r) => r.shareWithCentre).length,
  };
}

/**
 * Destroys a centre's data: its record, its keys, its people and their log, and every debrief's link to it
 * (the debriefs stay the students', without the centre, until their own retention ends).
 */
export async function deleteCentre(
  stores: { centres: CentreStore; accounts: AccountStore },
  slug: string,
  now: Date,
): Promise<{ detached: number }> {
  const store = stores.centres;
  const centre = await store.getCentre(slug);
  if (!centre) throw new CentreNotFoundError(`No centre "${slug}"`);
  // Keys and people first: from here on nobody can read the centre's data.
  for (const keyHash of centre.keyHashes) await store.deleteKey(keyHash);
  await store.saveCentre({ ...centre, keyHashes: [] });
  await stores.accounts.deleteTeam(slug, now);
  const rows = await store.centreDebriefs(slug, new Date(0));
  for (const r of rows) await store.detachFromCentre(r.id);
  await store.deleteCentre(slug);
  return { detached: rows.filter((r) => Date.parse(r.expiresAt) > now.getTime()).length };
}

/** The centre-specific choices on the branded form. */
export type CentreChoices = { shareWithCentre: boolean; cohort?: string };

/** The schedule a centre's students get: the service's, with the centre's bounded overrides. */
export function centreSchedule(base: ScheduleConfig, centre: CentreSettings): ScheduleConfig {
  return { ...base, ...centre.timing };
}

/**
 * A submission through a centre's link: the student's address must be in the centre's
 * domains (checked with the rest of the form, so every problem shows at once), and the
 * debrief remembers the centre, the student's choice to share (off unless ticked),
 * the cohort, the centre's tips, and when to ask about the outcome.
 */
export async function submitCentreDebrief(
  body: unknown,
  centre: Centre,
  choices: CentreChoices,
  deps: SubmitDeps,
  ctx: SubmitContext = {},
): Promise<SubmitResult> {
  const errors: FieldErrors = {};
  const email = (body as { candidate?: { email?: unknown } } | null)?.candidate?.email;
  if (typeof email === "string" && email.includes("@") && !emailAllowed(centre, email)) {
    const domains = centre.allowedDomains.map((d) => `@${d}`).join(", ");
    errors["candidate.email"] =
      `${centre.displayName} accepts only student addresses ending in ${domains}. Use your student email address.`;
  }
  if (choices.cohort !== undefined && !centre.cohorts.includes(choices.cohort)) {
    errors.cohort = "Choose one of the listed cohorts";
  }
  if (Object.keys(errors).length > 0) {
    const rest = validateDebrief(body, deps.clock.now());
    return { kind: "invalid", errors: rest.ok ? errors : { ...rest.errors, ...errors } };
  }
  const schedule = centreSchedule(deps.schedule, centre);
  return submitDebrief(
    body,
    {
      ...deps,
      schedule,
      decorate: (d) => ({
        ...d,
        centre: centre.slug,
        shareWithCentre: choices.shareWithCentre,
        ...(choices.cohort ? { cohort: choices.cohort } : {}),
        centreSnapshot: snapshotOf(centre),
        insightFacts: insightFactsOf(d.input),
        checkinAt: checkinTimes(d.input.interview.date, d.input.candidate.timeZone, schedule.nudgeHour, d.schedule),
      }),
    },
    ctx,
  );
}

/** The student's withdrawal (or renewed consent): effective immediately for every later advisor request. */
export async function setCentreSharing(
  deps: { centres: CentreStore; clock: Clock },
  debrief: Debrief,
  share: boolean,
): Promise<boolean> {
  if (!debrief.centre) return false;
  return deps.centres.setSharing(debrief.id, share, deps.clock.now());
}

export type CheckinOutcome = "recorded" | "already-answered";

/** Records the one answer of a check-in email; a second click (even on another answer) changes nothing. */
export async function answerCheckin(
  deps: { centres: CentreStore; clock: Clock },
  debrief: Debrief,
  kind: CheckinKind,
  answer: CheckinAnswer,
): Promise<CheckinOutcome> {
  if (debrief.checkins?.[kind]) return "already-answered";
  const recorded = await deps.centres.recordCheckin(debrief.id, kind, {
    answer,
    at: deps.clock.now().toISOString(),
  });
  return recorded ? "recorded" : "already-answered";
}
