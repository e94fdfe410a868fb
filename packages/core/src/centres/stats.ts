import type { QuestionType } from "../content/i18n/en/tips";
import type { Debrief } from "../debrief/model";
import type { WhatHappened } from "../debrief/schema";
import { outcomeOf } from "./checkins";
import { type CellMasks, taintedIn } from "./disclosure";
import { DEFAULT_MIN_GROUP_SIZE, MIN_GROUP_SIZE_BOUNDS } from "./model";

export const FUNNEL_STAGES = ["students", "letterSent", "secondInterview", "offer"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
/** The stages given as a share of the group's students too. */
export const RATE_STAGES = ["letterSent", "secondInterview", "offer"] as const;
export type RateStage = (typeof RATE_STAGES)[number];

/**
 * One group's funnel in distinct students; `null` is a suppressed count (see disclosure.ts).
 * A group of fewer students than the minimum is suppressed whole. A rate is the stage's
 * count over the group's students, null whenever either is.
 */
export type FunnelRow = { group: string; suppressed: boolean } & Record<FunnelStage, number | null> & {
    rates: Record<RateStage, number | null>;
  };

/** How many students reported one situation or fumbled one kind of question, and their share of all. */
export type ShareRow = { key: string; students: number | null; rate: number | null };

export type CentreStats = {
  centre: string;
  generatedAt: string;
  minGroupSize: number;
  /** By the ISO week (UTC) of each student's first debrief. */
  weeks: FunnelRow[];
  /** By the cohort each student picked in their first debrief; "unspecified" when none. */
  cohorts: FunnelRow[];
};

/** Which students a view counts: one cohort or all, and ISO weeks from and to (inclusive), or all. */
export type InsightsFilter = { cohort?: string; from?: string; to?: string };

/** Every table of a centre's insights page, for one filter, under one suppression. */
export type CentreInsights = CentreStats & {
  filter: InsightsFilter;
  /** The weeks a filter may choose: every week with students (the unfiltered week rows name them too). */
  allWeeks: string[];
  /** The students the filter counts (the denominator of the shares below). */
  students: number | null;
  /** What went wrong: students per situation (a student may report several). */
  situations: ShareRow[];
  /** Which kinds of question students fumbled. */
  questionTypes: ShareRow[];
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

export const ISO_WEEK_PATTERN = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
export const UNSPECIFIED_COHORT = "unspecified";

/** One student of a centre: where they are counted, and every stage and fact any of their debriefs had. */
export type CountedStudent = {
  week: string;
  cohort: string;
  at: Record<FunnelStage, boolean>;
  situations: Set<WhatHappened>;
  questionTypes: Set<QuestionType>;
};

/**
 * The distinct students behind the debriefs: one per student digest, whatever the number of
 * their debriefs. Each student sits in exactly one week and one cohort (those of their first
 * debrief), so every grouping splits students, never debriefs; they reach a stage, report a
 * situation or fumble a kind of question if any of their debriefs did.
 */
export function countStudents(sources: StatsSource[]): CountedStudent[] {
  const byStudent = new Map<string, StatsSource[]>();
  for (const s of sources) {
    const list = byStudent.get(s.student);
    if (list) list.push(s);
    else byStudent.set(s.student, [s]);
  }
  return [...byStudent.values()].map((debriefs) => {
    const first = debriefs.reduce((a, b) => (b.createdAt < a.createdAt ? b : a));
    const reached = debriefs.map(stagesOf);
    return {
      week: isoWeek(first.createdAt),
      cohort: first.cohort ?? UNSPECIFIED_COHORT,
      at: Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, reached.some((r) => r[stage])])) as Record<
        FunnelStage,
        boolean
      >,
      situations: new Set(debriefs.flatMap((d) => d.insightFacts?.situations ?? [])),
      questionTypes: new Set(debriefs.flatMap((d) => d.insightFacts?.questionTypes ?? [])),
    };
  });
}

function stagesOf(s: StatsSource): Record<FunnelStage, boolean> {
  const outcome = outcomeOf(s);
  return {
    students: true,
    letterSent: Boolean(s.letterSentAt),
    secondInterview: outcome.secondInterview,
    offer: outcome.offer,
  };
}

