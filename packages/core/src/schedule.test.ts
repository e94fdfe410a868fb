import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULE, scheduleFor } from "./schedule";

describe("scheduleFor", () => {
  it("sends the nudge at 9:00 the next morning in the candidate's time zone, the tips a day later", () => {
    // 16:30 in Berlin (UTC+1 in November).
    const s = scheduleFor(new Date("2026-11-24T15:30:00Z"), "Europe/Berlin");
    expect(s).toEqual({ nudgeAt: "2026-11-25T08:00:00.000Z", tipsAt: "2026-11-26T08:00:00.000Z" });
  });

  it("uses the candidate's calendar day, not UTC's", () => {
    // 23:30 UTC on the 24th is already the 25th in Tokyo: the nudge is 9:00 on the 26th there.
    const s = scheduleFor(new Date("2026-11-24T23:30:00Z"), "Asia/Tokyo");
    expect(s.nudgeAt).toBe("2026-11-26T00:00:00.000Z");
  });

  it("handles time zones behind UTC", () => {
    // 20:00 on the 24th in Los Angeles (UTC-8) is 04:00 UTC on the 25th.
    const s = scheduleFor(new Date("2026-11-25T04:00:00Z"), "America/Los_Angeles");
    expect(s.nudgeAt).toBe("2026-11-25T17:00:00.000Z");
  });

  it("keeps 9:00 local across a daylight-saving change", () => {
    // Berlin switches to summer time on 2026-03-29: 9:00 that morning is 07:00 UTC.
    const s = scheduleFor(new Date("2026-03-28T18:00:00Z"), "Europe/Berlin");
    expect(s.nudgeAt).toBe("2026-03-29T07:00:00.000Z");
    expect(s.tipsAt).toBe("2026-03-30T07:00:00.000Z");
  });

  it("follows the configured hour and gaps", () => {
    const s = scheduleFor(new Date("2026-11-24T10:00:00Z"), "UTC", {
      ...DEFAULT_SCHEDULE,
      nudgeHour: 18,
      tipsAfterDays: 3,
    });
    expect(s).toEqual({ nudgeAt: "2026-11-25T18:00:00.000Z", tipsAt: "2026-11-28T18:00:00.000Z" });
  });
});
