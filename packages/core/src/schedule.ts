import { TZDate } from "@date-fns/tz";
import { addDays, set } from "date-fns";
import { sendWindow } from "./content/timing";
import type { DebriefInput } from "./debrief/schema";

export type ScheduleConfig = {
  /** Local hour (candidate's time zone) at which the reminder goes out. */
  nudgeHour: number;
  /** Days after submission for the reminder (1 = the next day). */
  nudgeAfterDays: number;
  /** Days after the reminder for the second-interview tips, at least. */
  tipsAfterDays: number;
};

export const DEFAULT_SCHEDULE: ScheduleConfig = { nudgeHour: 9, nudgeAfterDays: 1, tipsAfterDays: 1 };

export type Schedule = { nudgeAt: string; tipsAt: string };

/**
 * The absolute times of the later emails, fixed at submission so a resumed workflow
 * only waits for what is left. The reminder comes at the configured hour on the
 * candidate's clock; the tips at that hour too, `tipsAfterDays` after the reminder, but
 * never before the letter's recommended window has passed (after a Friday interview
 * whose window is Monday, the tips wait for Monday rather than arrive on the weekend).
 */
export function scheduleFor(
  submittedAt: Date,
  input: DebriefInput,
  config: ScheduleConfig = DEFAULT_SCHEDULE,
): Schedule {
  const local = new TZDate(submittedAt.getTime(), input.candidate.timeZone);
  const nudge = set(addDays(local, config.nudgeAfterDays), {
    hours: config.nudgeHour,
    minutes: 0,
    seconds: 0,
    milliseconds: 0,
  });
  // The letter email advises the window from the submission time: the same call here.
  const windowEnd = Date.parse(sendWindow(input, submittedAt).end);
  let tips = addDays(nudge, config.tipsAfterDays);
  // A fortnight always reaches past the window; the bound only guards the loop.
  for (let i = 0; i < 14 && tips.getTime() < windowEnd; i++) tips = addDays(tips, 1);
  return { nudgeAt: new Date(nudge.getTime()).toISOString(), tipsAt: new Date(tips.getTime()).toISOString() };
}
