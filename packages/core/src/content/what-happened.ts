/**
 * What went wrong in the interview, as the letter answers it: which moment the letter owns
 * in its off-day sentence, which question a blunt answer was given to (its apology stands
 * beside the better answer), what the candidate missed by leaving early, and how the letter
 * asks to talk again: to finish the conversation, in person or by video after a bad call.
 */
import type { DebriefInput, WhatHappened } from "../debrief/schema";
import { type ByTone, wordsFor } from "./i18n";
import { questionType } from "./question-type";

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

/**
 * When several things happened, the opening owns only the one that matters most (illness
 * and leaving early together in one sentence). A blunt answer is not among them: it has
 * its own apology, beside the better answer.
 */
const OFF_DAY_PRIORITY: WhatHappened[] = [
  "illness",
  "left_early",
  "late",
  "bad_call",
  "technical_issue",
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

/** The off-day sentence of a situation, in every tone; illness says too that they left early. */
export function offDayWording(situation: WhatHappened, d: DebriefInput): ByTone {
  if (situation === "bad_call") return isCall(d) ? W.offDay.bad_call(callName(d)) : W.offDay.bad_call_onsite;
  if (situation === "illness" && leftEarly(d)) return W.offDay.illness_left_early;
  return W.offDay[situation];
}

/**
 * The situation the opening's off-day sentence owns, or undefined when it should not
 * mention one. "omit" is the candidate's own choice and silences every owning line.
 */
export function offDaySituation(d: DebriefInput): WhatHappened | undefined {
  const mode = d.offDay ?? "auto";
  if (mode === "omit") return undefined;
  const ranked = OFF_DAY_PRIORITY.filter((s) => d.whatHappened.includes(s));
  return mode === "mention" ? ranked[0] : ranked.find((s) => OFF_DAY_ON_BY_DEFAULT.has(s));
}

/** The opening's sentence owning the off day, in the letter's tone. */
export function offDaySentence(d: DebriefInput): string | undefined {
  const situation = offDaySituation(d);
  return situation ? offDayWording(situation, d)[d.tone] : undefined;
}

/** Whether the letter apologises for a blunt answer (unless the candidate chose to leave the off day out). */
export function ownsBluntAnswer(d: DebriefInput): boolean {
  return d.whatHappened.includes("too_blunt") && (d.offDay ?? "auto") !== "omit";
}

/** Questions that invite a remark about a boss, colleagues or an employer. */
const ABOUT_PEOPLE_OR_EMPLOYERS =
  /\b(?:leav\w*|left|quit\w*|boss\w*|manager\w*|colleague\w*|co-?workers?|supervisor\w*|employer\w*|previous|former|current (?:job|role|employer|company|team|kitchen|workplace|position)|last (?:job|role|employer|company|team|position))\b/iu;

/**
 * The question a blunt answer was given to: the first fumbled question about leaving, a
 * boss or an employer, else the first about motivation; undefined when none reads so (the
 * apology then stands on its own in the opening).
 */
export function bluntQuestion(d: DebriefInput): number | undefined {
  if (!ownsBluntAnswer(d)) return undefined;
  const about = d.questions.findIndex((q) => ABOUT_PEOPLE_OR_EMPLOYERS.test(q.question));
  if (about >= 0) return about;
  const motivation = d.questions.findIndex((q) => questionType(q.question) === "motivation");
  return motivation >= 0 ? motivation : undefined;
}

/** Whether the letter says the candidate left early (and so offers to finish the conversation). */
export function leftEarly(d: DebriefInput): boolean {
  return d.whatHappened.includes("left_early") && (d.offDay ?? "auto") !== "omit";
}

/** Words that lead to what the candidate missed by leaving ("had to leave before the teaching demo"). */
const MISSED_LEAD =
  /\b(?:before|missed|miss|missing|skipped|skip|never got to|didn't get to|did not get to|couldn't do|could not do|couldn't stay for|could not stay for|during)\s+((?:the|my|our)\s+[\p{L}\p{N}'’ -]+)/giu;
/** Words that end the name of the missed part. */
const PART_ENDS =
  /\s(?:and|but|so|because|as|which|when|after|then|with|at|in|on|of|to|for|since|while|where|though|or)\s[\s\S]*$/iu;
/** Names of the interview as a whole or of a stretch of time: they say nothing about what was missed. */
const NOT_A_PART = new Set(
  "the my our end rest remainder interview conversation meeting call session chat finish close part half bit day time last final second first other it".split(
    " ",
  ),
);

/**
 * What the candidate missed by leaving early, when their notes say it: "had to leave before
 * the teaching demo" gives "the teaching demo". Undefined when the notes name only the end
 * or the rest of the interview, or name nothing.
 */
export function missedPart(d: DebriefInput): string | undefined {
  if (!d.notes) return undefined;
  for (const m of d.notes.matchAll(MISSED_LEAD)) {
    const phrase = (m[1] ?? "").replace(PART_ENDS, "").replace(/[\s'’-]+$/u, "");
    const words = phrase.split(/\s+/);
    if (words.length < 2 || words.length > 5) continue;
    if (words.every((w) => NOT_A_PART.has(w.toLowerCase()))) continue;
    return `${words[0]?.toLowerCase()} ${words.slice(1).join(" ")}`;
  }
  return undefined;
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

/** The ask: to finish the conversation after leaving early (naming what was missed), else to talk again. */
export function askWording(d: DebriefInput): ByTone {
  return leftEarly(d) ? W.askToFinish(howToTalkAgain(d), missedPart(d)) : W.ask(howToTalkAgain(d));
}
