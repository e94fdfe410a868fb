import { PERSONAS, personaDebrief } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import { composeNudge } from "./content/nudge";
import { sendWindow } from "./content/timing";
import { composeTips } from "./content/tips";
import type { DebriefInput } from "./debrief/schema";
import { DEFAULT_SCHEDULE, scheduleFor } from "./schedule";

/** A debrief around Amira's, with the interview and the clocks changed. */
function input(o: { timeZone: string; date?: string; time?: string; interviewerTz?: string }): DebriefInput {
  const base = PERSONAS.amira;
  return {
    ...base,
    candidate: { ...base.candidate, timeZone: o.timeZone },
    interview: {
      ...base.interview,
      date: o.date ?? "2026-11-24",
      time: o.time,
      interviewer: { ...base.interview.interviewer, timeZone: o.interviewerTz },
    },
  };
}

const weekday = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long" }).format(new Date(iso));

describe("scheduleFor", () => {
  it("sends the reminder at 9:00 the next morning in the candidate's time zone, the tips a day later", () => {
    // 16:30 in Berlin (UTC+1 in November).
    const s = scheduleFor(new Date("2026-11-24T15:30:00Z"), input({ timeZone: "Europe/Berlin" }));
    expect(s).toEqual({ nudgeAt: "2026-11-25T08:00:00.000Z", tipsAt: "2026-11-26T08:00:00.000Z" });
  });

  it("uses the candidate's calendar day, not UTC's", () => {
    // 23:30 UTC on the 24th is already the 25th in Tokyo: the reminder is 9:00 on the 26th there.
    const s = scheduleFor(new Date("2026-11-24T23:30:00Z"), input({ timeZone: "Asia/Tokyo" }));
    expect(s.nudgeAt).toBe("2026-11-26T00:00:00.000Z");
  });

  it("handles time zones behind UTC", () => {
    // 20:00 on the 24th in Los Angeles (UTC-8) is 04:00 UTC on the 25th.
    const s = scheduleFor(new Date("2026-11-25T04:00:00Z"), input({ timeZone: "America/Los_Angeles" }));
    expect(s.nudgeAt).toBe("2026-11-25T17:00:00.000Z");
  });

  it("keeps 9:00 local across a daylight-saving change", () => {
    // Berlin switches to summer time on Sunday 2026-03-29: 9:00 that morning is 07:00 UTC.
    const s = scheduleFor(new Date("2026-03-27T18:00:00Z"), input({ timeZone: "Europe/Berlin", date: "2026-03-27" }));
    expect(s.nudgeAt).toBe("2026-03-28T08:00:00.000Z");
    // The letter's window is Monday 30 March: the tips wait for the day after it, still at 9:00 local.
    expect(s.tipsAt).toBe("2026-03-31T07:00:00.000Z");
  });

  it("follows the configured hour and gaps", () => {
    const s = scheduleFor(new Date("2026-11-24T10:00:00Z"), input({ timeZone: "UTC" }), {
      ...DEFAULT_SCHEDULE,
      nudgeHour: 18,
      tipsAfterDays: 3,
    });
    expect(s).toEqual({ nudgeAt: "2026-11-25T18:00:00.000Z", tipsAt: "2026-11-28T18:00:00.000Z" });
  });
});

