import { seededRandom } from "@debrief/testkit/random";
import { describe, expect, it } from "vitest";
import { studentDigest } from "../digest";
import { DEFAULT_MIN_GROUP_SIZE } from "./model";
import {
  type CentreInsights,
  centreInsights,
  centreStats,
  FUNNEL_STAGES,
  type FunnelStage,
  type InsightsFilter,
  insightsCsv,
  isoWeek,
  type StatsSource,
  statsCsv,
  UNSPECIFIED_COHORT,
} from "./stats";

const now = new Date("2026-11-25T12:00:00Z");
let students = 0;
/** One debrief; of a student of its own unless `student` says whose. */
const src = (createdAt: string, extra: Partial<StatsSource> = {}): StatsSource => ({
  createdAt,
  student: `student-${++students}`,
  ...extra,
});
/** The smallest minimum a centre may choose: most tests below are about a centre that chose it. */
const FIVE = 5;

describe("isoWeek", () => {
  it.each([
    ["2026-11-25T12:00:00Z", "2026-W48"],
    ["2026-01-01T00:00:00Z", "2026-W01"], // a Thursday
    ["2027-01-01T00:00:00Z", "2026-W53"], // a Friday: still the last week of 2026
    ["2024-12-30T08:00:00Z", "2025-W01"], // a Monday that starts 2025's first week
  ])("%s is in %s", (iso, week) => expect(isoWeek(iso)).toBe(week));
});

describe("centreStats", () => {
  it("shows no group of fewer than 10 students by default, and no centre may go below 5", () => {
    const rows = Array.from({ length: 9 }, () => src("2026-11-23T10:00:00Z", { cohort: "A" }));
    const stats = centreStats("c", rows, now);
    expect(stats.minGroupSize).toBe(DEFAULT_MIN_GROUP_SIZE);
    expect(stats.weeks).toEqual([
      {
        group: "2026-W48",
        suppressed: true,
        students: null,
        letterSent: null,
        secondInterview: null,
        offer: null,
        rates: { letterSent: null, secondInterview: null, offer: null },
      },
    ]);
    expect(centreStats("c", [...rows, src("2026-11-23T10:00:00Z", { cohort: "A" })], now).weeks[0]).toMatchObject({
      suppressed: false,
      students: 10,
      letterSent: 0,
      rates: { letterSent: 0 },
    });
    expect(() => centreStats("c", rows, now, 4)).toThrow(/at least 5/);
  });

  it("suppresses a group under the minimum whole, and any smaller count in a shown group", () => {
    const big = Array.from({ length: 7 }, (_, i) =>
      src("2026-11-23T10:00:00Z", {
        cohort: "A",
        letterSentAt: i < 6 ? "2026-11-24T10:00:00Z" : undefined,
        checkins: i < 2 ? { checkin7: { answer: "offer", at: "x" } } : undefined,
      }),
    );
    const small = [src("2026-11-16T10:00:00Z", { cohort: "B" }), src("2026-11-16T11:00:00Z")];
    const stats = centreStats("c", [...big, ...small], now, FIVE);
    // 7 students and 6 letters would tell that one student sent no letter: that count is hidden too.
    const none = { letterSent: null, secondInterview: null, offer: null };
    expect(stats.cohorts).toEqual([
      { group: "A", suppressed: false, students: 7, ...none, rates: none },
      { group: "B", suppressed: true, students: null, ...none, rates: none },
      { group: "unspecified", suppressed: true, students: null, ...none, rates: none },
    ]);
    expect(stats.weeks.map((w) => [w.group, w.suppressed, w.students])).toEqual([
      ["2026-W47", true, null],
      ["2026-W48", false, 7],
    ]);
    audit([...big, ...small], FIVE);
  });

  it("gives a rate only beside both of its counts", () => {
    const group = (n: number, letters: number) =>
      Array.from({ length: n }, (_, i) =>
        src("2026-11-23T10:00:00Z", { letterSentAt: i < letters ? "2026-11-24T10:00:00Z" : undefined }),
      );
    expect(centreStats("c", group(12, 6), now, FIVE).weeks[0]).toMatchObject({
      students: 12,
      letterSent: 6,
      rates: { letterSent: 0.5, secondInterview: 0, offer: 0 },
    });
    // 8 students and 6 letters: the 2 without one would be singled out, so the 6 is hidden, and its rate.
    expect(centreStats("c", group(8, 6), now, FIVE).weeks[0]).toMatchObject({
      students: 8,
      letterSent: null,
      rates: { letterSent: null, secondInterview: 0 },
    });
  });

  it("counts the page's 'I got a second interview' as a second interview", () => {
    const rows = Array.from({ length: 5 }, (_, i) =>
      src("2026-11-23T10:00:00Z", { secondInterviewAt: i < 4 ? "2026-11-24T10:00:00Z" : undefined }),
    );
    // Four of five: the one without a second interview would be singled out, so 4 is hidden.
    expect(centreStats("c", rows, now, FIVE).weeks[0]).toMatchObject({
      students: 5,
      secondInterview: null,
      offer: 0,
      rates: { secondInterview: null, offer: 0 },
    });
    rows[4] = src("2026-11-23T10:00:00Z", { checkins: { checkin7: { answer: "second_interview", at: "x" } } });
    expect(centreStats("c", rows, now, FIVE).weeks[0]).toMatchObject({ students: 5, secondInterview: 5 });
  });

  it("shows zero, and counts an offer as past the second interview too", () => {
    const rows = Array.from({ length: 5 }, () =>
      src("2026-11-23T10:00:00Z", { checkins: { checkin14: { answer: "offer", at: "x" } } }),
    );
    const [week] = centreStats("c", rows, now, FIVE).weeks;
    expect(week).toMatchObject({ students: 5, letterSent: 0, secondInterview: 5, offer: 5 });
  });
});

