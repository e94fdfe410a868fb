import { challengeParts, type DebriefInput } from "../schema";
import { dropFraming, firstPerson, splitRunOns } from "./answers";
import { dropAsideSpans, dropAsides, type LeftOut } from "./asides";
import { joinLines, stripBullet } from "./bullets";
import { sentenceCase } from "./capitals";
import { type CasingContext, namesTechnology, restoreCasing } from "./casing";
import { restoreApostrophes } from "./contractions";
import { withoutCredentials } from "./credentials";
import { sayTheClause } from "./directions";
import { type KeptAsTyped, keptIn, leftOutIn, type Note } from "./kept";
import {
  collapseSpaces,
  tidyName,
  tidyOrganisation,
  tidyPhrase,
  tidyQuestion,
  tidySalutation,
  tidySentences,
  tidySkill,
} from "./sentences";
import { writeOutShorthand } from "./shorthand";
import { writeOutSlang } from "./slang";
import { correctTypos, dropDoubledWords, joinSplitWords } from "./spelling";
import { addressTheTeam } from "./team";

export { joinLines, stripBullet } from "./bullets";
export { splitCredentials, withoutCredentials } from "./credentials";
export type { KeptAsTyped } from "./kept";
export {
  collapseSpaces,
  looksLikeQuestion,
  tidyName,
  tidyOrganisation,
  tidyPhrase,
  tidyQuestion,
  tidySalutation,
  tidySentences,
  tidySkill,
} from "./sentences";

/**
 * The tidy step: what the candidate typed on a phone, in a hurry, turned into writing
 * they can send as it is, once, before any composer reads it (letter, short note, nudge,
 * tips, pages, .eml, mailto), so every surface shows the same words. Each rule is a module
 * beside this one with its tests; what a rule cannot decide with confidence it leaves as
 * typed and reports, for the candidate to check.
 */
export type Tidied = {
  debrief: DebriefInput;
  /** Words left as typed that the candidate should check before sending; empty for a tidy debrief. */
  kept: KeptAsTyped[];
};

/** Emoji (with their joiners and variation selectors): a letter to an interviewer carries none. */
const EMOJI =
  /\s*(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:[\u200d\ufe0f\u{1f3fb}-\u{1f3ff}]|\p{Extended_Pictographic})*/gu;

/** What the rules need for one typed field: where to report a word kept or left out, and the debrief's context. */
type Field = { note: Note; leftOut: LeftOut; context: CasingContext };

/** The word-level rules every typed text goes through, in order. */
function words(text: string, { note, context }: Field): string {
  const plain = text
    .replace(EMOJI, "")
    // "!!" and "?!" as one mark: one is already emphatic in a letter.
    .replace(/([!?])[!?]+/gu, "$1")
    // A range of numbers takes an en dash ("2021–2024"); a date (2026-11-30) keeps its hyphens.
    .replace(/(?<![\p{N}-])(\p{N}{1,4})-(\p{N}{1,4})(?![\p{N}-])/gu, "$1–$2");
  const spelled = correctTypos(joinSplitWords(dropDoubledWords(writeOutShorthand(plain))));
  const written = restoreApostrophes(writeOutSlang(spelled, note), note);
  return restoreCasing(sentenceCase(written, note), note, context);
}

/**
 * An answer, an example or a sample's note: one paragraph of sentences in the candidate's
 * own voice, without their framing ("I should have said that …") or their asides.
 */
