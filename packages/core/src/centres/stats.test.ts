import { describe, expect, it } from "vitest";
import { centreStats, isoWeek, type StatsSource, statsCsv } from "./stats";

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
    expect(stats.cohorts).toEqual([
      { group: "A", suppressed: false, debriefs: 7, letterSent: 6, secondInterview: null, offer: null },
      { group: "B", suppressed: true, debriefs: null, letterSent: null, secondInterview: null, offer: null },
      { group: "unspecified", suppressed: true, debriefs: null, letterSent: null, secondInterview: null, offer: null },
    ]);
    expect(stats.weeks.map((w) => [w.group, w.suppressed, w.debriefs])).toEqual([
      ["2026-W47", true, null],
      ["2026-W48", false, 7],
    ]);
  });

  it("counts the page's 'I got a second interview' as a second interview", () => {
    const rows = Array.from({ length: 5 }, (_, i) =>
      src("2026-11-23T10:00:00Z", { secondInterviewAt: i < 4 ? "2026-11-24T10:00:00Z" : undefined }),
    );
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
