/**
 * The drafted recovery letter: which parts it has, in which order, and what it leaves out
 * to keep within its word budget. How typed words sit in its sentences is phrasing.ts; the
 * lines that own what went wrong and the way it asks to talk again, what-happened.ts; which
 * challenge is answered by what, answers.ts.
 */
import {
  challengeParts,
  DEFAULT_LENGTH,
  type DebriefInput,
  type LetterLength,
  type WhatHappened,
} from "../debrief/schema";
import { tidyDebrief } from "../debrief/tidy";
import { type Answer, joinChallenges } from "./answers";
import { type ByTone, wordsFor } from "./i18n";
import {
  afterColon,
  answerText,
  exampleExcerpt,
  exampleText,
  inlineList,
  isLongExample,
  midSentence,
  relationPhrase,
  sampleName,
  startsAsOwnSentence,
} from "./phrasing";
import { salutationFor } from "./salutation";
import { capitaliseFirst, clause, joinAnd, quoted, wordCount } from "./text";
import { dayLabel, followUpPlan } from "./timing";
import { askWording, bluntQuestion, offDaySituation, offDayWording, ownsBluntAnswer } from "./what-happened";

const W = wordsFor("en").letter;

/** Word budgets of the letter's body (the paragraphs; not the greeting, closing or signature). */
export const WORD_BUDGET: Record<LetterLength, number> = { short: 150, full: 300 };

/**
 * A part of the letter the composer can leave out, and the candidate can put back (all but
 * an unanswered challenge, which only a skill linked to it brings in). The lines that own
 * what went wrong are not parts: no length leaves them out.
 */
export type LetterPart =
  | "pairs"
  | "skills"
  | "samples"
  | "references"
  | "plan"
  | "planDetail"
  | `question.${number}`
  | `example.${number}`
  | `challenge.${number}`;

export type Omitted = {
  part: LetterPart;
  /** What it is, for the candidate page: "your references". */
  label: string;
  /** "unanswered": a challenge nothing in the debrief answers, which the letter never writes alone. */
  reason: "short" | "budget" | "long-example" | "unanswered";
  /** Why, in a phrase: "to keep the letter under 300 words". */
  why: string;
};

