import type { Debrief } from "../debrief/model";
import { outcomeOf } from "./checkins";

/** Groups (and counts) smaller than this are never shown: too few students to stay anonymous. */
export const MIN_GROUP_SIZE = 5;

export const FUNNEL_STAGES = ["debriefs", "letterSent", "secondInterview", "offer"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** One group's funnel; `null` is a suppressed count (1 to 4 students). */
export type FunnelRow = { group: string; suppressed: boolean } & Record<FunnelStage, number | null>;

export type CentreStats = {
  centre: string;
  generatedAt: string;
  minGroupSize: number;
  /** By the ISO week (UTC) in which the debrief was submitted. */
  weeks: FunnelRow[];
  /** By the cohort the student picked; "unspecified" when none. */
  cohorts: FunnelRow[];
};

/** The fields statistics read: nothing that identifies a student. */
export type StatsSource = Pick<Debrief, "createdAt" | "cohort" | "letterSentAt" | "secondInterviewAt" | "checkins">;

/** `2026-W07`: the ISO 8601 week of a UTC instant. */
export function isoWeek(iso: string): string {
  const d = new Date(iso);
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

export const UNSPECIFIED_COHORT = "unspecified";

/**
 * Funnel counts per week and per cohort. A group with fewer than MIN_GROUP_SIZE
 * debriefs is suppressed whole; inside a shown group, any stage count from 1 to
 * MIN_GROUP_SIZE - 1 is suppressed too, so no small set of students is singled out.
 * No totals are given: a total next to suppressed rows would reveal them by subtraction.
 */
export function centreStats(centre: string, sources: StatsSource[], now: Date): CentreStats {
  return {
    centre,
    generatedAt: now.toISOString(),
    minGroupSize: MIN_GROUP_SIZE,
    weeks: funnel(sources, (s) => isoWeek(s.createdAt)),
    cohorts: funnel(sources, (s) => s.cohort ?? UNSPECIFIED_COHORT),
  };
}

function funnel(sources: StatsSource[], groupOf: (s: StatsSource) => string): FunnelRow[] {
  const groups = new Map<string, Record<FunnelStage, number>>();
  for (const s of sources) {
    const key = groupOf(s);
    const row = groups.get(key) ?? { debriefs: 0, letterSent: 0, secondInterview: 0, offer: 0 };
    const outcome = outcomeOf(s);
    row.debriefs += 1;
    if (s.letterSentAt) row.letterSent += 1;
    if (outcome.secondInterview) row.secondInterview += 1;
    if (outcome.offer) row.offer += 1;
    groups.set(key, row);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, counts]) => {
      if (counts.debriefs < MIN_GROUP_SIZE) {
        return { group, suppressed: true, debriefs: null, letterSent: null, secondInterview: null, offer: null };
      }
      const shown = (n: number) => (n > 0 && n < MIN_GROUP_SIZE ? null : n);
      return {
        group,
        suppressed: false,
        debriefs: counts.debriefs,
        letterSent: shown(counts.letterSent),
        secondInterview: shown(counts.secondInterview),
        offer: shown(counts.offer),
      };
    });
}

const CSV_COLUMNS = ["grouping", "group", "suppressed", ...FUNNEL_STAGES] as const;

/** The same aggregates as the JSON, one row per group; a suppressed count is an empty cell. */
export function statsCsv(stats: CentreStats): string {
  const rows = [
    ...stats.weeks.map((r) => ({ grouping: "week", ...r })),
    ...stats.cohorts.map((r) => ({ grouping: "cohort", ...r })),
  ];
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) {
    lines.push(
      CSV_COLUMNS.map((c) => {
        const v = (r as Record<string, unknown>)[c];
        return csvCell(v === null || v === undefined ? "" : String(v));
      }).join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

function csvCell(value: string): string {
  // Spreadsheet formula injection: a cohort name chosen by the centre could start with = + - @.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
