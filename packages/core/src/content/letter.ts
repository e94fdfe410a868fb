/**
 * The drafted recovery letter: which parts it has, in which order, and what it leaves out
 * to keep within its word budget. How typed words sit in its sentences is phrasing.ts; the
 * off-day sentence and the way it asks to talk again, what-happened.ts.
 */
import {
  challengeParts,
  DEFAULT_LENGTH,
  type DebriefInput,
  type LetterLength,
  type WhatHappened,
} from "../debrief/schema";
import { tidyDebrief } from "../debrief/tidy";
import { type ByTone, wordsFor } from "./i18n";
import {
  afterColon,
  answerText,
  exampleExcerpt,
  exampleText,
  inlineList,
  isLongExample,
  isStatement,
  midSentence,
  planPoints,
  startsAsOwnSentence,
} from "./phrasing";
import { salutationFor } from "./salutation";
import { capitaliseFirst, joinAnd, quoted, sentence, wordCount } from "./text";
import { dayLabel, followUpPlan } from "./timing";
import { COURTESY, howToTalkAgain, INTEREST_FIRST, offDaySituation, offDayWording } from "./what-happened";

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

/** A sentence of the letter; `unless` names a part whose absence it stands in for. */
type Block = { part?: LetterPart; unless?: LetterPart; text: string };
type Paragraph = Block[];

/** The tidied debrief as the composer reads it. */
type Reading = {
  d: DebriefInput;
  /** A wording in the letter's tone. */
  t: (w: ByTone) => string;
  /** What the off-day sentence owns, if anything. */
  situation: WhatHappened | undefined;
  /** Challenges the candidate linked to a skill. */
  pairs: { text: string; skill: string }[];
  /** The other challenges, as they read inside a sentence. */
  loose: string[];
  /** Skills not linked to any challenge. */
  otherSkills: string[];
  /** After illness or leaving early the letter says first that the candidate still wants the job. */
  interestFirst: boolean;
  /** Without a paired challenge, the other skills go into the interest sentence. */
  skillsWithInterest: boolean;
};

function readDebrief(d: DebriefInput): Reading {
  const situation = offDaySituation(d);
  const challenges = d.challenges.map(challengeParts);
  const pairs = challenges.filter((c): c is { text: string; skill: string } => Boolean(c.skill));
  const loose = challenges.filter((c) => !c.skill).map((c) => midSentence(d, c.text));
  const linkedSkills = new Set(pairs.map((p) => p.skill.toLowerCase()));
  const otherSkills = [...new Set(d.skills)].filter((s) => !linkedSkills.has(s.toLowerCase()));
  const interestFirst = Boolean(situation && INTEREST_FIRST.has(situation));
  return {
    d,
    t: (w) => w[d.tone],
    situation,
    pairs,
    loose,
    otherSkills,
    interestFirst,
    skillsWithInterest: pairs.length === 0 && otherSkills.length > 0 && !interestFirst,
  };
}

/**
 * Opening: interest first after illness or leaving early, else thanks, the off day, interest.
 * Without a paired challenge, the other skills go into the interest sentence ("I would love
 * to bring my skills in…"), rather than stand alone as a one-line paragraph.
 */
function openingParagraph({ d, t, situation, otherSkills, interestFirst, skillsWithInterest }: Reading): Paragraph {
  const { role, company } = d.interview;
  const nothingToSay =
    d.questions.length === 0 && d.challenges.length === 0 && d.skills.length === 0 && d.samples.length === 0;
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
  return opening;
}

/** Challenges and skills: only linked pairs as pairs; the rest without implying a link. */
function challengeParagraph({ d, t, pairs, loose, otherSkills, skillsWithInterest }: Reading): Paragraph {
  const paragraph: Paragraph = [];
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
    paragraph.push({
      part: "pairs",
      text: `${t(W.pairsIntro(d.challenges.length > 1))}\n${lines.join("\n")}`,
    });
    if (loose.length > 0) paragraph.push({ part: "challenges", text: t(looseText(true)) });
    if (otherSkills.length > 0) paragraph.push({ part: "skills", text: t(W.moreSkills(joinAnd(otherSkills))) });
  } else {
    if (loose.length > 0) paragraph.push({ part: "challenges", text: t(looseText(false)) });
    if (otherSkills.length > 0 && !skillsWithInterest) {
      paragraph.push({ part: "skills", text: t(W.skills(joinAnd(otherSkills))) });
    }
  }
  return paragraph;
}

/**
 * Each fumbled question: the opening names it, the answer comes first, then the example.
 * A long example is cut to its first and last sentences when they fit (`shortened` holds
 * which, for `omitted`), else left out; put back on request, it is written whole.
 */