export type Letter = {
  subject: string;
  /** The salutation line, e.g. "Dear Dr. O'Connor,". */
  greeting: string;
  /** Who the greeting addresses, e.g. "Dr. O'Connor": shown on the page so the candidate can change it. */
  salutation: string;
  /** Paragraphs in order, each of sentences. */
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

/**
 * A sentence of the letter. `part`: what it belongs to (it goes when that part goes);
 * `unless`: written only when that part went (it stands in for it); `needs`: written only
 * while that part is in the letter.
 */
type Block = {
  part?: LetterPart;
  unless?: LetterPart;
  needs?: LetterPart;
  text: string;
};
type Paragraph = Block[];

/** The tidied debrief as the composer reads it. */
type Reading = {
  d: DebriefInput;
  /** A wording in the letter's tone. */
  t: (w: ByTone) => string;
  /** What the opening's off-day sentence owns, if anything. */
  situation: WhatHappened | undefined;
  /** The question a blunt answer was given to, when the letter apologises beside its better answer. */
  blunt: number | undefined;
  /** The question the short note keeps: the blunt one, else the first. */
  main: number;
  /** Questions whose answer or example carries proof: kept longest within the budget. */
  proof: Set<number>;
  /** Challenges with what answers them; those answered by a better answer are said beside it. */
  joined: { topic: string; answer: Answer }[];
  /** Challenges nothing answers, by index. */
  unanswered: number[];
  /** Skills that answer no challenge. */
  otherSkills: string[];
  /** Plan points that answer no challenge (those that do are said beside it). */
  planLeft: string[];
  /** After illness or leaving early the letter says first that the candidate still wants the job. */
  /** Without a challenge joined in a list, the other skills go into the interest sentence. */
  skillsWithInterest: boolean;
};

const listed = (a: Answer) => a.kind !== "question";

function readDebrief(d: DebriefInput, typed: DebriefInput): Reading {
  const situation = offDaySituation(d);
  const { joined, unanswered, unsaid } = joinChallenges(d);
  const usedSkills = new Set(joined.flatMap((j) => (j.answer.kind === "skill" ? [j.answer.skill.toLowerCase()] : [])));
  const usedPoints = new Set(joined.flatMap((j) => (j.answer.kind === "plan" ? [j.answer.point] : [])));
  // A skill linked to a challenge with no topic to name is said with the others.
  const unsaidSkills = unsaid.flatMap((i) => challengeParts(d.challenges[i] ?? "").skill ?? []);
  const otherSkills = [...new Set([...d.skills, ...unsaidSkills])].filter((s) => !usedSkills.has(s.toLowerCase()));
  const blunt = bluntQuestion(d);
  return {
    d,
    t: (w) => w[d.tone],
    situation,
    blunt,
    main: blunt ?? 0,
    proof: proofQuestions(d, typed),
    joined,
    unanswered,
    otherSkills,
    planLeft: d.plan.filter((_, i) => !usedPoints.has(i)),
    skillsWithInterest: !joined.some((j) => listed(j.answer)) && otherSkills.length > 0,
  };
}

/**
 * Opening: thanks whatever happened (advisers put them first), the off day, interest.
 * A blunt answer's apology stands here only while the question it was given to is not in
 * the letter. Without a challenge joined in a list, the other skills go into the interest
 * sentence ("I would love to bring my skills in…"), rather than stand alone.
 */
function openingParagraph(r: Reading): Paragraph {
  const { d, t, situation, otherSkills, skillsWithInterest, blunt } = r;
  const { role, company } = d.interview;
  const nothingToSay =
    d.questions.length === 0 && d.challenges.length === 0 && d.skills.length === 0 && d.samples.length === 0;
  const owning: Paragraph = [];
  if (situation) owning.push({ text: t(offDayWording(situation, d)) });
  if (ownsBluntAnswer(d)) {
    owning.push(
      blunt === undefined
        ? { text: t(W.offDay.too_blunt) }
        : { unless: `question.${blunt}`, text: t(W.offDay.too_blunt) },
    );
  }
  const interest: Paragraph = skillsWithInterest
    ? [
        { part: "skills", text: t(W.interestWithSkills(joinAnd(otherSkills))) },
        { unless: "skills", text: t(W.interest) },
      ]
    : [{ text: t(nothingToSay ? W.interestOnly : W.interest) }];
  return [{ text: t(W.thanks(role, company)) }, ...owning, ...interest];
}

/**
 * One sentence: a challenge's topic and what answers it (a skill, a plan point or a work
 * sample); `line` counts the sentences of its kind, so that two in a row are worded differently.
 */
function pairSentence(r: Reading, topic: string, answer: Answer, line: number): Block {
  const { d, t } = r;
  if (answer.kind === "plan") {
    return { part: "pairs", text: t(W.pairPlan(topic, midSentence(d, clause(d.plan[answer.point] ?? "")), line)) };
  }
  if (answer.kind === "sample") {
    const name = sampleName(d, d.samples[answer.sample]?.title ?? "");
    return { part: "pairs", needs: "samples", text: t(W.pairSample(topic, name)) };
  }
  return { part: "pairs", text: t(W.pair(topic, answer.kind === "skill" ? answer.skill : "", line)) };
}

/** Challenges with what answers them, a sentence each; then the skills that answer none. */
function challengeParagraph(r: Reading): Paragraph {
  const { t, joined, otherSkills, skillsWithInterest } = r;
  const linesOfKind = new Map<Answer["kind"], number>();
  const lines = joined
    .filter((j) => listed(j.answer))
    .map((j) => {
      const line = linesOfKind.get(j.answer.kind) ?? 0;
      linesOfKind.set(j.answer.kind, line + 1);
      return pairSentence(r, j.topic, j.answer, line);
    });
  if (lines.length > 0) {
    return [
      ...lines,
      ...(otherSkills.length > 0 ? [{ part: "skills" as const, text: t(W.moreSkills(joinAnd(otherSkills))) }] : []),
    ];
  }
  return otherSkills.length > 0 && !skillsWithInterest
    ? [{ part: "skills", text: t(W.skills(joinAnd(otherSkills))) }]
    : [];
}

/**
 * Each fumbled question: the opening names it (with the apology, for the blunt one), the
 * answer comes first, then the example, then any challenge the answer also meets. A long
 * example is cut to its first and last sentences when they fit (`shortened` holds which,
 * for `omitted`), else left out; put back on request, it is written whole.
 */
function questionParagraphs(
  r: Reading,
  include: ReadonlySet<LetterPart>,
): { paragraphs: Paragraph[]; shortened: Set<number> } {
  const { d, t, blunt, joined } = r;
  const shortened = new Set<number>();
  const paragraphs = d.questions.map((q, i): Paragraph => {
    const question = quoted(q.question);
    const answer = answerText(q.betterAnswer);
    const colon = !startsAsOwnSentence(answer);
    const opening =
      i === blunt
        ? W.tooBlunt(question, colon)
        : i === 0
          ? W.reanswer(question, colon)
          : W.reanswerMore(question, i, colon);
    const blocks: Paragraph = [
      { part: `question.${i}`, text: t(opening) },
      { part: `question.${i}`, text: afterColon(answer, colon) },
    ];
    if (q.example) {
      const excerpt = isLongExample(q.example) && !include.has(`example.${i}`) ? exampleExcerpt(q.example) : undefined;
      if (excerpt) shortened.add(i);
      blocks.push({ part: `example.${i}`, text: exampleText(d, excerpt ?? q.example) });
    }
    for (const j of joined) {
      if (j.answer.kind === "question" && j.answer.question === i) {
        blocks.push({ part: `question.${i}`, text: t(W.sameApproach(j.topic)) });
      }
    }
    return blocks;
  });
  return { paragraphs, shortened };
}

/** Work samples and references as sentences, and the 60-day plan: one paragraph each, empty when there is none. */
function offeredParagraphs(r: Reading): [samples: Paragraph, references: Paragraph, plan: Paragraph] {
  const { d, t, planLeft } = r;
  const items = d.samples.map((s, i) => {
    const name = sampleName(d, s.title);
    const at = i === 0 ? W.sampleAt(name, s.url) : W.sampleAlsoAt(name, s.url);
    return s.note ? `${at} (${clause(midSentence(d, s.note))})` : at;
  });
  const samples: Paragraph = items.length
    ? [{ part: "samples", text: t(W.samples(inlineList(items), items.length > 1)) }]
    : [];
  const references: Paragraph = d.references.map((ref, i) => ({
    part: "references",
    text: t(W.reference(ref.name, relationPhrase(d, clause(ref.relation)), clause(ref.contact), i === 0)),
  }));
  const plan: Paragraph = d.plan.length
    ? [
        { part: "plan", text: t(W.plan) },
        ...(planLeft.length > 0
          ? [
              {
                part: "planDetail" as const,
                needs: "plan" as const,
                text: t(W.planDetail(inlineList(planLeft.map((p) => midSentence(d, p))))),
              },
            ]
          : []),
      ]
    : [];
  return [samples, references, plan];
}

/** The ask: another conversation (to finish it, after leaving early), and the promise to follow up. */
function askParagraph({ d, t }: Reading): Paragraph {
  const followUp = d.interview.decisionDate
    ? t(
        W.followUpAfterDecision(
          dayLabel(d.interview.decisionDate),
          dayLabel(followUpPlan(d, new Date(`${d.interview.date}T12:00:00Z`)).from),
        ),
      )
    : t(W.followUp);
  return [{ text: t(askWording(d)) }, { text: followUp }];
}

/** The questions other than the one the short note keeps, in order. */
const otherQuestions = ({ d, main }: Reading) => d.questions.map((_, i) => i).filter((i) => i !== main);
const reanswer = (i: number): LetterPart[] => [`example.${i}`, `question.${i}`];

/** What the short note leaves out: all but thanks, interest, the one best re-answer (or challenges) and the ask. */
function shortNoteDrops(r: Reading): LetterPart[] {
  const { d } = r;
  return [
    ...(d.questions.length > 0 ? (["pairs", "skills"] as const) : (["skills"] as const)),
    ...otherQuestions(r).flatMap(reanswer),
    "samples",
    "references",
    "plan",
  ];
}

/** A number, a count in words or a multiple: what makes an answer or an example evidence. */
const FIGURE =
  /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|half|twice|double|tripled?|doubled|halved)\b/iu;