describe("statsCsv", () => {
  it("writes suppressed counts as empty cells and defuses spreadsheet formulas in group names", () => {
    const rows = Array.from({ length: 5 }, () => src("2026-11-23T10:00:00Z", { cohort: '=HYPERLINK("x"),1' }));
    const csv = statsCsv(centreStats("c", rows, now, FIVE));
    expect(csv.split("\r\n")).toEqual([
      "grouping,group,suppressed,students,letterSent,secondInterview,offer,letterSentRate,secondInterviewRate,offerRate",
      "week,2026-W48,false,5,0,0,0,0,0,0",
      `cohort,"'=HYPERLINK(""x""),1",false,5,0,0,0,0,0,0`,
      "",
    ]);
  });
});

// ---- the auditor: every difference an attacker can take between published figures ------------

type Person = {
  week: string;
  cohort: string;
  at: (stage: FunnelStage) => boolean;
  situations: Set<string>;
  questionTypes: Set<string>;
};
type Published = { where: string; value: number; members: bigint };

/**
 * The students behind the debriefs, worked out here independently of the code under test:
 * one per digest, in the week and cohort of their first debrief, at a stage (with a fact) if
 * any of their debriefs was.
 */
function people(sources: StatsSource[]): Person[] {
  const byStudent = new Map<string, StatsSource[]>();
  for (const s of sources) byStudent.set(s.student, [...(byStudent.get(s.student) ?? []), s]);
  return [...byStudent.values()].map((debriefs) => {
    const first = debriefs.reduce((a, b) => (b.createdAt < a.createdAt ? b : a));
    return {
      week: isoWeek(first.createdAt),
      cohort: first.cohort ?? UNSPECIFIED_COHORT,
      at: (stage) => debriefs.some((d) => atStage(d, stage)),
      situations: new Set(debriefs.flatMap((d) => d.insightFacts?.situations ?? [])),
      questionTypes: new Set(debriefs.flatMap((d) => d.insightFacts?.questionTypes ?? [])),
    };
  });
}