const stageProperty = (stage: FunnelStage) => `stage:${stage}`;
const situationProperty = (s: string) => `situation:${s}`;
const questionProperty = (q: string) => `question:${q}`;
/** Every property a figure may count, with the students who have it. */
function propertiesOf(students: CountedStudent[]): { name: string; has: (s: CountedStudent) => boolean }[] {
  const situations = [...new Set(students.flatMap((s) => [...s.situations]))].sort();
  const questions = [...new Set(students.flatMap((s) => [...s.questionTypes]))].sort();
  return [
    ...FUNNEL_STAGES.map((stage) => ({ name: stageProperty(stage), has: (s: CountedStudent) => s.at[stage] })),
    ...situations.map((x) => ({ name: situationProperty(x), has: (s: CountedStudent) => s.situations.has(x) })),
    ...questions.map((q) => ({
      name: questionProperty(q),
      has: (s: CountedStudent) => s.questionTypes.has(q as QuestionType),
    })),
  ];
}

type Cell = {
  week: string;
  cohort: string;
  students: CountedStudent[];
  counts: Map<string, number>;
  tainted: Set<string>;
};
const cellKey = (week: string, cohort: string) => `${week}\u0000${cohort}`;

/** The students in week-and-cohort cells, each with its counts and tainted properties (disclosure.ts). */
function cellsOf(students: CountedStudent[], k: number): Map<string, Cell> {
  const properties = propertiesOf(students);
  const grouped = new Map<string, CountedStudent[]>();
  for (const s of students) {
    const key = cellKey(s.week, s.cohort);
    const list = grouped.get(key);
    if (list) list.push(s);
    else grouped.set(key, [s]);
  }
  const cells = new Map<string, Cell>();
  for (const [key, members] of grouped) {
    const masks: CellMasks = new Map();
    const counts = new Map<string, number>();
    for (const p of properties) {
      let mask = 0n;
      let count = 0;
      members.forEach((s, i) => {
        if (p.has(s)) {
          mask |= 1n << BigInt(i);
          count++;
        }
      });
      masks.set(p.name, mask);
      counts.set(p.name, count);
    }
    const [first] = members as [CountedStudent];
    cells.set(key, { week: first.week, cohort: first.cohort, students: members, counts, tainted: taintedIn(masks, k) });
  }
  return cells;
}

/** A property's count over some cells, or null if it is tainted in any of them. */
function figure(cells: Cell[], property: string): number | null {
  let n = 0;
  for (const c of cells) {
    if (c.tainted.has(property)) return null;
    n += c.counts.get(property) ?? 0;
  }
  return n;
}

const rateOf = (n: number | null, of: number | null) =>
  n === null || of === null || of === 0 ? null : Math.round((n / of) * 1000) / 1000;

function funnelRow(group: string, cells: Cell[], k: number): FunnelRow {
  const total = cells.reduce((sum, c) => sum + c.students.length, 0);
  const suppressed = total < k;
  const row = Object.fromEntries(
    FUNNEL_STAGES.map((stage) => [stage, suppressed ? null : figure(cells, stageProperty(stage))]),
  ) as Record<FunnelStage, number | null>;
  const rates = Object.fromEntries(RATE_STAGES.map((s) => [s, rateOf(row[s], row.students)])) as Record<
    RateStage,
    number | null
  >;
  return { group, suppressed, ...row, rates };
}

function checkMinimum(minGroupSize: number) {
  if (!Number.isInteger(minGroupSize) || minGroupSize < MIN_GROUP_SIZE_BOUNDS.min) {
    throw new Error(`A minimum group size must be a whole number of at least ${MIN_GROUP_SIZE_BOUNDS.min}`);
  }
}

/**
 * A centre's insights for one filter, in distinct students: the funnel by week and by cohort,
 * the situations and kinds of question, each figure published only as disclosure.ts allows.
 * The same rule for every filter makes the figures of two filters as safe to subtract as two
 * of one page's. No totals beyond the filter's student count (the shares' denominator).
 *
 * Limits (SECURITY.md): this holds within one snapshot; two snapshots taken a day
 * apart can still single out what changed between them.
 */
