import { describe, expect, it } from "vitest";
import typed from "./personas-as-typed.json";
import { moveDates, typedPersonas } from "./typed-personas";

describe("the personas as typed", () => {
  it("moves each interview to the given day, and leaves what was typed alone", () => {
    const moved = typedPersonas(new Date("2031-03-02T23:30:00.000Z"));
    expect(moved.map((p) => p.key)).toEqual(typed.personas.map((p) => p.key));
    for (const [i, p] of moved.entries()) {
      const original = typed.personas[i]?.body;
      expect(p.body.interview.date).toBe("2031-03-02");
      expect({ ...p.body, interview: { ...p.body.interview, date: original?.interview.date } }).toEqual(original);
    }
  });

  it("moves every date by as many days, however deep, and nothing that only looks like one", () => {
    const week = 7 * 86_400_000;
    const body = { interview: { date: "2026-11-30", decisionDate: "2026-12-31" }, notes: "on 2026-11-30", n: 3 };
    expect(moveDates(body, week)).toEqual({
      interview: { date: "2026-12-07", decisionDate: "2027-01-07" },
      notes: "on 2026-11-30",
      n: 3,
    });
  });
});
