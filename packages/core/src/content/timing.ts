import { TZDate } from "@date-fns/tz";
import { addBusinessDays, addDays, isWeekend } from "date-fns";
import type { DebriefInput } from "../debrief/schema";

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
  /** e.g. "Tuesday 25 November, 16:00–17:30 (America/New_York time)". */
  label: string;
  /** The same window on the candidate's clock, when their time zone differs. */
  candidateLabel?: string;
};

const at = (day: TZDate, [h, m]: readonly [number, number], tz: string) =>
  new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), h, m, 0, 0, tz);

/** When the interview started, if its time was given (entered on the candidate's clock). */
export function interviewStart(d: DebriefInput): Date | undefined {
  if (!d.interview.time) return undefined;
  const [y, mo, da] = d.interview.date.split("-").map(Number) as [number, number, number];
  const [h, mi] = d.interview.time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, mo - 1, da, h, mi, 0, 0, d.candidate.timeZone).getTime());
}

const FIVE_MIN = 5 * 60_000;

/** The recommended send window: the first slot that starts at least ten minutes after the interview and now. */
export function sendWindow(d: DebriefInput, now: Date): SendWindow {
  const timeZone = d.interview.interviewer.timeZone ?? d.candidate.timeZone;
  const started = interviewStart(d)?.getTime() ?? 0;
  const notBefore = Math.ceil((Math.max(now.getTime(), started) + MIN_GAP_MINUTES * 60_000) / FIVE_MIN) * FIVE_MIN;
  let day = new TZDate(notBefore, timeZone);
  // A fortnight always holds a working day; the bound only guards the loop.
  for (let i = 0; i < 14; i++, day = addDays(day, 1)) {
    if (isWeekend(day)) continue;
    // The day of the interview offers only its evening: a morning note an hour later is too soon.
    for (const slot of i === 0 ? (["evening"] as const) : (["morning", "evening"] as const)) {
      const from = at(day, SEND_SLOTS[slot].from, timeZone).getTime();
      const to = at(day, SEND_SLOTS[slot].to, timeZone).getTime();
      const start = Math.max(from, notBefore);
      if (to - start < MIN_SLOT_MINUTES * 60_000) continue;
      const window = { start: new Date(start), end: new Date(to) };
      return {
        start: window.start.toISOString(),
        end: window.end.toISOString(),
        slot,
        timeZone,
        label: windowLabel(window.start, window.end, timeZone),
        candidateLabel:
          timeZone === d.candidate.timeZone
            ? undefined
            : windowLabel(window.start, window.end, d.candidate.timeZone, "your time"),
      };
    }
  }
  throw new Error("No working day within a fortnight");
}

function windowLabel(start: Date, end: Date, timeZone: string, zoneName = `${timeZone} time`): string {
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long" });
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${day.format(start)}, ${time.format(start)}–${time.format(end)} (${zoneName})`;
}

/** "Monday 1 December". */
export function dayLabel(isoDate: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long" }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
}

export type FollowUpPlan = {
  /** First and last day (YYYY-MM-DD) of the window for the first follow-up. */
  from: string;
  to: string;
  basis: "decision-date" | "sent-date";
  /** Career advice: follow up at most twice, then stop. */
  maxFollowUps: 2;
};

const isoDay = (d: Date, timeZone: string) => new TZDate(d.getTime(), timeZone).toISOString().slice(0, 10);
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
