import type { Debrief } from "../debrief/model";
import {
  challengeParts,
  DEFAULT_LENGTH,
  type DebriefInput,
  type LetterLength,
  type Tone,
  type WhatHappened,
} from "../debrief/schema";
import { tidyDebrief } from "../debrief/tidy";
import { type ByTone, wordsFor } from "./i18n";
import { LONG_EXAMPLE_CHARS } from "./letter-limits";
import { salutationFor } from "./salutation";
import { joinAnd, quoted, sentence } from "./text";
import { dayLabel, followUpPlan } from "./timing";

const W = wordsFor("en").letter;

/** Word budgets of the letter's body (the paragraphs; not the greeting, closing or signature). */
export const WORD_BUDGET: Record<LetterLength, number> = { short: 150, full: 300 };

/** A part of the letter the composer can leave out, and the candidate can put back. */
export type LetterPart =
  | "offDay"
  | "pairs"
  | "challenges"
  | "skills"
  | "samples"
  | "references"
  | "plan"
  | `question.${number}`
  | `example.${number}`;

export type Omitted = {
  part: LetterPart;
  /** What it is, for the candidate page: "your references". */
  label: string;
  reason: "short" | "budget" | "long-example";
  /** Why, in a phrase: "to keep the letter under 300 words". */
  why: string;
};

export type Letter = {
  subject: string;
  /** The salutation line, e.g. "Dear Dr. O'Connor,". */
  greeting: string;
  /** Who the greeting addresses, e.g. "Dr. O'Connor": shown on the page so the candidate can change it. */
  salutation: string;
  /** Paragraphs in order; a paragraph may hold a short list, one "- " line each. */
  paragraphs: string[];
  closing: string;
  signature: string;
  length: LetterLength;
  /** Words in the paragraphs: at most WORD_BUDGET[length] unless the candidate put parts back. */
  words: number;
  /** What was left out, in the order it was left out, so the page can offer it back. */
  omitted: Omitted[];
};

export type LetterOptions = {
  /** Overrides the debrief's own choice. */
  length?: LetterLength;
  /** Parts the candidate asked to put back: kept whatever the budget. */
  include?: readonly LetterPart[];
};

type Situation = WhatHappened;

/**
 * Sources disagree on apologising for a bad day: several advisers say never
 * mention nerves, while owning illness or leaving early mends the relationship
 * (../shared/content). So the sentence is on by default only where saying it helps.
 */
export const OFF_DAY_ON_BY_DEFAULT: ReadonlySet<Situation> = new Set([
  "illness",
  "left_early",
  "late",
  "bad_call",
  "technical_issue",
  "too_blunt",
]);

