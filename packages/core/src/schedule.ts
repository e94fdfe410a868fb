import { TZDate } from "@date-fns/tz";
import { addDays, set } from "date-fns";

export type ScheduleConfig = {
  /** Local hour (candidate's time zone) at which the nudge goes out. */
  nudgeHour: number;
  /** Days after submission for the nudge (1 = the next day). */
  nudgeAfterDays: number;
  /** Days after the nudge for the second-interview tips. */
  tipsAfterDays: number;
};

export const DEFAULT_SCHEDULE: ScheduleConfig = { nudgeHour: 9, nudgeAfterDays: 1, tipsAfterDays: 1 };

export type Schedule = { nudgeAt: string; tipsAt: string };

/** The absolute times of the later emails, fixed at submission so a resumed workflow only waits for what is left. */
export function scheduleFor(submittedAt: Date, timeZone: string, config: ScheduleConfig = DEFAULT_SCHEDULE): Schedule {
  const local = new TZDate(submittedAt.getTime(), timeZone);
  const nudge = set(addDays(local, config.nudgeAfterDays), {
    hours: config.nudgeHour,
    minutes: 0,
    seconds: 0,
    milliseconds: 0,
  });
  const tips = addDays(nudge, config.tipsAfterDays);
  return { nudgeAt: new Date(nudge.getTime()).toISOString(), tipsAt: new Date(tips.getTime()).toISOString() };
}
