import type { Debrief } from "../debrief/model";
import { outcomeOf } from "./checkins";
import { DEFAULT_MIN_GROUP_SIZE, MIN_GROUP_SIZE_BOUNDS } from "./model";

export const FUNNEL_STAGES = ["students", "letterSent", "secondInterview", "offer"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
/** The stages given as a share of the group's students too. */
export const RATE_STAGES = ["letterSent", "secondInterview", "offer"] as const;
export type RateStage = (typeof RATE_STAGES)[number];

/**
 * One group's funnel in distinct students; `null` is a suppressed count (1 to minGroupSize - 1
 * students, or one that would let such a count be worked out). A rate is the stage's count over
 * the group's students, null whenever either is.
 */
export type FunnelRow = { group: string; suppressed: boolean } & Record<FunnelStage, number | null> & {
    rates: Record<RateStage, number | null>;
  };

export type CentreStats = {
  centre: string;
  generatedAt: string;
  minGroupSize: number;
  /** By the ISO week (UTC) of each student's first debrief. */
  weeks: FunnelRow[];
  /** By the cohort each student picked in their first debrief; "unspecified" when none. */
  cohorts: FunnelRow[];
};

/**
 * What statistics read of one proven debrief: nothing that identifies a student, and the
 * keyed digest of their normalised address (digest.ts `studentDigest`), which tells two
 * debriefs of one student apart from two students without naming either.
 */
export type StatsSource = Pick<
  Debrief,
  "createdAt" | "cohort" | "letterSentAt" | "secondInterviewAt" | "checkins" | "insightFacts"
> & {
  student: string;
};

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

/** One student of a centre: where they are counted, and every stage any of their debriefs reached. */
export type CountedStudent = { week: string; cohort: string; at: Record<FunnelStage, boolean> };

/**
 * The distinct students behind the debriefs: one per student digest, whatever the number of
 * their debriefs. Each student sits in exactly one week and one cohort (those of their first
 * debrief), so every grouping splits students, never debriefs, and the suppression below can
 * reason about sums of rows; they reach a stage if any of their debriefs did.
 */
export function countStudents(sources: StatsSource[]): CountedStudent[] {
  const byStudent = new Map<string, StatsSource[]>();
  for (const s of sources) byStudent.set(s.student, [...(byStudent.get(s.student) ?? []), s]);
  return [...byStudent.values()].map((debriefs) => {
    const [first] = [...debriefs].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) as [StatsSource];
    const reached = debriefs.map(stagesOf);
    return {
      week: isoWeek(first.createdAt),
      cohort: first.cohort ?? UNSPECIFIED_COHORT,
      at: Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, reached.some((r) => r[stage])])) as Record<
        FunnelStage,
        boolean
      >,
    };
  });
}

/**
 * Funnel counts of distinct students per week and per cohort, published so that no count of
 * 1 to minGroupSize - 1 students can be read off them or worked out by subtraction.
 *
 * - A group with fewer than minGroupSize students is suppressed whole; inside a shown group
 *   any count from 1 to minGroupSize - 1 is hidden, and so is a count whose difference from a
 *   stage it is nested in would be that small (12 students, 11 letters: one sent none).
 * - Secondary suppression: the two groupings split the same students, so a sum of
 *   weeks minus a sum of cohorts (at one stage or two nested ones) can isolate the
 *   few students of some week-and-cohort cells. Every such difference that counts
 *   real students is checked, and a count taking part in one that comes out small is
 *   hidden, until none does. With more than EXACT_AUDIT_LIMIT groups on both
 *   sides the check would be too slow; then a stricter rule applies: a count is
 *   shown only if every week-and-cohort cell it adds up is 0 or at least
 *   minGroupSize, which makes every such difference 0 or at least that.
 * - A rate is shown only with both its counts.
 * - No totals are given: a total is one more grouping to subtract from.
 *
 * Limits (SECURITY.md): this holds within one snapshot; two snapshots taken a day
 * apart can still single out what changed between them.
 */
export function centreStats(
  centre: string,
  sources: StatsSource[],
  now: Date,
  minGroupSize: number = DEFAULT_MIN_GROUP_SIZE,
): CentreStats {
  if (!Number.isInteger(minGroupSize) || minGroupSize < MIN_GROUP_SIZE_BOUNDS.min) {
    throw new Error(`A minimum group size must be a whole number of at least ${MIN_GROUP_SIZE_BOUNDS.min}`);
  }
  const students = countStudents(sources);
  const hidden = suppression(students, minGroupSize);
  return {
    centre,
    generatedAt: now.toISOString(),
    minGroupSize,
    weeks: funnel(students, "week", hidden, minGroupSize),
    cohorts: funnel(students, "cohort", hidden, minGroupSize),
  };
}

