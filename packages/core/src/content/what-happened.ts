/**
 * What went wrong in the interview, as the letter answers it: which moment the letter owns
 * in its one off-day sentence, and how it asks to talk again after a bad call.
 */
import type { DebriefInput, WhatHappened } from "../debrief/schema";
import { type ByTone, wordsFor } from "./i18n";

const W = wordsFor("en").letter;

/**
 * Sources disagree on apologising for a bad day: several advisers say never
 * mention nerves, while owning illness or leaving early mends the relationship
 * (../shared/content). So the sentence is on by default only where saying it helps.
 */
export const OFF_DAY_ON_BY_DEFAULT: ReadonlySet<WhatHappened> = new Set([
  "illness",
  "left_early",
  "late",
  "bad_call",
  "technical_issue",
  "too_blunt",
]);

/** When several things happened, the letter owns only the one that matters most. */
const OFF_DAY_PRIORITY: WhatHappened[] = [
  "illness",
  "left_early",
  "late",
  "bad_call",
  "technical_issue",
  "too_blunt",
  "nerves",
  "outfit",
  "rambling",
  "blanked",
  "other",
];

/** After these, the letter says first that the candidate still wants the job. */
export const INTEREST_FIRST: ReadonlySet<WhatHappened> = new Set(["illness", "left_early"]);
/** Courtesy lapses: the short note keeps their one line. */
export const COURTESY: ReadonlySet<WhatHappened> = new Set(["illness", "left_early", "late"]);

const isCall = (d: DebriefInput) => d.interview.format !== "onsite";
const callName = (d: DebriefInput) => (d.interview.format === "phone" ? "phone call" : "video call");

/** The off-day sentence of a situation, in every tone. */
export function offDayWording(situation: WhatHappened, d: DebriefInput): ByTone {
  if (situation === "bad_call") return isCall(d) ? W.offDay.bad_call(callName(d)) : W.offDay.bad_call_onsite;
  return W.offDay[situation];
}

/** The situation the off-day sentence owns, or undefined when the letter should not mention it. */
export function offDaySituation(d: DebriefInput): WhatHappened | undefined {
  const mode = d.offDay ?? "auto";
  if (mode === "omit") return undefined;
  const ranked = OFF_DAY_PRIORITY.filter((s) => d.whatHappened.includes(s));
  return mode === "mention" ? ranked[0] : ranked.find((s) => OFF_DAY_ON_BY_DEFAULT.has(s));
}

/** The one optional sentence owning the off day, in the letter's tone. */
export function offDaySentence(d: DebriefInput): string | undefined {
  const situation = offDaySituation(d);
  return situation ? offDayWording(situation, d)[d.tone] : undefined;
}

/** Minutes east of UTC of a zone at a moment. */
function offsetMinutes(timeZone: string, at: Date): number {
  const name =
    new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/**
 * Whether asking to meet in person is practical: the same continent (the IANA zone's
 * region), or clocks within about three hours of each other on the interview day.
 * Without the interviewer's zone, they are taken to share the candidate's.
 */
export function meetingIsPractical(d: DebriefInput): boolean {
  const a = d.candidate.timeZone;
  const b = d.interview.interviewer.timeZone ?? a;
  const region = (z: string) => (z.includes("/") ? z.split("/")[0] : undefined);
  if (region(a) && region(a) === region(b)) return true;
  const at = new Date(`${d.interview.date}T12:00:00Z`);
  return Math.abs(offsetMinutes(a, at) - offsetMinutes(b, at)) <= 180;
}

/**
 * How the ask proposes to talk again: after a call that went wrong, in person where meeting
 * is practical, else by video; otherwise it names no way ("").
 */
export function howToTalkAgain(d: DebriefInput): string {
  const wantsMeeting = isCall(d) && (d.whatHappened.includes("bad_call") || d.whatHappened.includes("technical_issue"));
  if (!wantsMeeting) return "";
  return meetingIsPractical(d) ? W.inPerson : W.byVideo;
}