function atStage(s: StatsSource, stage: FunnelStage): boolean {
  const answers = Object.values(s.checkins ?? {}).map((a) => a?.answer);
  const offer = answers.includes("offer");
  if (stage === "students") return true;
  if (stage === "letterSent") return Boolean(s.letterSentAt);
  if (stage === "offer") return offer;
  return offer || answers.includes("second_interview") || Boolean(s.secondInterviewAt);
}

/**
 * Every figure a view publishes, each with the set of students it counts (a bit mask over the
 * students), checked against that set; rates checked against their counts on the way.
 */
function publishedFigures(view: CentreInsights, everyone: Person[]): Published[] {
  const f = view.filter;
  const inView = (p: Person) =>
    (f.cohort === undefined || p.cohort === f.cohort) &&
    (f.from === undefined || p.week >= f.from) &&
    (f.to === undefined || p.week <= f.to);
  const out: Published[] = [];
  const add = (where: string, value: number | null, has: (p: Person) => boolean) => {
    if (value === null) return;
    let members = 0n;
    everyone.forEach((p, i) => {
      if (inView(p) && has(p)) members |= 1n << BigInt(i);
    });
    expect(popcount(members), where).toBe(value);
    out.push({ where, value, members });
  };
  const filterName = JSON.stringify(f);
  for (const grouping of ["weeks", "cohorts"] as const) {
    for (const row of view[grouping]) {
      for (const stage of FUNNEL_STAGES) {
        add(`${filterName} ${grouping} ${row.group} ${stage}`, row[stage], (p) =>
          (grouping === "weeks" ? p.week : p.cohort) === row.group ? p.at(stage) : false,
        );
      }
      // A rate never shows what its counts do not.
      for (const [stage, rate] of Object.entries(row.rates) as [FunnelStage, number | null][]) {
        const n = row[stage];
        if (n !== null && row.students) expect(rate).toBe(Math.round((n / row.students) * 1000) / 1000);
        else expect(rate).toBeNull();
      }
    }
  }
  add(`${filterName} students`, view.students, () => true);
  for (const r of view.situations) add(`${filterName} situation ${r.key}`, r.students, (p) => p.situations.has(r.key));
  for (const r of view.questionTypes) {
    add(`${filterName} question ${r.key}`, r.students, (p) => p.questionTypes.has(r.key));
  }
  for (const r of [...view.situations, ...view.questionTypes]) {
    expect(r.rate).toBe(
      r.students === null || !view.students ? null : Math.round((r.students / view.students) * 1000) / 1000,
    );
  }
  return out;
}

function popcount(n: bigint): number {
  let c = 0;
  for (let x = n; x > 0n; x >>= 1n) c += Number(x & 1n);
  return c;
}

/**
 * Every view a centre's filters give (all, each cohort, each week, a range), and every
 * difference between two of their figures, or between sums of one view's rows at one stage,
 * that counts real students (the subtracted students are all among the others): none may
 * come out between 1 and the minimum group size.
 */
