/** English wording for send windows and dates (the timing rules live in ../../timing.ts). */

/** One formatter per time zone, built on first use: building an `Intl.DateTimeFormat` costs far more than formatting. */
function perZone(options: Intl.DateTimeFormatOptions): (timeZone: string) => Intl.DateTimeFormat {
  const made = new Map<string, Intl.DateTimeFormat>();
  return (timeZone) => {
    let format = made.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
      made.set(timeZone, format);
    }
    return format;
  };
}
const dayFormat = perZone({ weekday: "long", day: "numeric", month: "long" });
const timeFormat = perZone({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** "Europe/Lisbon" → "Lisbon", "America/New_York" → "New York"; names without a city stay as they are. */
export function zoneCity(timeZone: string): string {
  if (!timeZone.includes("/") || timeZone.startsWith("Etc/")) return timeZone;
  return (timeZone.split("/").at(-1) ?? timeZone).replace(/_/g, " ");
}

/** "Monday 30 November, 09:00–11:00" on the clock of `timeZone`; without the day when `sameDayAs` shows the same one. */
export function clockLabel(start: Date, end: Date, timeZone: string, sameDayAs?: string): string {
  const time = timeFormat(timeZone);
  const day = dayFormat(timeZone).format(start);
  const hours = `${time.format(start)}–${time.format(end)}`;
  return sameDayAs && dayFormat(sameDayAs).format(start) === day ? hours : `${day}, ${hours}`;
}

export const timingText = {
  /** The window on the interviewer's clock. */
  theirClock: (clock: string, timeZone: string) => `${clock} (${zoneCity(timeZone)} time)`,
  /** The interviewer's clock when it shows the same time as the candidate's. */
  sameClock: (clock: string, timeZone: string) => `${clock} (${zoneCity(timeZone)} time, the same as yours)`,
  /** The window on the candidate's own clock. */
  yourClock: (clock: string) => `${clock} (your time)`,
  /** When the window falls at night on the candidate's clock. */
  scheduleSend:
    "That is night-time where you are: get the letter ready when it suits you and let your mail program's scheduled send deliver it in that window.",
  /** "Monday 1 December". */
  day: (isoDate: string) => dayFormat("UTC").format(new Date(`${isoDate}T12:00:00Z`)),
  /** "11:00" on a clock. */
  time: (at: Date, timeZone: string) => timeFormat(timeZone).format(at),
};