describe("the tips wait for the letter's window", () => {
  it("after a Friday interview with a Tokyo interviewer and a Lisbon candidate, arrive on Monday after it", () => {
    // Friday 27 Nov, 10:00 in Lisbon (UTC+0) = 19:00 in Tokyo; the debrief is in at 11:00 Lisbon.
    const d = input({ timeZone: "Europe/Lisbon", date: "2026-11-27", time: "10:00", interviewerTz: "Asia/Tokyo" });
    const submitted = new Date("2026-11-27T11:00:00Z");
    const window = sendWindow(d, submitted);
    // Tokyo's Friday evening has passed: Monday in Tokyo. Its morning is midnight in Lisbon, so its
    // evening, 07:00–08:30 in Lisbon, is the one the candidate can send in by hand.
    expect(window.label).toBe("Monday 30 November, 16:00–17:30 (Tokyo time)");
    expect(window.candidateLabel).toBe("07:00–08:30 (your time)");
    const s = scheduleFor(submitted, d);
    // The reminder on Saturday at 9:00 in Lisbon; the tips on Monday at 9:00 in Lisbon, after the window, not on Sunday.
    expect(s.nudgeAt).toBe("2026-11-28T09:00:00.000Z");
    expect(s.tipsAt).toBe("2026-11-30T09:00:00.000Z");
    expect(Date.parse(s.tipsAt)).toBeGreaterThan(Date.parse(window.end));

    // The Saturday nudge names the letter's Monday window, on both clocks.
    const debrief = { ...personaDebrief("amira"), input: d, createdAt: submitted.toISOString(), schedule: s };
    const text = composeNudge(debrief).paragraphs.join(" ");
    expect(text).toContain(
      "The best time to send it: Monday 30 November, 16:00–17:30 (Tokyo time), which is 07:00–08:30 (your time).",
    );
    expect(text).not.toMatch(/Now is a good time|scheduled send/);
    // The tips' practice session follows the tips, on Monday evening in Lisbon.
    expect(composeTips(debrief).practice.start).toBe("2026-11-30T18:00:00.000Z");
  });

  it("after a Friday interview with Sydney from London, wait for Monday's window in Sydney, sent by scheduled send", () => {
    // Friday 27 Nov, 08:00 in London = 19:00 in Sydney; Monday's slots in Sydney are night-time in London.
    const d = input({
      timeZone: "Europe/London",
      date: "2026-11-27",
      time: "08:00",
      interviewerTz: "Australia/Sydney",
    });
    const submitted = new Date("2026-11-27T09:00:00Z");
    const window = sendWindow(d, submitted);
    expect(window.label).toBe("Monday 30 November, 09:00–11:00 (Sydney time)");
    expect(window.candidateLabel).toBe("Sunday 29 November, 22:00–00:00 (your time)");
    const s = scheduleFor(submitted, d);
    expect(s.tipsAt).toBe("2026-11-30T09:00:00.000Z");
    const debrief = { ...personaDebrief("amira"), input: d, createdAt: submitted.toISOString(), schedule: s };
    expect(composeNudge(debrief).paragraphs.join(" ")).toMatch(/mail program's scheduled send/);
  });

  it("never arrive on a weekend before a Monday window", () => {
    // Every Friday hour in London, with interviewers in four zones.
    for (const interviewerTz of [undefined, "America/New_York", "Asia/Tokyo", "Australia/Sydney"]) {
      for (let hour = 0; hour < 24; hour++) {
        const submitted = new Date(Date.UTC(2026, 10, 27, hour, 30));
        const d = input({ timeZone: "Europe/London", date: "2026-11-27", time: "00:00", interviewerTz });
        const w = sendWindow(d, submitted);
        const s = scheduleFor(submitted, d);
        expect(Date.parse(s.tipsAt), `${interviewerTz} ${hour}:30`).toBeGreaterThanOrEqual(Date.parse(w.end));
        if (weekday(w.start, w.timeZone) === "Monday")
          expect(["Saturday", "Sunday"]).not.toContain(weekday(s.tipsAt, "Europe/London"));
        // Always at the reminder's hour on the candidate's clock.
        expect(new Date(s.tipsAt).getUTCHours()).toBe(9);
      }
    }
  });

  it("keep the usual day's gap when the window has passed by then", () => {
    // Tuesday 10:00 interview in New York: the window is Tuesday evening, the tips come Thursday as usual.
    const d = input({ timeZone: "America/New_York", time: "10:00" });
    const s = scheduleFor(new Date("2026-11-24T16:00:00Z"), d);
    expect(s).toEqual({ nudgeAt: "2026-11-25T14:00:00.000Z", tipsAt: "2026-11-26T14:00:00.000Z" });
  });
});

describe("the reminder's own hour", () => {
  it("recommends the letter's morning window at 9:00 that day, not the evening", () => {
    // Interview on Tuesday 17:00 in Berlin; the letter's window is Wednesday 09:00–11:00.
    const d = input({ timeZone: "Europe/Berlin", time: "17:00" });
    const submitted = new Date("2026-11-24T17:00:00Z");
    const schedule = scheduleFor(submitted, d);
    expect(schedule.nudgeAt).toBe("2026-11-25T08:00:00.000Z");
    const nudge = composeNudge({ ...personaDebrief("amira"), input: d, createdAt: submitted.toISOString(), schedule });
    expect(nudge.window?.label).toBe(sendWindow(d, submitted).label);
    expect(nudge.paragraphs.join(" ")).toContain(
      "Now is a good time to send it: Wednesday 25 November, 09:00–11:00 (Berlin time).",
    );
    expect(nudge.paragraphs.join(" ")).not.toContain("16:00");
  });

  it("recommends the next window when the letter's has gone, on the interviewer's clock", () => {
    // Interview on Tuesday 10:00 in Chicago with New York; the letter said Tuesday 16:00–17:30 New York time.
    const d = input({ timeZone: "America/Chicago", time: "10:00", interviewerTz: "America/New_York" });
    const submitted = new Date("2026-11-24T17:00:00Z");
    const schedule = scheduleFor(submitted, d);
    // 9:00 in Chicago is 10:00 in New York: an hour of the morning window is left.
    const nudge = composeNudge({ ...personaDebrief("amira"), input: d, createdAt: submitted.toISOString(), schedule });
    expect(nudge.paragraphs.join(" ")).toContain(
      "The time your letter email suggested, Tuesday 24 November, 16:00–17:30 (New York time), which is 15:00–16:30 (your time), has passed. The next good time is now: Wednesday 25 November, 10:00–11:00 (New York time), which is 09:00–10:00 (your time).",
    );
  });
});
