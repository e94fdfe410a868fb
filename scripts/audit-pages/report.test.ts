import { describe, expect, it } from "vitest";
import { failedAudits, type LighthouseResult, median, meetsFormGoal, report, summarise } from "./report";

function run(performance: number, tbt: number, failing: string[] = []): LighthouseResult {
  const audit = (id: string, score: number | null, mode = "binary", numericValue?: number) => ({
    id,
    title: `Title of ${id}`,
    score,
    scoreDisplayMode: mode,
    numericValue,
    displayValue: numericValue === undefined ? undefined : `${numericValue} ms`,
  });
  return {
    lighthouseVersion: "12.2.3",
    categories: {
      performance: { title: "Performance", score: performance / 100 },
      accessibility: { title: "Accessibility", score: 1 },
      "best-practices": { title: "Best Practices", score: 1 },
      seo: { title: "SEO", score: 0.92 },
    },
    audits: {
      "total-blocking-time": audit("total-blocking-time", tbt < 200 ? 0.95 : 0.5, "numeric", tbt),
      "first-contentful-paint": audit("first-contentful-paint", 1, "numeric", 800),
      "largest-contentful-paint": audit("largest-contentful-paint", 1, "numeric", 900),
      "cumulative-layout-shift": audit("cumulative-layout-shift", 1, "numeric", 0),
      "speed-index": audit("speed-index", 1, "numeric", 1200),
      "dom-size": audit("dom-size", 0.5, "informative"),
      "is-crawlable": audit("is-crawlable", failing.includes("is-crawlable") ? 0 : 1),
      "uses-http2": audit("uses-http2", null, "notApplicable"),
    },
  };
}

describe("the Lighthouse report", () => {
  it("takes medians of each score and metric, and the failures of the median run by Performance", () => {
    const s = summarise({
      page: "debrief form",
      formFactor: "mobile",
      runs: [run(99, 120), run(90, 400, ["is-crawlable"]), run(97, 90, ["is-crawlable"])],
    });
    expect(s.scores.performance).toBe(97);
    expect(s.scores.seo).toBe(92);
    expect(s.metrics["total-blocking-time"]).toBe(120);
    // The median run (97) failed is-crawlable; informative and not-applicable audits never count as failed.
    expect(s.failed.map((f) => f.id)).toEqual(["is-crawlable"]);
    expect(meetsFormGoal(s)).toBe(true);
    expect(median([3, 1, 2, 4])).toBe(2.5);
  });

  it("holds the form to Performance 95 and under 200 ms of blocking, and says which it missed", () => {
    const slow = summarise({ page: "debrief form", formFactor: "mobile", runs: [run(96, 250)] });
    expect(meetsFormGoal(slow)).toBe(false);
    expect(failedAudits(run(96, 250)).map((f) => f.id)).toEqual(["total-blocking-time"]);
    const text = report([slow], {
      command: "pnpm audit:pages --runs 1",
      date: "2026-12-08",
      lighthouse: "12.2.3",
      chromium: "Chromium 156",
      machine: "Machine: 2 CPUs.",
      notes: [],
    });
    expect(text).toContain("Performance 96, Total Blocking Time 250 ms");
    expect(text).toContain("**not met**");
    expect(text).toContain(
      "| debrief form | mobile | 96 | 100 | 100 | 92 | 800 ms | 900 ms | 250 ms | 0.000 | 1200 ms |",
    );
    expect(text).toContain("`total-blocking-time`: Title of total-blocking-time (250 ms)");
  });
});
