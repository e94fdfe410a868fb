import { describe, expect, it } from "vitest";
import { insightsFilterOf } from "./service";

describe("insightsFilterOf", () => {
  const centre = { cohorts: ["MSc Data", "BA History"] };
  it("reads a cohort of the centre's, or none given, and ISO weeks", () => {
    expect(insightsFilterOf(centre, {})).toEqual({ ok: true, value: {} });
    expect(insightsFilterOf(centre, { cohort: "", from: " ", to: "" })).toEqual({ ok: true, value: {} });
    expect(insightsFilterOf(centre, { cohort: "MSc Data", from: "2026-W01", to: "2026-W53" })).toEqual({
      ok: true,
      value: { cohort: "MSc Data", from: "2026-W01", to: "2026-W53" },
    });
    expect(insightsFilterOf(centre, { cohort: "unspecified" })).toEqual({ ok: true, value: { cohort: "unspecified" } });
  });

  it("refuses another cohort, a week that is not one, and a range that ends before it starts, field by field", () => {
    expect(insightsFilterOf(centre, { cohort: "Physics", from: "2026-W54", to: "2026-13" })).toEqual({
      ok: false,
      errors: {
        cohort: "Choose one of the centre's cohorts",
        from: "Choose a week such as 2026-W07",
        to: "Choose a week such as 2026-W07",
      },
    });
    expect(insightsFilterOf(centre, { from: "2026-W10", to: "2026-W09" })).toEqual({
      ok: false,
      errors: { to: "The last week must not come before the first" },
    });
  });
});
