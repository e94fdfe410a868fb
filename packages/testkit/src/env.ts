/**
 * Settings that make the schedule predictable in tests: with the candidate in UTC
 * and the reminder hour set to the coming hour, the reminder falls about one day after
 * submission (23-24 h, or a scaled day locally) whatever the time of the run.
 */
export function predictableSchedule(now = new Date()): Record<string, string> {
  const hour = (now.getUTCHours() + (now.getUTCMinutes() >= 50 ? 1 : 0)) % 24;
  return { NUDGE_HOUR: String(hour), NUDGE_AFTER_DAYS: "1", TIPS_AFTER_DAYS: "1" };
}