export function centreInsights(
  centre: string,
  sources: StatsSource[],
  now: Date,
  minGroupSize: number = DEFAULT_MIN_GROUP_SIZE,
  filter: InsightsFilter = {},
): CentreInsights {
  checkMinimum(minGroupSize);
  const k = minGroupSize;
  const all = [...cellsOf(countStudents(sources), k).values()];
  const cells = all.filter(
    (c) =>
      (filter.cohort === undefined || c.cohort === filter.cohort) &&
      (filter.from === undefined || c.week >= filter.from) &&
      (filter.to === undefined || c.week <= filter.to),
  );
  const groups = (by: "week" | "cohort") => {
    const out = new Map<string, Cell[]>();
    for (const c of cells) out.set(c[by], [...(out.get(c[by]) ?? []), c]);
    return [...out.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([group, cs]) => funnelRow(group, cs, k));
  };
  const total = cells.reduce((sum, c) => sum + c.students.length, 0);
  const students = total < k ? null : figure(cells, stageProperty("students"));
  const shares = (keys: string[], property: (key: string) => string): ShareRow[] =>
    keys.map((key) => {
      const n = total < k ? null : figure(cells, property(key));
      return { key, students: n, rate: rateOf(n, students) };
    });
  const present = (of: (s: CountedStudent) => Iterable<string>) =>
    [...new Set(cells.flatMap((c) => c.students.flatMap((s) => [...of(s)])))].sort();
  return {
    centre,
    generatedAt: now.toISOString(),
    minGroupSize,
    filter,
    allWeeks: [...new Set(all.map((c) => c.week))].sort(),
    weeks: groups("week"),
    cohorts: groups("cohort"),
    students,
    situations: shares(
      present((s) => s.situations),
      situationProperty,
    ),
    questionTypes: shares(
      present((s) => s.questionTypes),
      questionProperty,
    ),
  };
}

/** The funnel per week and per cohort, over every student (the admin API's `/stats`). */
export function centreStats(
  centre: string,
  sources: StatsSource[],
  now: Date,
  minGroupSize: number = DEFAULT_MIN_GROUP_SIZE,
): CentreStats {
  const { weeks, cohorts } = centreInsights(centre, sources, now, minGroupSize);
  return { centre, generatedAt: now.toISOString(), minGroupSize, weeks, cohorts };
}

const RATE_COLUMNS = RATE_STAGES.map((s) => `${s}Rate` as const);
const CSV_COLUMNS = ["grouping", "group", "suppressed", ...FUNNEL_STAGES, ...RATE_COLUMNS] as const;

/** The same aggregates as the JSON, one row per group; a suppressed count or rate is an empty cell. */
export function statsCsv(stats: CentreStats): string {
  const flat = (r: FunnelRow) => ({ ...r, ...Object.fromEntries(RATE_STAGES.map((s) => [`${s}Rate`, r.rates[s]])) });
  return csv(CSV_COLUMNS, [
    ...stats.weeks.map((r) => ({ grouping: "week", ...flat(r) })),
    ...stats.cohorts.map((r) => ({ grouping: "cohort", ...flat(r) })),
  ]);
}

const INSIGHTS_COLUMNS = ["table", "group", "suppressed", ...FUNNEL_STAGES, ...RATE_COLUMNS, "share"] as const;

/**
 * Every table of the insights, one CSV: the funnel by week and by cohort, the filter's
 * students, the situations and the kinds of question (their `students` and `share`).
 */
export function insightsCsv(insights: CentreInsights): string {
  const flat = (r: FunnelRow) => ({ ...r, ...Object.fromEntries(RATE_STAGES.map((s) => [`${s}Rate`, r.rates[s]])) });
  const share = (table: string) => (r: ShareRow) => ({
    table,
    group: r.key,
    suppressed: r.students === null,
    students: r.students,
    share: r.rate,
  });
  return csv(INSIGHTS_COLUMNS, [
    ...insights.weeks.map((r) => ({ table: "week", ...flat(r) })),
    ...insights.cohorts.map((r) => ({ table: "cohort", ...flat(r) })),
    { table: "all", group: "students", suppressed: insights.students === null, students: insights.students },
    ...insights.situations.map(share("situation")),
    ...insights.questionTypes.map(share("questionType")),
  ]);
}

function csv(columns: readonly string[], rows: Record<string, unknown>[]): string {
  const lines = [columns.join(",")];
  for (const r of rows) {
    lines.push(columns.map((c) => csvCell(r[c] === null || r[c] === undefined ? "" : String(r[c]))).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

function csvCell(value: string): string {
  // Spreadsheet formula injection: a cohort name chosen by the centre could start with = + - @.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
