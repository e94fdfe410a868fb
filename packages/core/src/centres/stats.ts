import type { Debrief } from "../debrief/model";
import { outcomeOf } from "./checkins";

/** Groups (and counts) smaller than this are never shown: too few students to stay anonymous. */
export const MIN_GROUP_SIZE = 5;

export const FUNNEL_STAGES = ["debriefs", "letterSent", "secondInterview", "offer"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** One group's funnel; `null` is a suppressed count (1 to 4 students, or one that would let such a count be worked out). */
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
 * Funnel counts per week and per cohort, published so that no count of 1 to
 * MIN_GROUP_SIZE - 1 students can be read off them or worked out by subtraction.
 *
 * - A group with fewer than MIN_GROUP_SIZE debriefs is suppressed whole; inside a
 *   shown group any count from 1 to MIN_GROUP_SIZE - 1 is hidden, and so is a
 *   count whose difference from a stage it is nested in would be that small
 *   (7 debriefs, 6 letters: one student sent none).
 * - Secondary suppression: the two groupings split the same students, so a sum of
 *   weeks minus a sum of cohorts (at one stage or two nested ones) can isolate the
 *   few students of some week-and-cohort cells. Every such difference that counts
 *   real students is checked, and a count taking part in one that comes out at 1 to
 *   4 is hidden, until none does. With more than EXACT_AUDIT_LIMIT groups on both
 *   sides the check would be too slow; then a stricter rule applies: a count is
 *   shown only if every week-and-cohort cell it adds up is 0 or at least
 *   MIN_GROUP_SIZE, which makes every such difference 0 or at least that.
 * - No totals are given: a total is one more grouping to subtract from.
 *
 * Limits (SECURITY.md): this holds within one snapshot; two snapshots taken a day
 * apart can still single out what changed between them.
 */
export function centreStats(centre: string, sources: StatsSource[], now: Date): CentreStats {
  const students = sources.map((s) => ({
    week: isoWeek(s.createdAt),
    cohort: s.cohort ?? UNSPECIFIED_COHORT,
    at: stagesOf(s),
  }));
  const hidden = suppression(students);
  return {
    centre,
    generatedAt: now.toISOString(),
    minGroupSize: MIN_GROUP_SIZE,
    weeks: funnel(students, "week", hidden),
    cohorts: funnel(students, "cohort", hidden),
  };
}

/** With at most this many groups on the smaller side, every difference is checked (2^n subsets of it). */
export const EXACT_AUDIT_LIMIT = 8;

type Grouping = "week" | "cohort";
type Student = Record<Grouping, string> & { at: Record<FunnelStage, boolean> };
const small = (n: number) => n > 0 && n < MIN_GROUP_SIZE;
const cellKey = (grouping: Grouping, group: string, stage: FunnelStage) => `${grouping}\u0000${group}\u0000${stage}`;

function stagesOf(s: StatsSource): Record<FunnelStage, boolean> {
  const outcome = outcomeOf(s);
  return {
    debriefs: true,
    letterSent: Boolean(s.letterSentAt),
    secondInterview: outcome.secondInterview,
    offer: outcome.offer,
  };
}

/** How many of these students are at stage a (and, if given, not at stage b). */
function count(students: Student[], a: FunnelStage, notB?: FunnelStage): number {
  let n = 0;
  for (const s of students) if (s.at[a] && !(notB && s.at[notB])) n += 1;
  return n;
}

/** The keys (cellKey) of every count to hide. */
function suppression(students: Student[]): Set<string> {
  const hidden = new Set<string>();
  const groupsOf = (g: Grouping) => [...new Set(students.map((s) => s[g]))].sort();
  const groups = { week: groupsOf("week"), cohort: groupsOf("cohort") };
  const rowOf = (g: Grouping, group: string) => students.filter((s) => s[g] === group);

  // Primary: small groups whole, small counts, small differences between nested stages of a row.
  for (const g of ["week", "cohort"] as const) {
    for (const group of groups[g]) {
      const row = rowOf(g, group);
      for (const a of FUNNEL_STAGES) {
        if (row.length < MIN_GROUP_SIZE || small(count(row, a))) hidden.add(cellKey(g, group, a));
      }
      for (const a of FUNNEL_STAGES) {
        for (const b of FUNNEL_STAGES) {
          if (a === b || hidden.has(cellKey(g, group, a))) continue;
          if (count(row, b, a) === 0 && small(count(row, a, b))) hidden.add(cellKey(g, group, b));
        }
      }
    }
  }

  const [enumerated, other] =
    groups.week.length <= groups.cohort.length ? (["week", "cohort"] as const) : (["cohort", "week"] as const);
  if (groups[enumerated].length > EXACT_AUDIT_LIMIT) {
    strictCellRule(students, hidden);
    return hidden;
  }
  for (;;) {
    const leak = findLeak(students, groups, enumerated, other, hidden);
    if (!leak) return hidden;
    // Break the difference by hiding its least useful count: a later stage before debriefs, then the smallest.
    leak.sort((x, y) => Number(x.stage === "debriefs") - Number(y.stage === "debriefs") || x.value - y.value);
    const [first] = leak;
    if (!first) return hidden;
    hidden.add(first.key);
  }
}

/** The stricter rule: a count is shown only if every week-and-cohort cell inside it is 0 or not small. */
function strictCellRule(students: Student[], hidden: Set<string>) {
  const cells = new Map<string, Student[]>();
  for (const s of students) {
    const key = `${s.week}\u0000${s.cohort}`;
    cells.set(key, [...(cells.get(key) ?? []), s]);
  }
  for (const cell of cells.values()) {
    const [{ week, cohort }] = cell as [Student];
    const hide = (stage: FunnelStage) => {
      hidden.add(cellKey("week", week, stage));
      hidden.add(cellKey("cohort", cohort, stage));
    };
    for (const a of FUNNEL_STAGES) {
      if (small(count(cell, a))) hide(a);
      for (const b of FUNNEL_STAGES) {
        if (a !== b && count(cell, b, a) === 0 && count(cell, b) > 0 && small(count(cell, a, b))) hide(b);
      }
    }
  }
}

type CellRef = { key: string; stage: FunnelStage; value: number };

/**
 * A difference between a sum of shown counts of one grouping and a sum of the other's
 * that counts real students and comes out at 1 to 4; the counts it uses, or undefined.
 * Subsets of the smaller grouping are enumerated; for each, the other side is the
 * fewest (when subtracted) or most (when subtracting) rows that keep the difference a
 * count of students. Other choices on that side add or remove shown counts, each 0 or
 * at least MIN_GROUP_SIZE, so they cannot make a difference small that is not.
 */
function findLeak(
  students: Student[],
  groups: Record<Grouping, string[]>,
  enumerated: Grouping,
  other: Grouping,
  hidden: Set<string>,
): CellRef[] | undefined {
  const E = groups[enumerated];
  const O = groups[other];
  // cross[o][e]: the students of one week-and-cohort cell.
  const cross = O.map((o) => E.map((e) => students.filter((s) => s[other] === o && s[enumerated] === e)));
  const totals = new Map<string, number>();
  for (const g of [enumerated, other]) {
    for (const group of groups[g]) {
      const row = students.filter((s) => s[g] === group);
      for (const stage of FUNNEL_STAGES) totals.set(cellKey(g, group, stage), count(row, stage));
    }
  }
  const total = (g: Grouping, group: string, stage: FunnelStage) => totals.get(cellKey(g, group, stage)) ?? 0;
  const shown = (g: Grouping, group: string, stage: FunnelStage) => !hidden.has(cellKey(g, group, stage));
  const ref = (g: Grouping, group: string, stage: FunnelStage): CellRef => ({
    key: cellKey(g, group, stage),
    stage,
    value: total(g, group, stage),
  });
  for (const s1 of FUNNEL_STAGES) {
    for (const s2 of FUNNEL_STAGES) {
      // n[o][e]: students at s2; bad[o][e]: students at s2 but not s1 (then no difference of s1 and s2 counts them).
      const n = cross.map((row) => row.map((cell) => count(cell, s2)));
      const bad = cross.map((row) => row.map((cell) => count(cell, s2, s1)));
      for (let mask = 1; mask < 1 << E.length; mask++) {
        const chosen = E.filter((_, i) => mask & (1 << i));
        const idx = E.map((_, i) => i).filter((i) => mask & (1 << i));
        // (a) other's rows at s1 minus the chosen rows at s2.
        if (chosen.every((e) => shown(enumerated, e, s2))) {
          const needed = O.filter((_, oi) => idx.some((ei) => (n[oi]?.[ei] ?? 0) > 0));
          const nested = O.every((_, oi) => idx.every((ei) => (bad[oi]?.[ei] ?? 0) === 0));
          if (nested && needed.length > 0 && needed.every((o) => shown(other, o, s1))) {
            const d =
              needed.reduce((sum, o) => sum + total(other, o, s1), 0) -
              chosen.reduce((sum, e) => sum + total(enumerated, e, s2), 0);
            if (small(d))
              return [...needed.map((o) => ref(other, o, s1)), ...chosen.map((e) => ref(enumerated, e, s2))];
          }
        }
        // (b) the chosen rows at s1 minus every row of the other grouping whose s2 students all lie in them.
        if (chosen.every((e) => shown(enumerated, e, s1))) {
          const inside = O.filter(
            (o, oi) =>
              shown(other, o, s2) &&
              E.every((_, ei) => ((mask & (1 << ei)) === 0 ? (n[oi]?.[ei] ?? 0) === 0 : (bad[oi]?.[ei] ?? 0) === 0)),
          );
          if (inside.length > 0) {
            const d =
              chosen.reduce((sum, e) => sum + total(enumerated, e, s1), 0) -
              inside.reduce((sum, o) => sum + total(other, o, s2), 0);
            if (small(d))
              return [...chosen.map((e) => ref(enumerated, e, s1)), ...inside.map((o) => ref(other, o, s2))];
          }
        }
      }
    }
  }
  return undefined;
}

function funnel(students: Student[], grouping: Grouping, hidden: Set<string>): FunnelRow[] {
  const groups = new Map<string, Record<FunnelStage, number>>();
  for (const s of students) {
    const key = s[grouping];
    const row = groups.get(key) ?? { debriefs: 0, letterSent: 0, secondInterview: 0, offer: 0 };
    for (const stage of FUNNEL_STAGES) if (s.at[stage]) row[stage] += 1;
    groups.set(key, row);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, counts]) => {
      if (counts.debriefs < MIN_GROUP_SIZE) {
        return { group, suppressed: true, debriefs: null, letterSent: null, secondInterview: null, offer: null };
      }
      const shown = (stage: FunnelStage) => (hidden.has(cellKey(grouping, group, stage)) ? null : counts[stage]);
      return {
        group,
        suppressed: false,
        debriefs: shown("debriefs"),
        letterSent: shown("letterSent"),
        secondInterview: shown("secondInterview"),
        offer: shown("offer"),
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