function audit(sources: StatsSource[], minGroupSize: number): { differences: number; shown: number } {
  const everyone = people(sources);
  const weeks = [...new Set(everyone.map((p) => p.week))].sort();
  const filters: InsightsFilter[] = [
    {},
    ...[...new Set(everyone.map((p) => p.cohort))].map((cohort) => ({ cohort })),
    ...weeks.map((w) => ({ from: w, to: w })),
    ...(weeks.length > 1 ? [{ from: weeks[1], to: weeks.at(-1) }] : []),
  ];
  const views = filters.map((filter) => centreInsights("c", sources, now, minGroupSize, filter));
  const figures = views.flatMap((v) => publishedFigures(v, everyone));
  // Sums of any shown rows of one grouping at one stage (rows are disjoint, so a sum counts their union).
  const blocks = [...figures];
  const [whole] = views as [CentreInsights];
  for (const grouping of ["weeks", "cohorts"] as const) {
    for (const stage of FUNNEL_STAGES) {
      const column = figures.filter((c) => c.where.startsWith(`{} ${grouping} `) && c.where.endsWith(` ${stage}`));
      for (let mask = 1; mask < 1 << column.length; mask++) {
        let value = 0;
        let members = 0n;
        column.forEach((c, i) => {
          if (mask & (1 << i)) {
            value += c.value;
            members |= c.members;
          }
        });
        blocks.push({ where: `sum of ${grouping} ${stage}`, value, members });
      }
    }
  }
  let differences = 0;
  for (const a of blocks) {
    for (const b of blocks) {
      if ((b.members & ~a.members) !== 0n) continue; // not a count of real students
      const derived = a.value - b.value;
      differences += 1;
      if (derived > 0 && derived < minGroupSize) {
        throw new Error(
          `${derived} students can be worked out: ${a.where} minus ${b.where} (${JSON.stringify(whole)})`,
        );
      }
    }
  }
  return { differences, shown: figures.length };
}

const SITUATIONS = ["nerves", "rambling", "blanked", "late", "bad_call"] as const;
const QUESTION_TYPES = ["behavioural", "technical", "motivation"] as const;

/** A centre of n students (one debrief in six a returning student's), in three weeks and uneven cohorts. */
function randomCentre(rnd: () => number, n: number): StatsSource[] {
  const weeks = ["2026-11-02T10:00:00Z", "2026-11-09T10:00:00Z", "2026-11-16T10:00:00Z"];
  const cohorts: [string | undefined, number][] = [
    ["MBA", 0.55],
    ["MSc", 0.3],
    ["PhD", 0.1],
    [undefined, 0.05],
  ];
  const pick = () => {
    let r = rnd();
    for (const [cohort, weight] of cohorts) {
      r -= weight;
      if (r < 0) return cohort;
    }
    return undefined;
  };
  const some = <T>(all: readonly T[], p: number) => all.filter(() => rnd() < p);
  const rows: StatsSource[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const answer = r < 0.3 ? "offer" : r < 0.55 ? "second_interview" : r < 0.75 ? "rejected" : undefined;
    const again = rows.length > 0 && rnd() < 1 / 6 ? rows[Math.floor(rnd() * rows.length)] : undefined;
    rows.push(
      src(weeks[Math.floor(rnd() * (1 + Math.floor(rnd() * weeks.length)))] as string, {
        ...(again ? { student: again.student } : {}),
        cohort: pick(),
        letterSentAt: rnd() < 0.6 ? "2026-11-20T10:00:00Z" : undefined,
        secondInterviewAt: rnd() < 0.1 ? "2026-11-21T10:00:00Z" : undefined,
        checkins: answer ? { checkin7: { answer, at: "x" } } : undefined,
        insightFacts: { situations: some(SITUATIONS, 0.45), questionTypes: some(QUESTION_TYPES, 0.5) },
      }),
    );
  }
  return rows;
}

