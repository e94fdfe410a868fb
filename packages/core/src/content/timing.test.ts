import { describe, expect, it } from "vitest";
import type { DebriefInput } from "../debrief/schema";
import { PERSONAS } from "./personas";
import { followUpPlan, interviewStart, sendWindow } from "./timing";

const base = PERSONAS.amira;
function debrief(opts: {
  date: string;
  time?: string;
  candidateTz: string;
  interviewerTz?: string;
  decisionDate?: string;
}): DebriefInput {
  return {
    ...base,
    candidate: { ...base.candidate, timeZone: opts.candidateTz },
    interview: {
      ...base.interview,
      date: opts.date,
      time: opts.time,
      decisionDate: opts.decisionDate,
      interviewer: { ...base.interview.interviewer, timeZone: opts.interviewerTz },
    },
  };
}

describe("the recommended send window", () => {
  it("is that evening, in the interviewer's business hours, when there is time left", () => {
    // Tuesday 24 Nov 2026, 10:00 in Berlin; submitted at 12:00 Berlin.
    const d = debrief({ date: "2026-11-24", time: "10:00", candidateTz: "Europe/Berlin" });
    const w = sendWindow(d, new Date("2026-11-24T11:00:00Z"));
    expect(w).toMatchObject({ slot: "evening", start: "2026-11-24T15:00:00.000Z", end: "2026-11-24T16:30:00.000Z" });
    expect(w.label).toBe("Tuesday 24 November, 16:00–17:30 (Europe/Berlin time)");
    expect(w.candidateLabel).toBeUndefined();
  });

  it("is the next morning when the evening has passed", () => {
    const d = debrief({ date: "2026-11-24", time: "15:00", candidateTz: "Europe/Berlin" });
    const w = sendWindow(d, new Date("2026-11-24T17:00:00Z"));
    expect(w).toMatchObject({ slot: "morning", start: "2026-11-25T08:00:00.000Z", end: "2026-11-25T10:00:00.000Z" });
  });

  it("is never within ten minutes of the interview, nor of now", () => {
    // The interview began at 17:05 Berlin, late in the evening slot; the form was sent at once.
    const d = debrief({ date: "2026-11-24", time: "16:30", candidateTz: "Europe/Berlin" });
    const w = sendWindow(d, new Date("2026-11-24T15:31:00Z"));
    expect(Date.parse(w.start) - Date.parse("2026-11-24T15:30:00Z")).toBeGreaterThanOrEqual(10 * 60_000);
    // 15:41 rounds up to 15:45 UTC = 16:45 Berlin, still 45 minutes of the slot left.
    expect(w.start).toBe("2026-11-24T15:45:00.000Z");
    // Less than half an hour of the slot left: the next morning instead.
    const late = sendWindow(d, new Date("2026-11-24T16:05:00Z"));
    expect(late.start).toBe("2026-11-25T08:00:00.000Z");
  });

  it("skips the weekend: a Friday-night debrief is sent on Monday morning", () => {
    const d = debrief({ date: "2026-11-27", time: "16:00", candidateTz: "Europe/London" });
    const w = sendWindow(d, new Date("2026-11-27T19:00:00Z"));
    expect(w.label).toBe("Monday 30 November, 09:00–11:00 (Europe/London time)");
    // A Saturday submission also waits for Monday.
    expect(sendWindow(d, new Date("2026-11-28T10:00:00Z")).start).toBe("2026-11-30T09:00:00.000Z");
  });

  it("follows the interviewer's time zone and shows the candidate their own clock", () => {
    // Candidate in Tokyo, interviewer in Los Angeles; Tuesday 09:00 in Tokyo is Monday 16:00 in LA.
    const d = debrief({
      date: "2026-11-24",
      time: "08:00",
      candidateTz: "Asia/Tokyo",
      interviewerTz: "America/Los_Angeles",
    });
    const w = sendWindow(d, new Date("2026-11-24T00:00:00Z"));
    expect(w.timeZone).toBe("America/Los_Angeles");
    expect(w.label).toBe("Monday 23 November, 16:10–17:30 (America/Los_Angeles time)");
    expect(w.candidateLabel).toBe("Tuesday 24 November, 09:10–10:30 (your time)");
  });

  it("uses the candidate's time zone when the interviewer's is unknown, across a DST change", () => {
    // New York leaves DST on 1 Nov 2026: 09:00 is 14:00 UTC afterwards, 13:00 before.
    const after = debrief({ date: "2026-11-02", time: "08:00", candidateTz: "America/New_York" });
    expect(sendWindow(after, new Date("2026-11-02T23:00:00Z")).start).toBe("2026-11-03T14:00:00.000Z");
    const before = debrief({ date: "2026-10-29", time: "08:00", candidateTz: "America/New_York" });
    expect(sendWindow(before, new Date("2026-10-29T23:00:00Z")).start).toBe("2026-10-30T13:00:00.000Z");
  });

  it("reads the interview time on the candidate's clock", () => {
    const d = debrief({ date: "2026-11-24", time: "14:00", candidateTz: "Asia/Kolkata" });
    expect(interviewStart(d)?.toISOString()).toBe("2026-11-24T08:30:00.000Z");
    expect(interviewStart({ ...d, interview: { ...d.interview, time: undefined } })).toBeUndefined();
  });
});

describe("when to follow up after the letter", () => {
  it("is one to two business days after a decision date they gave", () => {
    // Friday 4 December → Monday 7 and Tuesday 8.
    const d = debrief({ date: "2026-11-24", candidateTz: "Europe/Berlin", decisionDate: "2026-12-04" });
    expect(followUpPlan(d, new Date("2026-11-25T10:00:00Z"))).toEqual({
      from: "2026-12-07",
      to: "2026-12-08",
      basis: "decision-date",
      maxFollowUps: 2,
    });
  });

  it("is five to seven business days after sending otherwise, on the candidate's calendar", () => {
    const d = debrief({ date: "2026-11-24", candidateTz: "Pacific/Auckland" });
    // 20:00 UTC on Tuesday 24 Nov is already Wednesday 25 Nov in Auckland.
    expect(followUpPlan(d, new Date("2026-11-24T20:00:00Z"))).toMatchObject({
      from: "2026-12-02",
      to: "2026-12-04",
      basis: "sent-date",
    });
  });
});