/** The candidate's note that the interview ended before a question was answered. */
const NEVER_ASKED =
  /\b(?:never|didn['’]?t|did not|couldn['’]?t|could not)\s+(?:got?|had|have|get)\s+(?:the\s+|a\s+)?(?:chance|time)?\s*(?:to\s+)?answer|\bran out of time\b|\bleft before\b/iu;

/**
 * Which questions carry the strongest proof, kept longest: an answer or example with a
 * figure ("from 38% to 21%", "9 of 12 teachers"), or one the candidate never got to give
 * in the interview (its typed answer is the only one the interviewer will have).
 */
function proofQuestions(d: DebriefInput, typed: DebriefInput): Set<number> {
  return new Set(
    d.questions.flatMap((q, i) => {
      const asTyped = typed.questions[i]?.betterAnswer ?? "";
      return FIGURE.test(`${q.betterAnswer} ${q.example ?? ""}`) || NEVER_ASKED.test(asTyped) ? [i] : [];
    }),
  );
}

/**
 * The order in which parts go while the letter is over its word budget. The full letter
 * first shortens (re-answers after the second, the plan's points, the skills said with
 * the interest), then drops the challenges and the plan, then answers and examples
 * without proof, and only then those with proof (a figure, or a question never reached),
 * the references and the samples: the strongest evidence outlasts the challenges.
 */
