import { TZDate } from "@date-fns/tz";
import { addBusinessDays, addDays, isWeekend } from "date-fns";
import type { DebriefInput } from "../debrief/schema";
import { clockLabel, timingText } from "./i18n/en/timing";

const isoDay = (d: Date, timeZone: string) => {
  const t = new TZDate(d.getTime(), timeZone);
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, "0")}-${String(t.getDate()).padStart(2, "0")}`;
};

/**
 * When to send the letter: career centres say that evening or the next morning
 * (within a day, never the same minute), and the recipient should get it within
 * their own business hours. The draft arrives in minutes; the advice is to wait.
 */
export const SEND_SLOTS = {
  /** Late afternoon of a working day, before the interviewer leaves. */
  evening: { from: [16, 0], to: [17, 30] },
  /** Early in the next working day, when the inbox is read. */
  morning: { from: [9, 0], to: [11, 0] },
} as const;
/** Sending within minutes of the interview reads as performative. */
export const MIN_GAP_MINUTES = 10;
/** A slot with less than this left is skipped for the next one. */
const MIN_SLOT_MINUTES = 30;

export type SendWindow = {
  /** ISO instants. */
  start: string;
  end: string;
  slot: keyof typeof SEND_SLOTS;
  /** The interviewer's time zone (the candidate's when the interviewer's is unknown). */
  timeZone: string;
  /** e.g. "Tuesday 25 November, 16:00–17:30 (New York time)". */
  label: string;
  /** The same window on the candidate's clock, when their clock shows a different time. */
  candidateLabel?: string;
  /**
   * Less than half an hour of the window falls within 07:00–22:00 on the candidate's
   * clock: the emails suggest their mail program's scheduled send.
   */
  scheduleSend: boolean;
  /** The sentence that says so, when it applies. */
  scheduleSendHint?: string;
};

/** Hours of the candidate's day in which sending by hand is reasonable: [from, to). */
export const CANDIDATE_AWAKE_HOURS = [7, 22] as const;

const at = (day: TZDate, [h, m]: readonly [number, number], tz: string) =>
  new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), h, m, 0, 0, tz);

/** When the interview started, if its time was given (entered on the candidate's clock). */
export function interviewStart(d: DebriefInput): Date | undefined {
  if (!d.interview.time) return undefined;
  const [y, mo, da] = d.interview.date.split("-").map(Number) as [number, number, number];
  const [h, mi] = d.interview.time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, mo - 1, da, h, mi, 0, 0, d.candidate.timeZone).getTime());
}

/** Midnight of the interview's date on the candidate's clock (when its time is unknown). */
function startOfInterviewDate(d: DebriefInput): Date {
  const [y, mo, da] = d.interview.date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, mo - 1, da, 0, 0, 0, 0, d.candidate.timeZone).getTime());
}

/** The calendar day (YYYY-MM-DD) of the interview on the clock of `timeZone`. */
function interviewDay(d: DebriefInput, timeZone: string): string {
  const start = interviewStart(d);
  return start ? isoDay(start, timeZone) : d.interview.date;
}

const FIVE_MIN = 5 * 60_000;
const MIN_MS = 60_000;
const HALF_HOUR_MINUTES = 30;

/**
 * The first half hour or hour at or after `t` on the clock of `timeZone`: a window that opens
 * at 10:20 reads as oddly exact to the candidate, one that opens at 10:30 as a time to send.
 */
function onTheHalfHour(t: number, timeZone: string): number {
  const local = new TZDate(t, timeZone);
  const past = (local.getMinutes() % HALF_HOUR_MINUTES) * MIN_MS + local.getSeconds() * 1000 + local.getMilliseconds();
  return past === 0 ? t : t - past + HALF_HOUR_MINUTES * MIN_MS;
}

/**
 * The recommended send window: the first slot in the interviewer's business hours
 * that starts at least ten minutes (`gapMinutes`) after the interview and after `now`,
 * on the half hour or the hour. The
 * interview's own day (its date on the interviewer's clock) offers only its
 * evening; every later working day offers its morning, then its evening. Of one
 * day's slots, the first that the candidate can send in by hand (half an hour of
 * it within 07:00–22:00 on their clock) is preferred; failing that, the first.
 */
export function sendWindow(d: DebriefInput, now: Date, gapMinutes: number = MIN_GAP_MINUTES): SendWindow {
  const timeZone = d.interview.interviewer.timeZone ?? d.candidate.timeZone;
  const started = (interviewStart(d) ?? startOfInterviewDate(d)).getTime();
  const notBefore = Math.ceil((Math.max(now.getTime(), started) + gapMinutes * MIN_MS) / FIVE_MIN) * FIVE_MIN;
  const firstDay = interviewDay(d, timeZone);
  let day = new TZDate(notBefore, timeZone);
  // A fortnight always holds a working day; the bound only guards the loop.
  for (let i = 0; i < 14; i++, day = addDays(day, 1)) {
    if (isWeekend(day)) continue;
    const slots = isoDay(day, timeZone) <= firstDay ? (["evening"] as const) : (["morning", "evening"] as const);
    const open = slots.flatMap((slot) => {
      const from = at(day, SEND_SLOTS[slot].from, timeZone).getTime();
      const to = at(day, SEND_SLOTS[slot].to, timeZone).getTime();
      const start = Math.max(from, onTheHalfHour(notBefore, timeZone));
      return to - start < MIN_SLOT_MINUTES * MIN_MS
        ? []
        : [describeWindow(d, new Date(start), new Date(to), slot, timeZone)];
    });
    // Of a day's slots, one the candidate can send in by hand; if neither, the first, sent by scheduled send.
    const chosen = open.find((w) => !w.scheduleSend) ?? open[0];
    if (chosen) return chosen;
  }
  throw new Error("No working day within a fortnight");
}

function describeWindow(
  d: DebriefInput,
  start: Date,
  end: Date,
  slot: SendWindow["slot"],
  timeZone: string,
): SendWindow {
  const theirs = clockLabel(start, end, timeZone);
  const yours = clockLabel(start, end, d.candidate.timeZone);
  const sameZone = timeZone === d.candidate.timeZone;
  const scheduleSend = awakeMinutes(start, end, d.candidate.timeZone) < MIN_SLOT_MINUTES;
  return {
    start: start.toISOString(),
    end: end.toISOString(),
    slot,
    timeZone,
    // Two zones whose clocks agree at that moment (Dublin and London) show one clock.
    label: sameZone
      ? timingText.theirClock(theirs, timeZone)
      : theirs === yours
        ? timingText.sameClock(theirs, timeZone)
        : timingText.theirClock(theirs, timeZone),
    candidateLabel:
      theirs === yours ? undefined : timingText.yourClock(clockLabel(start, end, d.candidate.timeZone, timeZone)),
    scheduleSend,
    scheduleSendHint: scheduleSend ? timingText.scheduleSend : undefined,
  };
}

/** Minutes of [start, end) that fall within the candidate's waking hours on their clock. */
function awakeMinutes(start: Date, end: Date, timeZone: string): number {
  const [from, to] = CANDIDATE_AWAKE_HOURS;
  let minutes = 0;
  for (let t = start.getTime(); t < end.getTime(); t += FIVE_MIN) {
    const hour = new TZDate(t, timeZone).getHours();
    if (hour >= from && hour < to) minutes += 5;
  }
  return minutes;
}

/** What the reminder recommends: a window, and the letter email's when that one has passed. */
export type NudgeTiming = {
  window: SendWindow;
  /** The window the letter email advised, once none of it is left. */
  passed?: SendWindow;
};

/**
 * The window the reminder recommends: the letter's own window (advised when the
 * debrief arrived) while any of it is left, so the two emails agree; once it has passed,
 * the next window from the reminder's own time, and the letter's, so the reminder can say so.
 */
export function nudgeWindow(d: { input: DebriefInput; createdAt: string }, at: Date): NudgeTiming {
  const letter = sendWindow(d.input, new Date(d.createdAt));
  if (Date.parse(letter.end) > at.getTime()) return { window: letter };
  // The ten-minute gap keeps the draft's own arrival from reading as the moment to send; a day later it has no purpose.
  return { window: sendWindow(d.input, at, 0), passed: letter };
}

/** "Monday 1 December". */
export function dayLabel(isoDate: string): string {
  return timingText.day(isoDate);
}

export type FollowUpPlan = {
  /** First and last day (YYYY-MM-DD) of the window for the first follow-up. */
  from: string;
  to: string;
  basis: "decision-date" | "sent-date";
  /** Career advice: follow up at most twice, then stop. */
  maxFollowUps: 2;
};

const dateOnly = (iso: string) => new Date(`${iso}T12:00:00Z`);
const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * When to follow up after the letter: one or two business days after a decision
 * date they gave, otherwise five to seven business days after the letter went out.
 */
export function followUpPlan(d: DebriefInput, sentAt: Date): FollowUpPlan {
  if (d.interview.decisionDate) {
    const base = dateOnly(d.interview.decisionDate);
    return {
      from: utcDay(addBusinessDays(base, 1)),
      to: utcDay(addBusinessDays(base, 2)),
      basis: "decision-date",
      maxFollowUps: 2,
    };
  }
  const base = dateOnly(isoDay(sentAt, d.candidate.timeZone));
  return {
    from: utcDay(addBusinessDays(base, 5)),
    to: utcDay(addBusinessDays(base, 7)),
    basis: "sent-date",
    maxFollowUps: 2,
  };
}