function questionParagraphs(
  { d, t }: Reading,
  include: ReadonlySet<LetterPart>,
): { paragraphs: Paragraph[]; shortened: Set<number> } {
  const shortened = new Set<number>();
  const paragraphs = d.questions.map((q, i): Paragraph => {
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
  return { paragraphs, shortened };
}

/** Work samples, references and the 60-day plan: one paragraph each, empty when there is none. */
function offeredParagraphs({ d, t }: Reading): [samples: Paragraph, references: Paragraph, plan: Paragraph] {
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
  return [samples, references, plan];
}

/** The ask: another conversation, and the promise to follow up after the decision date. */
function askParagraph({ d, t }: Reading): Paragraph {
  const followUp = d.interview.decisionDate
    ? t(
        W.followUpAfterDecision(
          dayLabel(d.interview.decisionDate),
          dayLabel(followUpPlan(d, new Date(`${d.interview.date}T12:00:00Z`)).from),
        ),
      )
    : t(W.followUp);
  return [{ text: t(W.ask(howToTalkAgain(d))) }, { text: followUp }];
}

/** The indexes of the questions after the first. */
const laterQuestions = (d: DebriefInput) => d.questions.map((_, i) => i).slice(1);

/** What the short note leaves out: all but thanks, interest, the one best re-answer (or challenges) and the ask. */
function shortNoteDrops({ d, situation, pairs }: Reading): LetterPart[] {
  return [
    ...(situation && COURTESY.has(situation) ? [] : (["offDay"] as const)),
    ...(d.questions.length > 0 ? (["pairs", "challenges", "skills"] as const) : []),
    ...(d.questions.length === 0 && pairs.length > 0 ? (["challenges", "skills"] as const) : []),
    ...laterQuestions(d).flatMap((i) => [`question.${i}` as const, `example.${i}` as const]),
    "samples",
    "references",
    "plan",
  ];
}

/** The order in which parts go while the letter is over its word budget. */
function budgetOrder(d: DebriefInput, length: LetterLength): LetterPart[] {
  if (length === "short") return ["example.0", "pairs", "challenges", "skills", "offDay", "question.0"];
  return [
    "references",
    "samples",
    "plan",
    "skills",
    "challenges",
    ...laterQuestions(d)
      .reverse()
      .flatMap((i) => [`example.${i}` as const, `question.${i}` as const]),
    "pairs",
    "example.0",
    "offDay",
    "question.0",
  ];
}

/** The paragraphs as text without what went; a shortened example is still written (its middle is what went). */
function render(paragraphs: Paragraph[], omitted: Omitted[], shortened: ReadonlySet<number>): string[] {
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
}

/**
 * The body within its budget. What goes: first what the length leaves out, then long
 * examples, then parts in the budget's order until the words fit.
 */
function fitToBudget(
  r: Reading,
  paragraphs: Paragraph[],
  { length, include, shortened }: { length: LetterLength; include: ReadonlySet<LetterPart>; shortened: Set<number> },
): { body: string[]; omitted: Omitted[] } {
  const { d } = r;
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
  if (length === "short") for (const p of shortNoteDrops(r)) drop(p, "short");
  d.questions.forEach((q, i) => {
    if (!isLongExample(q.example) || include.has(`example.${i}`) || omitted.some((o) => o.part === `example.${i}`))
      return;
    if (shortened.has(i)) {
      const label = W.parts.exampleMiddle(quoted(q.question));
      omitted.push({ part: `example.${i}`, label, reason: "long-example", why: W.why.shortened });
    } else drop(`example.${i}`, "long-example");
  });
  let body = render(paragraphs, omitted, shortened);
  for (const part of budgetOrder(d, length)) {
    if (wordCount(body.join(" ")) <= WORD_BUDGET[length]) break;
    drop(part, "budget");
    body = render(paragraphs, omitted, shortened);
  }
  return { body, omitted };
}

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
  const r = readDebrief(d);
  const length = options.length ?? d.length ?? DEFAULT_LENGTH;
  const include = new Set<LetterPart>(options.include ?? []);
  const questions = questionParagraphs(r, include);
  const paragraphs: Paragraph[] = [
    openingParagraph(r),
    challengeParagraph(r),
    ...questions.paragraphs,
    ...offeredParagraphs(r),
    askParagraph(r),
  ];
  const { body, omitted } = fitToBudget(r, paragraphs, { length, include, shortened: questions.shortened });
  const { role, company, interviewer } = d.interview;
  const salutation = salutationFor(interviewer);
  return {
    subject: capitaliseFirst(r.t(W.subject(role, company))),
    greeting: r.t(W.greeting(salutation)),
    salutation,
    paragraphs: body,
    closing: r.t(W.closing),
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

export function letterAsText(letter: Letter): string {
  return [letter.greeting, ...letter.paragraphs, `${letter.closing}\n${letter.signature}`].join("\n\n");
}