function budgetOrder(r: Reading, length: LetterLength): LetterPart[] {
  const { main, proof } = r;
  const withProof = (i: number) => proof.has(i);
  if (length === "short") {
    return withProof(main)
      ? ["skills", "pairs", `example.${main}`, `question.${main}`]
      : [`example.${main}`, "pairs", "skills", `question.${main}`];
  }
  const others = otherQuestions(r);
  const [second, ...later] = others;
  const weak = (i: number | undefined) => (i === undefined || withProof(i) ? [] : reanswer(i));
  const strong = (i: number | undefined) => (i === undefined || !withProof(i) ? [] : reanswer(i));
  return [
    ...[...later].reverse().flatMap(weak),
    "planDetail",
    "skills",
    "pairs",
    "plan",
    ...weak(second),
    ...(withProof(main) ? [] : [`example.${main}` as const]),
    ...[...later].reverse().flatMap(strong),
    ...strong(second),
    "references",
    "samples",
    ...(withProof(main) ? [`example.${main}` as const] : []),
    `question.${main}`,
  ];
}

/** The paragraphs as text without what went; a shortened example is still written (its middle is what went). */
function render(paragraphs: Paragraph[], omitted: Omitted[], shortened: ReadonlySet<number>): string[] {
  const present = new Set(paragraphs.flat().flatMap((b) => (b.part ? [b.part] : [])));
  const gone = new Set(
    omitted.filter((o) => !shortened.has(Number(/^example\.(\d+)$/.exec(o.part)?.[1] ?? -1))).map((o) => o.part),
  );
  const shown = (b: Block) =>
    (!b.part || !gone.has(b.part)) &&
    (!b.unless || gone.has(b.unless)) &&
    (!b.needs || (present.has(b.needs) && !gone.has(b.needs)));
  return paragraphs
    .map((p) =>
      p
        .filter(shown)
        .map((b) => b.text)
        .join(" "),
    )
    .filter((p) => p.length > 0);
}