describe("complementary suppression across every table, chart and filter", () => {
  it("hides the lone PhD student's offer that week minus MBA would reveal (the review's case)", () => {
    const week = "2026-11-23T10:00:00Z";
    const offer = { checkin7: { answer: "offer" as const, at: "x" } };
    const rows = [
      src(week, { cohort: "PhD", checkins: offer }),
      ...Array.from({ length: 9 }, (_, i) => src(week, { cohort: "MBA", checkins: i < 5 ? offer : undefined })),
    ];
    const stats = centreStats("c", rows, now, FIVE);
    const [weekRow] = stats.weeks;
    const mba = stats.cohorts.find((r) => r.group === "MBA");
    // Without secondary suppression: week 10/6 and MBA 9/5, so the PhD row is 1/1.
    expect(weekRow?.students === null || mba?.students === null).toBe(true);
    expect(weekRow?.offer === null || mba?.offer === null).toBe(true);
    expect(audit(rows, FIVE).differences).toBeGreaterThan(0);
  });

  it("leaves no small count to subtract out across filters and tables, over 150 random centres", () => {
    let checked = 0;
    let shown = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const rnd = seededRandom(seed);
      const rows = randomCentre(rnd, 40 + Math.floor(rnd() * 560));
      const result = audit(rows, seed % 2 ? FIVE : DEFAULT_MIN_GROUP_SIZE);
      checked += result.differences;
      shown += result.shown;
    }
    // The audit had something to attack: thousands of shown figures, tens of thousands of differences.
    expect(shown).toBeGreaterThan(5_000);
    expect(checked).toBeGreaterThan(50_000);
  });

  it("shows a large, even centre in full, in every table and filter", () => {
    const rows = ["MBA", "MSc"].flatMap((cohort) =>
      ["2026-11-09T10:00:00Z", "2026-11-16T10:00:00Z"].flatMap((week) =>
        Array.from({ length: 20 }, (_, i) =>
          src(week, {
            cohort,
            letterSentAt: i < 10 ? "2026-11-20T10:00:00Z" : undefined,
            checkins: i < 10 ? { checkin7: { answer: "offer", at: "x" } } : undefined,
            insightFacts: { situations: i < 10 ? ["nerves"] : ["late"], questionTypes: ["technical"] },
          }),
        ),
      ),
    );
    const all = centreInsights("c", rows, now);
    for (const r of [...all.weeks, ...all.cohorts]) {
      expect(r).toMatchObject({ suppressed: false, students: 40, letterSent: 20, secondInterview: 20, offer: 20 });
    }
    expect(all.students).toBe(80);
    expect(all.situations).toEqual([
      { key: "late", students: 40, rate: 0.5 },
      { key: "nerves", students: 40, rate: 0.5 },
    ]);
    expect(all.questionTypes).toEqual([{ key: "technical", students: 80, rate: 1 }]);
    const mba = centreInsights("c", rows, now, DEFAULT_MIN_GROUP_SIZE, {
      cohort: "MBA",
      from: "2026-W47",
      to: "2026-W47",
    });
    expect(mba).toMatchObject({ students: 20, weeks: [{ group: "2026-W47", students: 20, letterSent: 10 }] });
    audit(rows, DEFAULT_MIN_GROUP_SIZE);
  });

  it("hides a figure wherever it would include a small week-and-cohort cell, filtered or not", () => {
    // Twelve weeks of ten cohorts with one or two students each: no cell reaches ten.
    const rows = Array.from({ length: 12 }, (_, w) =>
      Array.from({ length: 10 + w }, (_, i) =>
        src(new Date(Date.parse("2026-06-01T10:00:00Z") + w * 7 * 86_400_000).toISOString(), {
          cohort: `C${i % 10}`,
          checkins: i % 3 === 0 ? { checkin7: { answer: "offer", at: "x" } } : undefined,
        }),
      ),
    ).flat();
    const stats = centreStats("c", rows, now);
    expect(stats.weeks).toHaveLength(12);
    expect(stats.cohorts).toHaveLength(10);
    for (const r of [...stats.weeks, ...stats.cohorts]) {
      expect(r.students).toBeNull();
      for (const stage of FUNNEL_STAGES) expect([null, 0]).toContain(r[stage]);
    }
    // A filter cannot cut such a cell out either: C0 over all weeks has 12+ students, all in small cells.
    expect(centreInsights("c", rows, now, DEFAULT_MIN_GROUP_SIZE, { cohort: "C0" }).students).toBeNull();
  });

  it("shares a situation only beside the filter's students, and hides one that a few did not report", () => {
    const rows = Array.from({ length: 14 }, (_, i) =>
      src("2026-11-23T10:00:00Z", {
        insightFacts: { situations: i < 12 ? ["nerves"] : ["late"], questionTypes: [] },
      }),
    );
    const view = centreInsights("c", rows, now);
    expect(view.students).toBe(14);
    // 12 of 14 reported nerves: the 2 who did not would be singled out; the 2 who were late are too few.
    expect(view.situations).toEqual([
      { key: "late", students: null, rate: null },
      { key: "nerves", students: null, rate: null },
    ]);
    audit(rows, DEFAULT_MIN_GROUP_SIZE);
  });
});