/** With at most this many groups on the smaller side, every difference is checked (2^n subsets of it). */
export const EXACT_AUDIT_LIMIT = 8;

type Grouping = "week" | "cohort";
type Student = CountedStudent;
/** A count that must not be shown or worked out: some students, fewer than the minimum. */
const smallUnder = (k: number) => (n: number) => n > 0 && n < k;
const cellKey = (grouping: Grouping, group: string, stage: FunnelStage) => `${grouping}\u0000${group}\u0000${stage}`;

function stagesOf(s: StatsSource): Record<FunnelStage, boolean> {
  const outcome = outcomeOf(s);
  return {
    students: true,
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
function suppression(students: Student[], k: number): Set<string> {
  const small = smallUnder(k);
  const hidden = new Set<string>();
  const groupsOf = (g: Grouping) => [...new Set(students.map((s) => s[g]))].sort();
  const groups = { week: groupsOf("week"), cohort: groupsOf("cohort") };
  const rowOf = (g: Grouping, group: string) => students.filter((s) => s[g] === group);

  // Primary: small groups whole, small counts, small differences between nested stages of a row.
  for (const g of ["week", "cohort"] as const) {
    for (const group of groups[g]) {
      const row = rowOf(g, group);
      for (const a of FUNNEL_STAGES) {
        if (row.length < k || small(count(row, a))) hidden.add(cellKey(g, group, a));
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
    strictCellRule(students, hidden, small);
    return hidden;
  }
  for (;;) {
    const leak = findLeak(students, groups, enumerated, other, hidden, small);
    if (!leak) return hidden;
    // Break the difference by hiding its least useful count: a later stage before students, then the smallest.
    leak.sort((x, y) => Number(x.stage === "students") - Number(y.stage === "students") || x.value - y.value);
    const [first] = leak;
    if (!first) return hidden;
    hidden.add(first.key);
  }
}

/** The stricter rule: a count is shown only if every week-and-cohort cell inside it is 0 or not small. */
function strictCellRule(students: Student[], hidden: Set<string>, small: (n: number) => boolean) {
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
 * that counts real students and comes out small; the counts it uses, or undefined.
 * Subsets of the smaller grouping are enumerated; for each, the other side is the
 * fewest (when subtracted) or most (when subtracting) rows that keep the difference a
 * count of students. Other choices on that side add or remove shown counts, each 0 or
 * at least the minimum, so they cannot make a difference small that is not.
 */
function findLeak(
  students: Student[],
  groups: Record<Grouping, string[]>,
  enumerated: Grouping,
  other: Grouping,
  hidden: Set<string>,
  small: (n: number) => boolean,
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

function funnel(students: Student[], grouping: Grouping, hidden: Set<string>, k: number): FunnelRow[] {
  const groups = new Map<string, Record<FunnelStage, number>>();
  for (const s of students) {
    const key = s[grouping];
    const row = groups.get(key) ?? { students: 0, letterSent: 0, secondInterview: 0, offer: 0 };
    for (const stage of FUNNEL_STAGES) if (s.at[stage]) row[stage] += 1;
    groups.set(key, row);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, counts]) => {
      const shown = (stage: FunnelStage) =>
        counts.students < k || hidden.has(cellKey(grouping, group, stage)) ? null : counts[stage];
      const row = Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, shown(stage)])) as Record<
        FunnelStage,
        number | null
      >;
      return { group, suppressed: counts.students < k, ...row, rates: ratesOf(row) };
    });
}

/** Each stage's share of the row's students, to three decimals; null unless both counts are shown. */
function ratesOf(row: Record<FunnelStage, number | null>): Record<RateStage, number | null> {
  const rate = (stage: RateStage) => {
    const n = row[stage];
    const of = row.students;
    return n === null || of === null || of === 0 ? null : Math.round((n / of) * 1000) / 1000;
  };
  return { letterSent: rate("letterSent"), secondInterview: rate("secondInterview"), offer: rate("offer") };
}

const RATE_COLUMNS = RATE_STAGES.map((s) => `${s}Rate` as const);
const CSV_COLUMNS = ["grouping", "group", "suppressed", ...FUNNEL_STAGES, ...RATE_COLUMNS] as const;

/** The same aggregates as the JSON, one row per group; a suppressed count or rate is an empty cell. */
export function statsCsv(stats: CentreStats): string {
  const flat = (r: FunnelRow) => ({ ...r, ...Object.fromEntries(RATE_STAGES.map((s) => [`${s}Rate`, r.rates[s]])) });
  const rows = [
    ...stats.weeks.map((r) => ({ grouping: "week", ...flat(r) })),
    ...stats.cohorts.map((r) => ({ grouping: "cohort", ...flat(r) })),
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
