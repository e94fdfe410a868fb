import type { Clock, Mailer } from "../ports";
import { TOKEN_PATTERN } from "../tokens";
import { adminUrl } from "./accounts";
import { type Centre, minGroupSizeOf } from "./model";
import { insightsFor } from "./service";
import { type CentreInsights, isoWeek, RATE_STAGES, type RateStage } from "./stats";
import type { CentreStore } from "./store";
import type { AccountStore, Advisor } from "./team";

const DAY_MS = 86_400_000;
/** A claim on a week's email is kept this long: long past the week, gone before retention ends. */
const CLAIM_DAYS = 60;

/** What the Monday email says: last week's figures at one centre, suppressed as on the page. */
export type WeeklyDigest = {
  centreName: string;
  advisorName: string;
  /** The ISO week reported, and its Monday and Sunday (UTC), as dates. */
  week: string;
  from: string;
  to: string;
  minGroupSize: number;
  /** Last week's new students; null when hidden. */
  students: number | null;
  /** Each stage's share of them; null when hidden. */
  rates: Record<RateStage, number | null>;
  /** The situations reported most, as shown on the page (hidden ones left out), at most three. */
  situations: { key: string; rate: number }[];
  /** The insights page, filtered to that week. */
  pageUrl: string;
  /** The one-click unsubscribe link (RFC 8058): its token can do only that. */
  unsubscribeUrl: string;
};

export type DigestRenderer = (digest: WeeklyDigest) => Promise<{ subject: string; html: string; text: string }>;

export type DigestDeps = {
  centres: CentreStore;
  accounts: AccountStore;
  mailer: Mailer;
  clock: Clock;
  publicUrl: string;
  render: DigestRenderer;
  /** A centre or an email that failed, by error name (the caller's logger). */
  onFailed?: (error: unknown) => void;
};

/** The week a Monday's email reports: the whole ISO week before the one `now` is in. */
export function reportedWeek(now: Date): { week: string; from: string; to: string } {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const monday = new Date(day.getTime() - (((day.getUTCDay() + 6) % 7) + 7) * DAY_MS);
  const sunday = new Date(monday.getTime() + 6 * DAY_MS);
  return {
    week: isoWeek(monday.toISOString()),
    from: monday.toISOString().slice(0, 10),
    to: sunday.toISOString().slice(0, 10),
  };
}

/** The token of an advisor's one-click unsubscribe link: keyed, so only we can make one, and stored nowhere. */
export const digestUnsubscribeToken = (accounts: AccountStore, slug: string, advisorId: string) =>
  accounts.digest(`digest-unsubscribe:${slug}:${advisorId}`);

/** Stops an advisor's weekly email from its one-click link; false for a token of nobody on the team. */
export async function unsubscribeFromDigest(accounts: AccountStore, slug: string, token: string): Promise<boolean> {
  if (!TOKEN_PATTERN.test(token)) return false;
  for (const a of (await accounts.team(slug)).advisors) {
    if ((await digestUnsubscribeToken(accounts, slug, a.id)) === token) {
      await accounts.setWeeklyDigest(slug, a.id, false);
      return true;
    }
  }
  return false;
}

function digestOf(
  centre: Centre,
  advisor: Advisor,
  insights: CentreInsights,
  week: { week: string; from: string; to: string },
  urls: { pageUrl: string; unsubscribeUrl: string },
): WeeklyDigest {
  const row = insights.weeks.find((r) => r.group === week.week);
  const shown = (stage: RateStage) => (row ? row.rates[stage] : null);
  return {
    centreName: centre.displayName,
    advisorName: advisor.name,
    ...week,
    minGroupSize: minGroupSizeOf(centre),
    students: insights.students,
    rates: Object.fromEntries(RATE_STAGES.map((s) => [s, shown(s)])) as Record<RateStage, number | null>,
    situations: insights.situations
      .filter((s): s is { key: string; students: number; rate: number } => s.rate !== null && s.rate > 0)
      .sort((a, b) => b.rate - a.rate || a.key.localeCompare(b.key))
      .slice(0, 3)
      .map((s) => ({ key: s.key, rate: s.rate })),
    ...urls,
  };
}

/**
 * The Monday job: each advisor who asked for it gets last week's figures of their centre, once
 * (a claim per advisor and week is written before the send, and given back if the send
 * fails, so a retried run sends what is missing and nothing twice). An advisor removed, or
 * who stopped the email, since the list was read gets nothing. The figures are the page's,
 * filtered to that week, under the same suppression.
 */
export async function sendWeeklyDigests(deps: DigestDeps): Promise<{ sent: number; skipped: number; failed: number }> {
  const now = deps.clock.now();
  const week = reportedWeek(now);
  const claimUntil = new Date(now.getTime() + CLAIM_DAYS * DAY_MS);
  const bySlug = new Map<string, string[]>();
  for (const s of await deps.accounts.digestSubscribers())
    bySlug.set(s.slug, [...(bySlug.get(s.slug) ?? []), s.advisorId]);
  const result = { sent: 0, skipped: 0, failed: 0 };
  for (const [slug, advisorIds] of bySlug) {
    try {
      const centre = await deps.centres.getCentre(slug);
      const team = await deps.accounts.team(slug);
      const insights = centre
        ? await insightsFor(deps.centres, centre, now, { from: week.week, to: week.week })
        : undefined;
      for (const advisorId of advisorIds) {
        const advisor = team.advisors.find((a) => a.id === advisorId);
        if (!centre || !insights || !advisor?.weeklyDigest) {
          result.skipped++;
          continue;
        }
        if (!(await deps.accounts.claimDigest(slug, advisor.id, week.week, claimUntil))) {
          result.skipped++;
          continue;
        }
        try {
          const token = await digestUnsubscribeToken(deps.accounts, slug, advisor.id);
          const unsubscribeUrl = `${adminUrl(deps.publicUrl, slug)}/digest/unsubscribe/${token}`;
          const pageUrl = `${adminUrl(deps.publicUrl, slug)}?from=${week.week}&to=${week.week}`;
          const email = await deps.render(digestOf(centre, advisor, insights, week, { pageUrl, unsubscribeUrl }));
          await deps.mailer.send({
            to: advisor.email,
            ...email,
            headers: {
              "List-Unsubscribe": `<${unsubscribeUrl}>`,
              "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
          });
          result.sent++;
        } catch (error) {
          await deps.accounts.releaseDigest(slug, advisor.id, week.week);
          deps.onFailed?.(error);
          result.failed++;
        }
      }
    } catch (error) {
      deps.onFailed?.(error);
      result.failed += advisorIds.length;
    }
  }
  return result;
}