describe("insightsCsv", () => {
  it("writes every table with the same suppression as the JSON", () => {
    const rows = Array.from({ length: 10 }, (_, i) =>
      src("2026-11-23T10:00:00Z", {
        cohort: "A",
        insightFacts: { situations: ["nerves"], questionTypes: i < 3 ? ["technical"] : [] },
      }),
    );
    expect(insightsCsv(centreInsights("c", rows, now)).split("\r\n")).toEqual([
      "table,group,suppressed,students,letterSent,secondInterview,offer,letterSentRate,secondInterviewRate,offerRate,share",
      "week,2026-W48,false,10,0,0,0,0,0,0,",
      "cohort,A,false,10,0,0,0,0,0,0,",
      "all,students,false,10,,,,,,,",
      "situation,nerves,false,10,,,,,,,1",
      "questionType,technical,true,,,,,,,,",
      "",
    ]);
  });
});

describe("the padding attack: one mailbox posing as several students", () => {
  const SECRET = "k".repeat(32);
  const week = (day: number, hour = 10) => `2026-11-${String(23 + day).padStart(2, "0")}T${hour}:00:00Z`;
  const as = (address: string) => studentDigest(SECRET, address);
  // The attacker's one mailbox at a Google Workspace university, under nine names over three days of one
  // ISO week: plus tags (three a day pass the per-address limit), dots, and the days.
  const padding = [
    ["samlee+a", "samlee+b", "sam.lee+a"],
    ["samlee+c", "sam.lee+b", "s.amlee"],
    ["samlee+d", "s.amlee+b", "sa.m.lee"],
  ].flatMap((names, day) =>
    names.map((name, i) => src(week(day, 9 + i), { student: as(`${name}@pad.example.edu`), cohort: "Target" })),
  );
  const target = (sent: boolean) =>
    src(week(1), {
      student: as("rowan@pad.example.edu"),
      cohort: "Target",
      letterSentAt: sent ? week(2) : undefined,
    });

  it("counts the mailbox once: the target's group stays hidden whether or not they sent the letter", () => {
    for (const minGroupSize of [FIVE, DEFAULT_MIN_GROUP_SIZE]) {
      const [sent, unsent] = [true, false].map((s) => centreStats("c", [...padding, target(s)], now, minGroupSize));
      // Counted as debriefs this was a group of ten: letterSent 0 or hidden, the target's letter read off it.
      expect(sent).toEqual(unsent);
      expect(sent?.weeks).toEqual([expect.objectContaining({ suppressed: true, students: null, letterSent: null })]);
      expect(sent?.cohorts).toEqual([expect.objectContaining({ suppressed: true, students: null, letterSent: null })]);
    }
  });

  it("finds no hidden count with the padding among real students, in every table", () => {
    // Eight real students make the group big enough only if the padding counted as more than one.
    const real = Array.from({ length: 8 }, (_, i) =>
      src(week(i % 5), { cohort: "Target", letterSentAt: i < 4 ? week(5) : undefined }),
    );
    const others = Array.from({ length: 12 }, () => src(week(3), { cohort: "Other" }));
    for (const sent of [true, false]) {
      const rows = [...padding, target(sent), ...real, ...others];
      const stats = centreStats("c", rows, now, DEFAULT_MIN_GROUP_SIZE);
      // 8 + the target + the mailbox = 10 students in the Target cohort, never 18.
      expect(stats.cohorts.find((r) => r.group === "Target")).toMatchObject({ suppressed: false, students: 10 });
      audit(rows, DEFAULT_MIN_GROUP_SIZE);
    }
  });
});
