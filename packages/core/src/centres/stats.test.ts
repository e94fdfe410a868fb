import { describe, expect, it } from "vitest";
import {
  type CentreStats,
  centreStats,
  FUNNEL_STAGES,
  type FunnelStage,
  isoWeek,
  MIN_GROUP_SIZE,
  type StatsSource,
  statsCsv,
  UNSPECIFIED_COHORT,
} from "./stats";

const now = new Date("2026-11-25T12:00:00Z");
const src = (createdAt: string, extra: Partial<StatsSource> = {}): StatsSource => ({ createdAt, ...extra });

describe("isoWeek", () => {
  it.each([
    ["2026-11-25T12:00:00Z", "2026-W48"],
    ["2026-01-01T00:00:00Z", "2026-W01"], // a Thursday
    ["2027-01-01T00:00:00Z", "2026-W53"], // a Friday: still the last week of 2026
    ["2024-12-30T08:00:00Z", "2025-W01"], // a Monday that starts 2025's first week
  ])("%s is in %s", (iso, week) => expect(isoWeek(iso)).toBe(week));
});

describe("centreStats", () => {
  it("suppresses a group under 5 whole, and any count from 1 to 4 in a shown group", () => {
    const big = Array.from({ length: 7 }, (_, i) =>
      src("2026-11-23T10:00:00Z", {
        cohort: "A",
        letterSentAt: i < 6 ? "2026-11-24T10:00:00Z" : undefined,
        checkins: i < 2 ? { checkin7: { answer: "offer", at: "x" } } : undefined,
      }),
    );
    const small = [src("2026-11-16T10:00:00Z", { cohort: "B" }), src("2026-11-16T11:00:00Z")];
    const stats = centreStats("c", [...big, ...small], now);
    // 7 debriefs and 6 letters would tell that one student sent no letter: that count is hidden too.
    expect(stats.cohorts).toEqual([
      { group: "A", suppressed: false, debriefs: 7, letterSent: null, secondInterview: null, offer: null },
      { group: "B", suppressed: true, debriefs: null, letterSent: null, secondInterview: null, offer: null },
      { group: "unspecified", suppressed: true, debriefs: null, letterSent: null, secondInterview: null, offer: null },
    ]);
    expect(stats.weeks.map((w) => [w.group, w.suppressed, w.debriefs])).toEqual([
      ["2026-W47", true, null],
      ["2026-W48", false, 7],
    ]);
    audit(stats, [...big, ...small]);
  });

  it("counts the page's 'I got a second interview' as a second interview", () => {
    const rows = Array.from({ length: 5 }, (_, i) =>
      src("2026-11-23T10:00:00Z", { secondInterviewAt: i < 4 ? "2026-11-24T10:00:00Z" : undefined }),
    );
    // Four of five: the one without a second interview would be singled out, so 4 is hidden.
    expect(centreStats("c", rows, now).weeks[0]).toMatchObject({ debriefs: 5, secondInterview: null, offer: 0 });
    rows[4] = src("2026-11-23T10:00:00Z", { checkins: { checkin7: { answer: "second_interview", at: "x" } } });
    expect(centreStats("c", rows, now).weeks[0]).toMatchObject({ debriefs: 5, secondInterview: 5 });
  });

  it("shows zero, and counts an offer as past the second interview too", () => {
    const rows = Array.from({ length: 5 }, () =>
      src("2026-11-23T10:00:00Z", { checkins: { checkin14: { answer: "offer", at: "x" } } }),
    );
    const [week] = centreStats("c", rows, now).weeks;
    expect(week).toMatchObject({ debriefs: 5, letterSent: 0, secondInterview: 5, offer: 5 });
  });
});

describe("statsCsv", () => {
  it("writes suppressed counts as empty cells and defuses spreadsheet formulas in group names", () => {
    const rows = Array.from({ length: 5 }, () => src("2026-11-23T10:00:00Z", { cohort: '=HYPERLINK("x"),1' }));
    const csv = statsCsv(centreStats("c", rows, now));
    expect(csv.split("\r\n")).toEqual([
      "grouping,group,suppressed,debriefs,letterSent,secondInterview,offer",
      "week,2026-W48,false,5,0,0,0",
      `cohort,"'=HYPERLINK(""x""),1",false,5,0,0,0`,
      "",
    ]);
  });
});

// ---- the auditor: every difference an attacker can take between published counts -------------

type Published = { grouping: "weeks" | "cohorts"; group: string; stage: FunnelStage; value: number; members: bigint };

/** Each shown count with the set of students it counts (a bitmask over the sources). */
function publishedCells(stats: CentreStats, sources: StatsSource[]): Published[] {
  const out: Published[] = [];
  for (const grouping of ["weeks", "cohorts"] as const) {
    for (const row of stats[grouping]) {
      for (const stage of FUNNEL_STAGES) {
        const value = row[stage];
        if (value === null) continue;
        let members = 0n;
        sources.forEach((s, i) => {
          const group = grouping === "weeks" ? isoWeek(s.createdAt) : (s.cohort ?? UNSPECIFIED_COHORT);
          if (group === row.group && atStage(s, stage)) members |= 1n << BigInt(i);
        });
        expect(popcount(members)).toBe(value);
        out.push({ grouping, group: row.group, stage, value, members });
      }
    }
  }
  return out;
}

function atStage(s: StatsSource, stage: FunnelStage): boolean {
  const answers = Object.values(s.checkins ?? {}).map((a) => a?.answer);
  const offer = answers.includes("offer");
  if (stage === "debriefs") return true;
  if (stage === "letterSent") return Boolean(s.letterSentAt);
  if (stage === "offer") return offer;
  return offer || answers.includes("second_interview") || Boolean(s.secondInterviewAt);
}