/**
 * The body within its budget. What goes: first what the length leaves out, then long
 * examples, then parts in the budget's order until the words fit. Challenges nothing
 * answers are never written, and listed first.
 */
function fitToBudget(
  r: Reading,
  paragraphs: Paragraph[],
  { length, include, shortened }: { length: LetterLength; include: ReadonlySet<LetterPart>; shortened: Set<number> },
): { body: string[]; omitted: Omitted[] } {
  const { d } = r;
  const omitted: Omitted[] = r.unanswered.map((i) => ({
    part: `challenge.${i}`,
    label: partLabel(d, `challenge.${i}`),
    reason: "unanswered",
    why: whyLabel("unanswered", length),
  }));
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
  for (const part of budgetOrder(r, length)) {
    if (wordCount(body.join(" ")) <= WORD_BUDGET[length]) break;
    drop(part, "budget");
    body = render(paragraphs, omitted, shortened);
  }
  return { body, omitted };
}

/**
 * The drafted recovery letter, deterministic and built only from the (tidied) debrief.
 * The parts come in the order career advisers recommend, each only when its inputs
 * exist; the tone changes the wording, the length the content. The lines that own what
 * went wrong (the off day, a blunt answer, leaving early) are in every letter; a challenge
 * is written only beside what answers it. Over the word budget, parts go in this order
 * until it fits, and are reported in `omitted`:
 *   full:  re-answers after the second without proof (the last first), the plan's points,
 *          the skills said with the interest, the challenges, the whole plan, the second
 *          re-answer and the first example without proof, then the re-answers with proof (a
 *          figure, or a question the interview never reached), the references, the samples,
 *          and last the first re-answer;
 *   short: holds thanks, interest, the one best re-answer (the blunt one, else the first;
 *          the challenges when there is no question) and the ask; over 150 words it drops
 *          the example (last, when it carries proof), the challenges, then the re-answer.
 * An example longer than LONG_EXAMPLE_CHARS is always shortened or left out unless put back.
 */
export function composeLetter(input: DebriefInput, options: LetterOptions = {}): Letter {
  const d = tidyDebrief(input);
  const r = readDebrief(d, input);
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
  const salutation = salutationFor(interviewer, d.tone);
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
  const m = /^(question|example|challenge)\.(\d+)$/.exec(part);
  if (m?.[1] === "challenge") {
    const c = d.challenges[Number(m[2])];
    return W.parts.challenge(clause(typeof c === "string" ? c : (c?.text ?? "")));
  }
  if (m) {
    const q = quoted(d.questions[Number(m[2])]?.question ?? "");
    return m[1] === "question" ? W.parts.question(q) : W.parts.example(q);
  }
  return W.parts[part as Exclude<keyof typeof W.parts, "question" | "example" | "exampleMiddle" | "challenge">];
}

function whyLabel(reason: Omitted["reason"], length: LetterLength): string {
  if (reason === "short") return W.why.short;
  if (reason === "long-example") return W.why.longExample;
  if (reason === "unanswered") return W.why.unanswered;
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

/**
 * What the candidate page (`onPage`) and the letter email say about what the letter left
 * out, one sentence each: the parts the candidate can put back, then the challenges
 * nothing in the debrief answers.
 */
export function leftOutSentences(omitted: readonly Omitted[], onPage: boolean): string[] {
  const parts = omitted.filter((o) => o.reason !== "unanswered");
  const unanswered = omitted.filter((o) => o.reason === "unanswered");
  return [
    ...(parts.length > 0 ? [W.leftOut.parts(parts.map((o) => `${o.label} (${o.why})`).join("; "), onPage)] : []),
    ...(unanswered.length > 0
      ? [W.leftOut.unanswered(unanswered.map((o) => o.label).join("; "), unanswered.length > 1, onPage)]
      : []),
  ];
}

export function letterAsText(letter: Letter): string {
  return [letter.greeting, ...letter.paragraphs, `${letter.closing}\n${letter.signature}`].join("\n\n");
}
