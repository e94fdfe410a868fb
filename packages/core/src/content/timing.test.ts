import { PERSONAS } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import type { DebriefInput } from "../debrief/schema";
import { followUpPlan, interviewStart, nudgeWindow, sendWindow } from "./timing";

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
    expect(w.label).toBe("Tuesday 24 November, 16:00–17:30 (Berlin time)");
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
    // 15:41 UTC is 16:41 Berlin: the window opens on the next hour, 17:00, with half an hour of the slot left.
    expect(w.start).toBe("2026-11-24T16:00:00.000Z");
    // Less than half an hour of the slot left: the next morning instead.
    const late = sendWindow(d, new Date("2026-11-24T16:05:00Z"));
    expect(late.start).toBe("2026-11-25T08:00:00.000Z");
  });

  it("skips the weekend: a Friday-night debrief is sent on Monday morning", () => {
    const d = debrief({ date: "2026-11-27", time: "16:00", candidateTz: "Europe/London" });
    const w = sendWindow(d, new Date("2026-11-27T19:00:00Z"));
    expect(w.label).toBe("Monday 30 November, 09:00–11:00 (London time)");
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
    expect(w.label).toBe("Monday 23 November, 16:30–17:30 (Los Angeles time)");
    expect(w.candidateLabel).toBe("Tuesday 24 November, 09:30–10:30 (your time)");
  });

  it("opens on the half hour or the hour of the interviewer's clock, never at an oddly exact minute", () => {
    // Debriefs sent at every minute of a morning: each window starts at :00 or :30 where the interviewer is,
    // in a zone whose offset is not whole hours too (Kathmandu +05:45, Adelaide +10:30).
    for (const tz of ["Europe/London", "Asia/Kathmandu", "Australia/Adelaide"]) {
      const d = debrief({ date: "2026-11-24", time: "08:00", candidateTz: tz });
      for (let minute = 0; minute < 180; minute += 7) {
        const now = new Date(Date.parse(sendWindow(d, new Date("2026-11-25T00:00:00Z")).start) + minute * 60_000);
        const w = sendWindow(d, now);
        expect(w.label, `${tz} +${minute}`).toMatch(/, \d\d:(?:00|30)–/);
        expect(Date.parse(w.end) - Date.parse(w.start)).toBeGreaterThanOrEqual(30 * 60_000);
        expect(Date.parse(w.start)).toBeGreaterThanOrEqual(now.getTime() + 10 * 60_000);
      }
    }
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

describe("the interview's own day", () => {
  it("is the interview's date, not the day the window is counted from", () => {
    // Interview on Tuesday 24 Nov; asked on Wednesday 25 at 09:00 Berlin: Wednesday is not the
    // interview's day, so its morning counts (before, Wednesday got only its evening).
    const d = debrief({ date: "2026-11-24", time: "10:00", candidateTz: "Europe/Berlin" });
    expect(sendWindow(d, new Date("2026-11-25T08:00:00Z"), 0)).toMatchObject({
      slot: "morning",
      start: "2026-11-25T08:00:00.000Z",
    });
    // On the interview's day itself only the evening is offered, even in the morning.
    const early = debrief({ date: "2026-11-24", time: "07:00", candidateTz: "Europe/Berlin" });
    expect(sendWindow(early, new Date("2026-11-24T06:30:00Z"))).toMatchObject({ slot: "evening" });
  });

  it("is read on the interviewer's clock", () => {
    // 10:00 Friday in Lisbon is 19:00 Friday in Tokyo: Friday is the interview's day there.
    const d = debrief({ date: "2026-11-27", time: "10:00", candidateTz: "Europe/Lisbon", interviewerTz: "Asia/Tokyo" });
    expect(sendWindow(d, new Date("2026-11-27T11:00:00Z")).label).toBe("Monday 30 November, 16:00–17:30 (Tokyo time)");
  });

  it("counts from midnight of the interview's date when no time was given", () => {
    const d = debrief({ date: "2026-11-24", candidateTz: "Europe/Berlin" });
    expect(sendWindow(d, new Date("2026-11-24T09:00:00Z")).slot).toBe("evening");
    expect(sendWindow(d, new Date("2026-11-25T07:00:00Z")).slot).toBe("morning");
  });
});

describe("the candidate's clock", () => {
  it("prefers the slot of the day that the candidate can send in by hand", () => {
    // Tokyo's Monday 09:00–11:00 is 00:00–02:00 in Lisbon; its 16:00–17:30 is 07:00–08:30 there.
    const d = debrief({ date: "2026-11-27", time: "10:00", candidateTz: "Europe/Lisbon", interviewerTz: "Asia/Tokyo" });
    const w = sendWindow(d, new Date("2026-11-27T11:00:00Z"));
    expect(w).toMatchObject({ slot: "evening", candidateLabel: "07:00–08:30 (your time)", scheduleSend: false });
    expect(w.scheduleSendHint).toBeUndefined();
    // Berlin's Wednesday 09:00–11:00 is midnight in Los Angeles; its 16:00–17:30 is 07:00–08:30 there.
    const la = debrief({
      date: "2026-11-24",
      time: "06:00",
      candidateTz: "America/Los_Angeles",
      interviewerTz: "Europe/Berlin",
    });
    expect(sendWindow(la, new Date("2026-11-24T17:00:00Z"))).toMatchObject({
      start: "2026-11-25T15:00:00.000Z",
      candidateLabel: "07:00–08:30 (your time)",
    });
  });

  it("asks for the mail program's scheduled send when every slot of the day is night-time for the candidate", () => {
    // Sydney (UTC+11) and London (UTC+0): 09:00–11:00 is 22:00–00:00 in London, 16:00–17:30 is 05:00–06:30.
    const d = debrief({
      date: "2026-11-24",
      time: "08:00",
      candidateTz: "Europe/London",
      interviewerTz: "Australia/Sydney",
    });
    const w = sendWindow(d, new Date("2026-11-24T09:00:00Z"));
    expect(w.label).toBe("Wednesday 25 November, 09:00–11:00 (Sydney time)");
    expect(w.candidateLabel).toBe("Tuesday 24 November, 22:00–00:00 (your time)");
    expect(w.scheduleSend).toBe(true);
    expect(w.scheduleSendHint).toMatch(/scheduled send/);
    // The same window in the candidate's daytime needs no such advice.
    const home = debrief({ date: "2026-11-24", time: "08:00", candidateTz: "Australia/Sydney" });
    const own = sendWindow(home, new Date("2026-11-24T00:00:00Z"));
    expect(own.scheduleSend).toBe(false);
    expect(own.scheduleSendHint).toBeUndefined();
  });

  it("needs half an hour of the window within 07:00–22:00 to leave it to the candidate", () => {
    // New York's 16:00–17:30 is 06:00–07:30 in Tokyo: 30 minutes after 07:00, enough.
    const d = debrief({
      date: "2026-11-24",
      time: "09:00",
      candidateTz: "Asia/Tokyo",
      interviewerTz: "America/New_York",
    });
    // Asked after New York's Tuesday morning: its Tuesday evening is Wednesday early morning in Tokyo.
    const w = sendWindow(d, new Date("2026-11-24T16:30:00Z"));
    expect(w.candidateLabel).toBe("Wednesday 25 November, 06:00–07:30 (your time)");
    expect(w.scheduleSend).toBe(false);
    // Asked at 05:00 in Sydney, the 09:00–11:00 window there is 22:00–00:00 in London: not a minute awake.
    const sydney = debrief({
      date: "2026-11-23",
      time: "08:00",
      candidateTz: "Europe/London",
      interviewerTz: "Australia/Sydney",
    });
    expect(sendWindow(sydney, new Date("2026-11-23T18:00:00Z"))).toMatchObject({
      slot: "morning",
      candidateLabel: "Monday 23 November, 22:00–00:00 (your time)",
      scheduleSend: true,
    });
  });

  it("shows one clock when the two zones show the same time at that moment", () => {
    const d = debrief({
      date: "2026-11-24",
      time: "10:00",
      candidateTz: "Europe/Dublin",
      interviewerTz: "Europe/London",
    });
    const w = sendWindow(d, new Date("2026-11-24T11:00:00Z"));
    expect(w.label).toBe("Tuesday 24 November, 16:00–17:30 (London time, the same as yours)");
    expect(w.candidateLabel).toBeUndefined();
    // Lisbon and London agree too, while Berlin does not.
    const lisbon = debrief({
      date: "2026-11-24",
      time: "10:00",
      candidateTz: "Europe/Lisbon",
      interviewerTz: "Europe/London",
    });
    expect(sendWindow(lisbon, new Date("2026-11-24T11:00:00Z")).candidateLabel).toBeUndefined();
    const berlin = debrief({
      date: "2026-11-24",
      time: "10:00",
      candidateTz: "Europe/Berlin",
      interviewerTz: "Europe/London",
    });
    expect(sendWindow(berlin, new Date("2026-11-24T11:00:00Z")).candidateLabel).toBe("17:00–18:30 (your time)");
  });
});

describe("the window the reminder recommends", () => {
  const created = (d: DebriefInput, createdAt: string) => ({ input: d, createdAt });

  it("is the letter's own window while any of it is left", () => {
    // An evening interview: the letter said Wednesday 09:00–11:00; the reminder comes at 09:00 that Wednesday.
    const d = debrief({ date: "2026-11-24", time: "17:00", candidateTz: "Europe/Berlin" });
    const letter = sendWindow(d, new Date("2026-11-24T17:00:00Z"));
    expect(letter.label).toBe("Wednesday 25 November, 09:00–11:00 (Berlin time)");
    const nudge = nudgeWindow(created(d, "2026-11-24T17:00:00Z"), new Date("2026-11-25T08:00:00Z"));
    expect(nudge).toEqual({ window: letter });
    // Still the letter's window at 10:55, with five minutes of it left.
    expect(nudgeWindow(created(d, "2026-11-24T17:00:00Z"), new Date("2026-11-25T09:55:00Z"))).toEqual({
      window: letter,
    });
    // At 11:00 none of it is left.
    expect(nudgeWindow(created(d, "2026-11-24T17:00:00Z"), new Date("2026-11-25T10:00:00Z")).passed).toEqual(letter);
  });

  it("is the next window, from the reminder's own hour, once the letter's has passed, which it names", () => {
    // Interview at 10:00: the letter said Tuesday 16:00–17:30, gone by Wednesday 09:00.
    const d = debrief({ date: "2026-11-24", time: "10:00", candidateTz: "Europe/Berlin" });
    const { window, passed } = nudgeWindow(created(d, "2026-11-24T11:00:00Z"), new Date("2026-11-25T08:00:00Z"));
    // Not 09:10: the ten-minute gap guards the draft's arrival, not a day later.
    expect(window.label).toBe("Wednesday 25 November, 09:00–11:00 (Berlin time)");
    expect(passed?.label).toBe("Tuesday 24 November, 16:00–17:30 (Berlin time)");
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