function popcount(n: bigint): number {
  let c = 0;
  for (let x = n; x > 0n; x >>= 1n) c += Number(x & 1n);
  return c;
}

/**
 * Sums of any shown cells of one grouping at one stage (rows are disjoint, so a sum counts
 * their union), then every difference of two such sums, across groupings and stages, that
 * counts real students (the subtracted students are all among the others): none may be 1-4.
 */
function audit(stats: CentreStats, sources: StatsSource[]): number {
  const cells = publishedCells(stats, sources);
  const blocks: { value: number; members: bigint }[] = [{ value: 0, members: 0n }];
  for (const grouping of ["weeks", "cohorts"] as const) {
    for (const stage of FUNNEL_STAGES) {
      const column = cells.filter((c) => c.grouping === grouping && c.stage === stage);
      for (let mask = 1; mask < 1 << column.length; mask++) {
        let value = 0;
        let members = 0n;
        column.forEach((c, i) => {
          if (mask & (1 << i)) {
            value += c.value;
            members |= c.members;
          }
        });
        blocks.push({ value, members });
      }
    }
  }
  let differences = 0;
  for (const a of blocks) {
    for (const b of blocks) {
      if ((b.members & ~a.members) !== 0n) continue; // not a count of real students
      const derived = a.value - b.value;
      differences += 1;
      if (derived > 0 && derived < MIN_GROUP_SIZE) {
        throw new Error(`${derived} students can be worked out: ${JSON.stringify(stats)}`);
      }
    }
  }
  return differences;
}

/** A small deterministic generator (mulberry32), so a failure names a reproducible seed. */
function random(seed: number) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

describe("secondary suppression across the week and cohort groupings", () => {
  it("hides the lone PhD student's offer that week minus MBA would reveal (the review's case)", () => {
    const week = "2026-11-23T10:00:00Z";
    const offer = { checkin7: { answer: "offer" as const, at: "x" } };
    const rows = [
      src(week, { cohort: "PhD", checkins: offer }),
      ...Array.from({ length: 9 }, (_, i) => src(week, { cohort: "MBA", checkins: i < 5 ? offer : undefined })),
    ];
    const stats = centreStats("c", rows, now);
    const [weekRow] = stats.weeks;
    const mba = stats.cohorts.find((r) => r.group === "MBA");
    // Without secondary suppression: week 10/6 and MBA 9/5, so the PhD row is 1/1.
    expect(weekRow?.debriefs === null || mba?.debriefs === null).toBe(true);
    expect(weekRow?.offer === null || mba?.offer === null).toBe(true);
    expect(audit(stats, rows)).toBeGreaterThan(0);
  });

  it("leaves no count of 1 to 4 students to subtract out, over 400 random centres", () => {
    let checked = 0;
    let shown = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const rnd = random(seed);
      const weeks = ["2026-11-02T10:00:00Z", "2026-11-09T10:00:00Z", "2026-11-16T10:00:00Z"];
      // Uneven cohorts, as at a real centre: a large one, a middling one, and rare ones.
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
      const n = 10 + Math.floor(rnd() * 110);
      const rows = Array.from({ length: n }, () => {
        const r = rnd();
        const answer = r < 0.3 ? "offer" : r < 0.55 ? "second_interview" : r < 0.75 ? "rejected" : undefined;
        return src(weeks[Math.floor(rnd() * (1 + Math.floor(rnd() * weeks.length)))] as string, {
          cohort: pick(),
          letterSentAt: rnd() < 0.6 ? "2026-11-20T10:00:00Z" : undefined,
          secondInterviewAt: rnd() < 0.1 ? "2026-11-21T10:00:00Z" : undefined,
          checkins: answer ? { checkin7: { answer, at: "x" } } : undefined,
        });
      });
      const stats = centreStats("c", rows, now);
      shown += [...stats.weeks, ...stats.cohorts]
        .flatMap((r) => FUNNEL_STAGES.map((st) => r[st]))
        .filter((v) => v !== null).length;
      checked += audit(stats, rows);
    }
    // The audit had something to attack: about 14 shown counts a centre, tens of thousands of differences.
    expect(shown).toBeGreaterThan(4_000);
    expect(checked).toBeGreaterThan(50_000);
  });

  it("still shows a large, even centre in full", () => {
    const rows = ["MBA", "MSc"].flatMap((cohort) =>
      ["2026-11-09T10:00:00Z", "2026-11-16T10:00:00Z"].flatMap((week) =>
        Array.from({ length: 10 }, (_, i) =>
          src(week, {
            cohort,
            letterSentAt: i < 5 ? "2026-11-20T10:00:00Z" : undefined,
            checkins: i < 5 ? { checkin7: { answer: "offer", at: "x" } } : undefined,
          }),
        ),
      ),
    );
    const stats = centreStats("c", rows, now);
    for (const r of [...stats.weeks, ...stats.cohorts]) {
      expect(r).toMatchObject({ suppressed: false, debriefs: 20, letterSent: 10, secondInterview: 10, offer: 10 });
    }
    audit(stats, rows);
  });
});

describe("secondary suppression at scale", () => {
  it("falls back to the stricter cell rule past the exact audit's limit, still leaving nothing to subtract", () => {
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
    // Every week-and-cohort cell here has 1 or 2 students: no count can be shown but zeros.
    for (const r of [...stats.weeks, ...stats.cohorts]) {
      expect(r.debriefs).toBeNull();
      for (const stage of FUNNEL_STAGES) expect([null, 0]).toContain(r[stage]);
    }
  });
});