/** When several things happened, the letter owns only the one that matters most. */
const OFF_DAY_PRIORITY: Situation[] = [
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
const INTEREST_FIRST: ReadonlySet<Situation> = new Set(["illness", "left_early"]);
/** Courtesy lapses: the short note keeps their one line. */
const COURTESY: ReadonlySet<Situation> = new Set(["illness", "left_early", "late"]);

const isCall = (d: DebriefInput) => d.interview.format !== "onsite";
const callName = (d: DebriefInput) => (d.interview.format === "phone" ? "phone call" : "video call");

function offDayWording(situation: Situation, d: DebriefInput): ByTone {
  if (situation === "bad_call") return isCall(d) ? W.offDay.bad_call(callName(d)) : W.offDay.bad_call_onsite;
  return W.offDay[situation];
}

/** The situation the off-day sentence owns, or undefined when the letter should not mention it. */
export function offDaySituation(d: DebriefInput): Situation | undefined {
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

/** The candidate's own lead-ins to an answer, which the letter's opening already says. */
const ANSWER_LEAD_IN =
  /^(?:what\s+i\s+(?:should|meant\s+to|wanted\s+to)\s+(?:have\s+)?(?:said|say)\s+(?:is|was)|i\s+should\s+have\s+(?:said|mentioned|explained|answered|told\s+you)|i\s+(?:meant|wanted)\s+to\s+say|i\s+wish\s+i\s+had\s+said|my\s+(?:better|fuller|real)\s+answer\s+(?:is|would\s+be))(?:\s+that)?[\s,:;-]+/iu;

function capitaliseFirst(s: string): string {
  return s.replace(/^(\P{L}*)(\p{Ll})/u, (_, pre: string, c: string) => pre + c.toUpperCase());
}

/** The answer as the letter says it: without "I should have said that…", as a sentence. */
export function answerText(answer: string): string {
  return sentence(capitaliseFirst(answer.trim().replace(ANSWER_LEAD_IN, "")));
}

/**
 * Whether an answer starts as a sentence the candidate says in their own voice ("I would…",
 * "We…", "At my last job…"), rather than with an instruction or a noun ("Put the best staff
 * on…", "A token bucket per client…"), which reads right only after a colon. An answer with
 * a colon of its own in its first sentence ("One page: …") is left as a sentence.
 */
function startsAsOwnSentence(answer: string): boolean {
  const firstSentence = answer.split(/(?<=[.!?])\s/u)[0] ?? answer;
  if (firstSentence.includes(":")) return true;
  return /^(?:I|I'm|I'd|I've|I'll|I’m|I’d|I’ve|I’ll|We|We'd|We’d|We've|We’ve|My|Our|Me|Mine|At|In|On|When|While|If|After|Before|Since|For|With|By|Because|As|Once|During|Last|This|That|It|There|Yes|No|Honestly|First|Firstly)\b/u.test(
    answer,
  );
}

/** Common words that start an answer and are never a name: written lower case after a colon. */
const AFTER_COLON_LOWER = new Set(
  "a an the one two three put give project start use ask make keep look check build split measure find set cut move add map break run write show take get pick focus agree review plan talk call tell lead share create hire train test track compare prioritise prioritize reduce improve automate document define listen learn speak escalate".split(
    " ",
  ),
);

/** An answer after a colon: its first word lower case when it is a common word, else as typed. */
function afterColon(answer: string, colon: boolean): string {
  if (!colon) return answer;
  const first = /^(\p{Lu}\p{Ll}*)\b/u.exec(answer)?.[1];
  return first && AFTER_COLON_LOWER.has(first.toLowerCase())
    ? first.toLowerCase() + answer.slice(first.length)
    : answer;
}

/** Words that may follow "For example," in lower case: never a name. */
const EXAMPLE_START = new Set(
  "at in on when while during last this that after before we our my one a an the for with as since by from once every each two three four five".split(
    " ",
  ),
);

function exampleText(d: DebriefInput, example: string): string {
  const text = sentence(example);
  if (/^(?:for (?:example|instance)|in one case|once)\b/iu.test(text)) return text;
  // "I" keeps its capital after "For example,"; other words that can follow it go lower case.
  if (/^I\b/u.test(text)) return W.forExample(text)[d.tone];
  const first = /^(\p{Lu}\p{Ll}*)\b/u.exec(text)?.[1];
  if (first && EXAMPLE_START.has(first.toLowerCase())) {
    return W.forExample(first.toLowerCase() + text.slice(first.length))[d.tone];
  }
  return text;
}

/** The most words a shortened example may keep: two sentences of about thirty words. */
export const EXCERPT_MAX_WORDS = 60;

/**
 * A long example cut to the candidate's own first and last sentences (the situation and
 * the result), when it has at least three and those two fit in EXCERPT_MAX_WORDS; else
 * undefined. Nothing is reworded: the letter only leaves out the middle, and says so.
 */
export function exampleExcerpt(example: string): string | undefined {
  const sentences = example
    .trim()
    .split(/(?<=[.!?])\s+(?=["“(]?\p{Lu})/u)
    .filter(Boolean);
  if (sentences.length < 3) return undefined;
  const excerpt = `${sentences[0]} ${sentences.at(-1)}`;
  return wordCount(excerpt) <= EXCERPT_MAX_WORDS ? excerpt : undefined;
}

/** A list inside a sentence: "a and b", or "a; b; and c" when an item has a comma of its own. */
function inlineList(items: string[]): string {
  if (items.some((i) => i.includes(","))) {
    return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join("; ")}; and ${items.at(-1)}`;
  }
  return joinAnd(items);
}

const wordCount = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Words that keep their capital inside a sentence: languages, nationalities, days and months. */
const PROPER =
  /^(?:\p{Lu}\p{Ll}+(?:ese|ish|ian|ean)|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|English|French|Dutch|Greek|Thai|German|European|American|African|Asian)$/u;

/**
 * A typed phrase that starts a line ("Deploys take 90 minutes") placed inside a sentence:
 * its first letter lower case, unless the word is a name used elsewhere in the debrief or
 * looks like a proper noun. Only the first letter's case changes.
 */
function midSentence(d: DebriefInput, phrase: string): string {
  // The first word: a capital and lower-case letters ("Deploys", "A"), or the first part
  // of a hyphenated word whose next part is lower case ("Re-baseline").
  const first = /^(\p{Lu}\p{Ll}*)(?=$|[\s,;:]|-\p{Ll})/u.exec(phrase)?.[1];
  if (!first || first === "I" || PROPER.test(first)) return phrase;
  const names = [d.interview.company, d.interview.interviewer.name, d.candidate.name, ...d.skills].join(" ");
  if (new RegExp(`(?:^|[^\\p{L}])${first}(?:$|[^\\p{L}])`, "u").test(names)) return phrase;
  return first.toLowerCase() + phrase.slice(first.length);
}

/** Words that make a typed challenge a statement rather than the name of a problem. */
const CLAUSE_CUE =
  /\b(?:is|are|was|were|be|been|do|does|did|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|can|can't|cannot|could|will|won't|would|should|has|have|had|hasn't|haven't|not|never|keeps?|takes?|took|gets?|got|makes?|made|needs?|wants?|misses|owns|holds?|goes|went|comes?|came|fails?|drops?|falls?|fell|ships?|runs?|ran|lacks?|stays?|hear|know|trust|miss|own|drop|fail|reset)\b/iu;
const DETERMINER = /^(?:the|a|an|our|their|its|your|my|his|her|this|these|those|some|no|every|each|new|old)$/iu;

/**
 * Whether a typed challenge reads as a statement ("Clinic waiting times doubled this
 * year") rather than the name of a problem ("Staff turnover at the front desk"): a
 * common verb, or a word in -ed after a noun. Used only to avoid joining the two kinds
 * in one list; a statement taken for a name still reads right after "you mentioned".
 */
export function isStatement(text: string): boolean {
  if (CLAUSE_CUE.test(text)) return true;
  const words = text.split(/\s+/);
  return words.some((w, i) => i > 0 && /^\p{Ll}{3,}ed$/u.test(w) && !DETERMINER.test(words[i - 1] ?? ""));
}

/** Plan points inside one sentence. */
function planPoints(d: DebriefInput): string {
  return inlineList(d.plan.map((p) => midSentence(d, p)));
}

/** A sentence of the letter; `unless` names a part whose absence it stands in for. */
type Block = { part?: LetterPart; unless?: LetterPart; text: string };
type Paragraph = Block[];

/**
 * The drafted recovery letter, deterministic and built only from the (tidied) debrief.
 * The parts come in the order career advisers recommend, each only when its inputs
 * exist; the tone changes the wording, the length the content. Over the word budget,
 * parts are left out in this order until it fits, and reported in `omitted`:
 *   full:  references, samples, the 60-day plan, skills without a challenge, challenges
 *          without a skill, later re-answers (the last first), the linked challenges,
 *          the first example, the off-day sentence, and last the first re-answer;
 *   short: holds thanks, interest, the first re-answer (or the first linked challenges
 *          when there is no question) and the ask; over 150 words it drops the example,
 *          then the off-day sentence, then the re-answer.
 * An example longer than LONG_EXAMPLE_CHARS is always left out unless put back.
 */
export function composeLetter(input: DebriefInput, options: LetterOptions = {}): Letter {
  const d = tidyDebrief(input);
  const tone: Tone = d.tone;
  const t = (w: ByTone) => w[tone];
  const length = options.length ?? d.length ?? DEFAULT_LENGTH;
  const include = new Set<LetterPart>(options.include ?? []);
  const { role, company, interviewer } = d.interview;

  const situation = offDaySituation(d);
  const challenges = d.challenges.map(challengeParts);
  const pairs = challenges.filter((c): c is { text: string; skill: string } => Boolean(c.skill));
  const loose = challenges.filter((c) => !c.skill).map((c) => midSentence(d, c.text));
  const linkedSkills = new Set(pairs.map((p) => p.skill.toLowerCase()));
  const otherSkills = [...new Set(d.skills)].filter((s) => !linkedSkills.has(s.toLowerCase()));
  const nothingToSay =
    d.questions.length === 0 && challenges.length === 0 && d.skills.length === 0 && d.samples.length === 0;

  // Opening: interest first after illness or leaving early, else thanks, the off day, interest.
  // Without a paired challenge, the other skills go into the interest sentence ("I would love
  // to bring my skills in…"), rather than stand alone as a one-line paragraph.
  const interestFirst = Boolean(situation && INTEREST_FIRST.has(situation));
  const skillsWithInterest = pairs.length === 0 && otherSkills.length > 0 && !interestFirst;
  const opening: Paragraph = [];
  const offDay: Block | undefined = situation ? { part: "offDay", text: t(offDayWording(situation, d)) } : undefined;
  if (interestFirst) {
    opening.push({ text: t(W.interestFirst(role, company)) }, { text: t(W.thanksShort) });
    if (offDay) opening.push(offDay);
  } else {
    opening.push({ text: t(W.thanks(role, company)) });
    if (offDay) opening.push(offDay);
    if (skillsWithInterest) {
      opening.push(
        { part: "skills", text: t(W.interestWithSkills(joinAnd(otherSkills))) },
        { unless: "skills", text: t(W.interest) },
      );
    } else opening.push({ text: t(nothingToSay ? W.interestOnly : W.interest) });
  }

  // Challenges and skills: only linked pairs as pairs; the rest without implying a link.
  const challengeParagraph: Paragraph = [];
  const looseText = (other: boolean): ByTone => {
    const statements = loose.filter(isStatement);
    const names = loose.filter((c) => !isStatement(c));
    if (statements.length > 0 && names.length > 0) return W.mixedChallenges(joinAnd(statements), joinAnd(names), other);
    return other
      ? W.otherChallenges(inlineList(loose), loose.length > 1)
      : W.onlyChallenges(inlineList(loose), loose.length > 1);
  };
  if (pairs.length > 0) {
    const lines = pairs.map((p, i) => t(W.pair(capitaliseFirst(p.text), p.skill, i)));
    challengeParagraph.push({
      part: "pairs",
      text: `${t(W.pairsIntro(challenges.length > 1))}\n${lines.join("\n")}`,
    });
    if (loose.length > 0) challengeParagraph.push({ part: "challenges", text: t(looseText(true)) });
    if (otherSkills.length > 0)
      challengeParagraph.push({ part: "skills", text: t(W.moreSkills(joinAnd(otherSkills))) });
  } else {
    if (loose.length > 0) challengeParagraph.push({ part: "challenges", text: t(looseText(false)) });
    if (otherSkills.length > 0 && !skillsWithInterest) {
      challengeParagraph.push({ part: "skills", text: t(W.skills(joinAnd(otherSkills))) });
    }
  }

  // Each fumbled question: the opening names it, the answer comes first, then the example.
  // A long example is cut to its first and last sentences when they fit (said in `omitted`),
  // else left out; put back on request, it is written whole.
  const shortened = new Set<number>();
  const questionParagraphs: Paragraph[] = d.questions.map((q, i) => {
    const question = quoted(q.question);
    const answer = answerText(q.betterAnswer);
    const colon = !startsAsOwnSentence(answer);
    const blocks: Paragraph = [
      {
        part: `question.${i}`,
        text: t(i === 0 ? W.reanswer(question, colon) : W.reanswerMore(question, i, colon)),
      },
      { part: `question.${i}`, text: afterColon(answer, colon) },
    ];
    if (q.example) {
      const excerpt = isLongExample(q.example) && !include.has(`example.${i}`) ? exampleExcerpt(q.example) : undefined;
      if (excerpt) shortened.add(i);
      blocks.push({ part: `example.${i}`, text: exampleText(d, excerpt ?? q.example) });
    }
    return blocks;
  });

  const samples: Paragraph = d.samples.length
    ? [
        {
          part: "samples",
          text: `${t(W.samplesIntro(d.samples.length > 1))}\n${d.samples
            .map(
              (s) => `- ${capitaliseFirst(s.title)} (${s.url})${s.note ? `: ${sentence(midSentence(d, s.note))}` : ""}`,
            )
            .join("\n")}`,
        },
      ]
    : [];
  const references: Paragraph = d.references.length
    ? [
        {
          part: "references",
          text: `${t(W.referencesIntro(d.references.length > 1))}\n${d.references
            .map((r) => `- ${r.name}, ${r.relation}: ${r.contact}`)
            .join("\n")}`,
        },
      ]
    : [];
  const plan: Paragraph = d.plan.length ? [{ part: "plan", text: t(W.plan(planPoints(d))) }] : [];

  // The ask: in person only where meeting is practical after a bad call; the promise after the decision date.
  const wantsMeeting = isCall(d) && (d.whatHappened.includes("bad_call") || d.whatHappened.includes("technical_issue"));
  const how = wantsMeeting ? (meetingIsPractical(d) ? W.inPerson : W.byVideo) : "";
  const followUp = d.interview.decisionDate
    ? t(
        W.followUpAfterDecision(
          dayLabel(d.interview.decisionDate),
          dayLabel(followUpPlan(d, new Date(`${d.interview.date}T12:00:00Z`)).from),
        ),
      )
    : t(W.followUp);
  const ask: Paragraph = [{ text: t(W.ask(how)) }, { text: followUp }];

  const paragraphs: Paragraph[] = [opening, challengeParagraph, ...questionParagraphs, samples, references, plan, ask];

  // What goes: first what the length leaves out, then long examples, then the budget's order.
  const omitted: Omitted[] = [];
  const present = new Set(paragraphs.flat().flatMap((b) => (b.part ? [b.part] : [])));
  const drop = (part: LetterPart, reason: Omitted["reason"]) => {
    if (!present.has(part) || include.has(part)) return;
    const at = omitted.findIndex((o) => o.part === part);
    const entry = { part, label: partLabel(d, part), reason, why: whyLabel(reason, length) };
    // A shortened example that must go altogether: its entry now says the whole example went.
    const m = /^example\.(\d+)$/.exec(part);
    if (at >= 0 && m && shortened.delete(Number(m[1]))) omitted[at] = entry;
    else if (at < 0) omitted.push(entry);
  };
  const questionParts = d.questions.map((_, i) => i);
  if (length === "short") {
    // The short note: thanks, interest, the one best re-answer (or, without a question,
    // the linked challenges, else the challenges and skills), the ask.
    const shortDrops: LetterPart[] = [
      ...(situation && COURTESY.has(situation) ? [] : (["offDay"] as const)),
      ...(d.questions.length > 0 ? (["pairs", "challenges", "skills"] as const) : []),
      ...(d.questions.length === 0 && pairs.length > 0 ? (["challenges", "skills"] as const) : []),
      ...questionParts.slice(1).flatMap((i) => [`question.${i}` as const, `example.${i}` as const]),
      "samples",
      "references",
      "plan",
    ];
    for (const p of shortDrops) drop(p, "short");
  }
  d.questions.forEach((q, i) => {
    if (!isLongExample(q.example) || include.has(`example.${i}`) || omitted.some((o) => o.part === `example.${i}`))
      return;
    if (shortened.has(i)) {
      const label = W.parts.exampleMiddle(quoted(q.question));
      omitted.push({ part: `example.${i}`, label, reason: "long-example", why: W.why.shortened });
    } else drop(`example.${i}`, "long-example");
  });
  const budgetOrder: LetterPart[] =
    length === "short"
      ? ["example.0", "pairs", "challenges", "skills", "offDay", "question.0"]
      : [
          "references",
          "samples",
          "plan",
          "skills",
          "challenges",
          ...questionParts
            .slice(1)
            .reverse()
            .flatMap((i) => [`example.${i}` as const, `question.${i}` as const]),
          "pairs",
          "example.0",
          "offDay",
          "question.0",
        ];
  const render = () => {
    // A shortened example is still written (its middle is what went).
    const gone = new Set(
      omitted.filter((o) => !shortened.has(Number(/^example\.(\d+)$/.exec(o.part)?.[1] ?? -1))).map((o) => o.part),
    );
    return paragraphs
      .map((p) =>
        p
          .filter((b) => (!b.part || !gone.has(b.part)) && (!b.unless || gone.has(b.unless)))
          .map((b) => b.text)
          // After a list, the next sentence starts on a line of its own; the ones after it follow on.
          .reduce((out, text) => (out ? `${out}${/\n- [^\n]*$/.test(out) ? "\n" : " "}${text}` : text), ""),
      )
      .filter((p) => p.length > 0);
  };
  let body = render();
  for (const part of budgetOrder) {
    if (wordCount(body.join(" ")) <= WORD_BUDGET[length]) break;
    drop(part, "budget");
    body = render();
  }

  const salutation = salutationFor(interviewer);
  return {
    subject: capitaliseFirst(t(W.subject(role, company))),
    greeting: t(W.greeting(salutation)),
    salutation,
    paragraphs: body,
    closing: t(W.closing),
    signature: d.candidate.name,
    length,
    words: wordCount(body.join(" ")),
    omitted,
  };
}

function partLabel(d: DebriefInput, part: LetterPart): string {
  const m = /^(question|example)\.(\d+)$/.exec(part);
  if (m) {
    const q = quoted(d.questions[Number(m[2])]?.question ?? "");
    return m[1] === "question" ? W.parts.question(q) : W.parts.example(q);
  }
  return W.parts[part as Exclude<keyof typeof W.parts, "question" | "example" | "exampleMiddle">];
}

function whyLabel(reason: Omitted["reason"], length: LetterLength): string {
  if (reason === "short") return W.why.short;
  if (reason === "long-example") return W.why.longExample;
  return W.why.budget(WORD_BUDGET[length]);
}

/**
 * The one addition that would help the letter most, for the confirmation and candidate
 * pages; undefined when the debrief already has what the letter needs.
 */
export function mostHelpfulAddition(input: DebriefInput): { field: string; text: string } | undefined {
  const d = tidyDebrief(input);
  if (d.questions.length === 0) return { field: "questions", text: W.addition.question };
  if (!d.questions.some((q) => q.example)) return { field: "questions.0.example", text: W.addition.example };
  if (!d.challenges.some((c) => challengeParts(c).skill))
    return { field: "challenges", text: W.addition.challengeSkill };
  if (!d.interview.decisionDate) return { field: "interview.decisionDate", text: W.addition.decisionDate };
  return undefined;
}

/** Whether an example is long enough for the form and the page to suggest shortening it. */
export function isLongExample(example: string | undefined): boolean {
  return (example?.trim().length ?? 0) > LONG_EXAMPLE_CHARS;
}

export function letterAsText(letter: Letter): string {
  return [letter.greeting, ...letter.paragraphs, `${letter.closing}\n${letter.signature}`].join("\n\n");
}

/** The letter as the candidate will send it: their edited draft if they saved one, else the composed letter. */
export type Draft = { subject: string; body: string; edited: boolean };

/**
 * The letter composed for a stored debrief: its input (tone and length included) and the
 * parts the candidate put back on their page. What the page, the emails, the .eml and
 * every mailto link show, so they all agree.
 */
export function composedLetter(d: Pick<Debrief, "input" | "letterInclude">): Letter {
  return composeLetter(d.input, { include: d.letterInclude ?? [] });
}

export function currentDraft(d: Pick<Debrief, "input" | "draft" | "letterInclude">): Draft {
  if (d.draft) return { subject: d.draft.subject, body: d.draft.body, edited: true };
  const letter = composedLetter(d);
  return { subject: letter.subject, body: letterAsText(letter), edited: false };
}
