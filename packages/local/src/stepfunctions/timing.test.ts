import { describe, expect, it } from "vitest";
import { type Definition, retryOverrides, waitOverrides } from "./timing";

const def: Definition = {
  StartAt: "A",
  States: {
    A: { Type: "Task", Next: "W1", Retry: [{ ErrorEquals: ["States.ALL"], IntervalSeconds: 2 }] },
    W1: { Type: "Wait", TimestampPath: "$.nudgeAt", Next: "B" },
    B: { Type: "Task", Next: "W2" },
    W2: { Type: "Wait", TimestampPath: "$.tipsAt", Next: "C" },
    C: { Type: "Task", End: true },
  },
};
const start = Date.parse("2026-11-24T12:00:00Z");
const input = { nudgeAt: "2026-11-25T12:00:00Z", tipsAt: "2026-11-26T12:00:00Z" };

describe("local time scaling", () => {
  it("makes a day last localDaySeconds, each wait measured from the end of the previous one", () => {
    expect(waitOverrides(def, input, start, start, 10)).toEqual({ W1: 10_000, W2: 10_000 });
  });

  it("waits only for what is left after a restart, measured from the original start", () => {
    // Resumed 4 s into a 10 s day: 6 s left of the first wait, then a full day.
    expect(waitOverrides(def, input, start, start + 4000, 10)).toEqual({ W1: 6000, W2: 10_000 });
    // Resumed after the reminder was due: no wait before it, the rest of the second.
    expect(waitOverrides(def, input, start, start + 15_000, 10)).toEqual({ W1: 0, W2: 5000 });
  });

  it("scales retry intervals with a floor", () => {
    expect(retryOverrides(def, 86_400)).toEqual({ A: [2000] });
    expect(retryOverrides(def, 10)).toEqual({ A: [5] });
  });
});