function prose(text: string, f: Field, kind: "answer" | "example"): string {
  const said = splitRunOns(sayTheClause(dropFraming(dropAsides(words(joinLines(text), f), f.leftOut))));
  const s = tidySentences(firstPerson(tidySentences(said, { questions: false }), kind, f.note), { questions: false })
    // An answer to an interviewer states; it does not exclaim.
    .replace(/!(?=["”')]*(?:\s|$))/gu, ".");
  // A sentence ends with its full stop (the last one too): the letter may quote it whole.
  return s && !/[.!?…]["”')]*$/u.test(s) ? `${s.replace(/[\s,;:]+$/u, "")}.` : s;
}

/** A phrase used inside a sentence: a challenge, a skill, a plan point, a sample's title. */
function phrase(text: string, f: Field, { asides = false } = {}): string {
  const typed = words(stripBullet(collapseSpaces(text)), f);
  return tidyPhrase(asides ? dropAsideSpans(typed, f.leftOut) : typed);
}

/** Everything the candidate typed in their own words, read together to know whether the debrief is about technology. */
function typedText(d: DebriefInput): string {
  return [
    d.interview.role,
    ...d.challenges.flatMap((c) => Object.values(challengeParts(c))),
    ...d.questions.flatMap((q) => [q.question, q.betterAnswer, q.example ?? ""]),
    ...d.skills,
    ...d.samples.flatMap((s) => [s.title, s.note ?? ""]),
    ...d.plan,
  ].join("\n");
}

function tidy(d: DebriefInput): Tidied {
  const kept: KeptAsTyped[] = [];
  // Read only when a name that is also a word reads as the name somewhere: most debriefs have none.
  let technical: boolean | undefined;
  const context: CasingContext = {
    get technical() {
      technical ??= namesTechnology(typedText(d));
      return technical;
    },
  };
  const at = (path: string): Field => ({ note: keptIn(path, kept), leftOut: leftOutIn(path, kept), context });
  const opt = <T>(v: T | undefined, f: (v: T) => T) => (v === undefined ? undefined : f(v));
  const { interviewer } = d.interview;
  const debrief: DebriefInput = {
    ...d,
    candidate: { ...d.candidate, name: tidyName(d.candidate.name) },
    interview: {
      ...d.interview,
      company: tidyOrganisation(d.interview.company),
      role: phrase(d.interview.role, at("interview.role")),
      interviewer: {
        ...interviewer,
        // A greeting and every line naming them read the name without its post-nominal letters.
        name: withoutCredentials(tidyName(interviewer.name)),
        // A title keeps its full stop: "Dr." is written as typed.
        title: opt(interviewer.title, collapseSpaces),
        salutation: opt(interviewer.salutation, tidySalutation),
      },
    },
    notes: opt(d.notes, (n) => tidySentences(words(n, at("notes")))),
    challenges: d.challenges.map((c, i) => {
      const { text, skill } = challengeParts(c);
      const field = at(typeof c === "string" ? `challenges.${i}` : `challenges.${i}.text`);
      const tidied = addressTheTeam(phrase(text, field, { asides: true }), field.note);
      if (typeof c === "string") return tidied;
      return skill ? { text: tidied, skill: tidySkill(phrase(skill, at(`challenges.${i}.skill`))) } : tidied;
    }),
    questions: d.questions.map((q, i) => {
      const question = at(`questions.${i}.question`);
      return {
        ...q,
        question: tidyQuestion(dropAsideSpans(words(stripBullet(q.question), question), question.leftOut)),
        betterAnswer: prose(q.betterAnswer, at(`questions.${i}.betterAnswer`), "answer"),
        example: opt(q.example, (e) => prose(e, at(`questions.${i}.example`), "example")),
      };
    }),
    skills: d.skills.map((s, i) => tidySkill(phrase(s, at(`skills.${i}`)))),
    samples: d.samples.map((s, i) => ({
      ...s,
      title: phrase(s.title, at(`samples.${i}.title`)),
      note: opt(s.note, (n) => prose(n, at(`samples.${i}.note`), "example")),
    })),
    references: d.references.map((r, i) => ({
      ...r,
      name: tidyName(r.name),
      relation: phrase(r.relation, at(`references.${i}.relation`)),
    })),
    plan: d.plan.map((p, i) => phrase(p, at(`plan.${i}`), { asides: true })),
  };
  // A word left out is not also kept as typed ("lol" is both a chat word and an aside).
  const gone = kept.filter((k) => k.leftOut);
  return {
    debrief,
    kept: kept.filter(
      (k) => k.leftOut || !gone.some((g) => g.field === k.field && wordsOf(g.word).includes(k.word.toLowerCase())),
    ),
  };
}

const wordsOf = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}'’]+/u);

const cache = new WeakMap<DebriefInput, Tidied>();

/**
 * The debrief tidied, with what was kept as typed. Pure and memoised per object; the
 * tidied debrief maps to itself. Choices from fixed lists, addresses, links and dates
 * pass through as they are.
 */
export function tidied(d: DebriefInput): Tidied {
  const hit = cache.get(d);
  if (hit) return hit;
  const t = tidy(d);
  cache.set(d, t);
  cache.set(t.debrief, t);
  return t;
}

/** The debrief with everything the candidate typed tidied: what every composer reads. */
export function tidyDebrief(d: DebriefInput): DebriefInput {
  return tidied(d).debrief;
}

/**
 * Words the tidy step left as the candidate typed them because it could not decide
 * (a word that may be a brand, a contraction that may be a word, a chat word): the page
 * and the letter email list them as "kept as you typed it — check before sending".
 * Empty for a tidy debrief.
 */
export function keptAsTyped(d: DebriefInput): KeptAsTyped[] {
  return tidied(d).kept;
}
