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
 * mention nerves, while owning illness, leaving early or answers that ran long
 * mends the relationship (../shared/content). So the sentence is on by default
 * only where saying it helps; a name slip (nameSlip) is always owned.
 */
export const OFF_DAY_ON_BY_DEFAULT: ReadonlySet<WhatHappened> = new Set([
  "illness",
  "left_early",
  "late",
  "bad_call",
  "technical_issue",
  "too_blunt",
  "rambling",
]);

/**
 * When several things happened, the opening owns the one that matters most in one line
 * (illness and leaving early together, a name slip beside any other). Nerves never become
 * a second apology. A blunt answer is not among them: it has its own apology, beside the
 * better answer.
 */
const OFF_DAY_PRIORITY: WhatHappened[] = [
  "illness",
  "left_early",
  "late",
  "bad_call",
  "technical_issue",
  "rambling",
  "nerves",
  "outfit",
  "blanked",
  "other",
];

/** Courtesy lapses: the short note keeps their one line. */
export const COURTESY: ReadonlySet<WhatHappened> = new Set(["illness", "left_early", "late"]);

const isCall = (d: DebriefInput) => d.interview.format !== "onsite";
const callName = (d: DebriefInput) => (d.interview.format === "phone" ? "phone call" : "video call");

/** The sentences of the candidate's notes, for the cues below (the notes themselves never reach a letter). */
const noteSentences = (d: DebriefInput) => (d.notes ?? "").split(/[.!?;\n]+|\s[-–—]\s/u).filter((s) => s.trim());

/** Where a call was taken that the candidate chose badly: a place on the move or out of doors. */
const POOR_PLACE =
  /\b(?:bus|train|tram|tube|subway|metro|car|taxi|uber|street|outside|outdoors|park|caf[eé]|coffee shop|station|airport|walking|driving|commute|commuting|lobby|corridor|hallway|car park|parking lot|signal|reception|no bars)\b/iu;
/** The candidate's own equipment or connection failed (not the line, not the interviewer's side). */
const MY_EQUIPMENT =
  /\bmy (?:own )?(?:wi-?fi|internet|connection|broadband|laptop|computer|camera|webcam|mic|microphone|headset|headphones|audio|battery|phone|router|hotspot)\b/iu;
/** "Called ahead", "rang to say I'd be late", "texted her": the one thing a lateness line may add. */
const CALLED_AHEAD =
  /\b(?:called|rang|phoned|texted|messaged|emailed|let (?:them|her|him|the \w+) know)\b[^.!?\n]{0,30}\b(?:ahead|to say|i(?:'|’)?d be late|i was running late|running late|late|in advance|before)\b|\b(?:called|rang|phoned) ahead\b/iu;

/** Whether a call that went badly was taken somewhere the candidate chose badly (their notes say so). */
const tookCallFromPoorPlace = (d: DebriefInput) => isCall(d) && noteSentences(d).some((s) => POOR_PLACE.test(s));

/** A slip of a name, as the notes tell it: whose name it was. */
export type NameSlip = "company" | "person";

/** The notes say a name was wrong, mixed up or said instead of another. */
const SLIP = [
  /\bwrong (?:company |firm |business )?name\b|\bname (?:slip|wrong)\b|\bslip of the tongue\b/iu,
  /\b(?:got|said|had|used)\b[^.!?\n]{0,30}\bname\b[^.!?\n]{0,12}\bwrong\b/iu,
  /\b(?:mixed|mixing|muddled|confused) up\b[^.!?\n]{0,30}\bnames?\b|\bnames? mixed up\b/iu,
  /\b(?:said|saying|says|called|calling|wrote|writing|used|using)\b[^.!?\n]{1,50}\binstead of\b/iu,
  /\bcalled (?:them|it|the (?:company|firm|business|organi[sz]ation|school|hospital|agency|practice|team|store|hotel|charity|council|bank))\b[^.!?\n]{0,40}\b(?:by mistake|accidentally|competitor|rival|other (?:firm|company|place|one))\b/iu,
];
/**
 * "Called them Northwind", with a capital the candidate typed: a name said in place of
 * theirs. Words that follow "called them" in other senses (back, ahead, twice) are not names.
 */
const CALLED_BY_NAME =
  /\b[Cc]all(?:ed|ing) (?:them|it|the (?:company|firm|business|organi[sz]ation|school|hospital|agency|practice|team|store|hotel|charity|council|bank)|her|him|you)\s+(?:by\s+)?(\p{Lu}[\p{L}'’&-]+)/u;
const NOT_A_NAME =
  /^(?:Back|Ahead|Up|Again|Twice|Later|Before|After|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|Tomorrow|First|Then|And|But|So|To|On|At|In|About|From|When|While|Myself|Out)$/u;
/** The person in the slip: the interviewer by a pronoun, a role or their own given name. */
const ABOUT_A_PERSON = /\b(?:her|him|the interviewer|the manager|the director|the panel(?:list)?)\b/iu;

/**
 * Whether the candidate's notes tell of getting a name wrong (the company called by another
 * firm's name, or the interviewer by the wrong name), and whose. The slip is owned in one line
 * that never names the other name.
 */
export function nameSlip(d: DebriefInput): NameSlip | undefined {
  const given = d.interview.interviewer.name.trim().split(/\s+/u)[0]?.toLowerCase() ?? "";
  for (const s of noteSentences(d)) {
    const byName = CALLED_BY_NAME.exec(s);
    const slipped = SLIP.some((r) => r.test(s)) || Boolean(byName && !NOT_A_NAME.test(byName[1] ?? ""));
    if (!slipped) continue;
    const person =
      ABOUT_A_PERSON.test(s) ||
      (given.length > 1 &&
        s
          .toLowerCase()
          .split(/[^\p{L}'’-]+/u)
          .includes(given)) ||
      /\bcalled you\b/iu.test(s);
    return person ? "person" : "company";
  }
  return undefined;
}

/** Whether the letter owns a name slip (unless the candidate chose to leave the off day out). */
const ownsNameSlip = (d: DebriefInput) => (d.offDay ?? "auto") !== "omit" && nameSlip(d) !== undefined;

/**
 * What went wrong as a clause that a name slip joins in one sentence ("I arrived late and
 * that I got your company's name wrong"): the primary situation, owned, without excuse.
 */
function lapseClause(situation: WhatHappened, d: DebriefInput): string {
  const c = W.lapse;
  if (situation === "illness") return leftEarly(d) ? c.illness_left_early : c.illness;
  if (situation === "bad_call") {
    if (tookCallFromPoorPlace(d)) return c.poor_place;
    return isCall(d) ? c.bad_call(callName(d)) : c.bad_call_onsite;
  }
  if (situation === "technical_issue") return c.technical_issue(MY_EQUIPMENT.test(d.notes ?? ""));
  return c[situation as Exclude<WhatHappened, "illness" | "bad_call" | "technical_issue" | "too_blunt" | "other">];
}

/**
 * The off-day sentence of a situation, in every tone: one plain line that owns it, with no
 * excuse and no story (a lateness line adds at most that the candidate called ahead). Illness
 * says too that they left early; a name slip the notes tell of joins whatever else is owned.
 */
export function offDayWording(situation: WhatHappened, d: DebriefInput): ByTone {
  const slip = ownsNameSlip(d) ? nameSlip(d) : undefined;
  if (situation === "other") return slip ? W.offDay.nameSlip(slip) : W.offDay.other;
  if (slip) return W.offDay.withNameSlip(lapseClause(situation, d), slip);
  if (situation === "bad_call") {
    if (tookCallFromPoorPlace(d)) return W.offDay.poor_place;
    return isCall(d) ? W.offDay.bad_call(callName(d)) : W.offDay.bad_call_onsite;
  }
  if (situation === "technical_issue") return W.offDay.technical_issue(MY_EQUIPMENT.test(d.notes ?? ""));
  if (situation === "illness" && leftEarly(d)) return W.offDay.illness_left_early;
  if (situation === "late" && noteSentences(d).some((s) => CALLED_AHEAD.test(s))) return W.offDay.late_called_ahead;
  return W.offDay[situation as Exclude<WhatHappened, "bad_call" | "technical_issue" | "other">];
}

/**
 * The situation the opening's off-day sentence owns, or undefined when it should not
 * mention one. "omit" is the candidate's own choice and silences every owning line. A name
 * slip the notes tell of is owned even when the only box ticked is one said only on request.
 */
export function offDaySituation(d: DebriefInput): WhatHappened | undefined {
  const mode = d.offDay ?? "auto";
  if (mode === "omit") return undefined;
  const ranked = OFF_DAY_PRIORITY.filter((s) => d.whatHappened.includes(s));
  const owned = mode === "mention" ? ranked[0] : ranked.find((s) => OFF_DAY_ON_BY_DEFAULT.has(s));
  return owned ?? (nameSlip(d) ? "other" : undefined);
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
 * How the ask proposes to talk again, by the interview's format: after a phone call that went
 * wrong, in person or by video; after a video call that went wrong, another video call or a
 * meeting; in person where meeting is practical, else by video alone. An interview on site,
 * or a call that went well enough, names no way ("").
 */
export function howToTalkAgain(d: DebriefInput): string {
  const wentWrong = isCall(d) && (d.whatHappened.includes("bad_call") || d.whatHappened.includes("technical_issue"));
  if (!wentWrong) return "";
  if (!meetingIsPractical(d)) return W.byVideo;
  return d.interview.format === "phone" ? W.inPersonOrByVideo : W.byVideoOrInPerson;
}

/** The ask: to finish the conversation after leaving early (naming what was missed), else to talk again. */
export function askWording(d: DebriefInput): ByTone {
  return leftEarly(d) ? W.askToFinish(howToTalkAgain(d), missedPart(d)) : W.ask(howToTalkAgain(d));
}
