/**
 * How the candidate's typed words are placed inside the letter's sentences: an answer
 * without its "I should have said", a phrase in lower case mid-sentence, a list inside a
 * sentence, an example introduced or shortened. Nothing here chooses what the letter says.
 */
import type { DebriefInput } from "../debrief/schema";
import { wordsFor } from "./i18n";
import { LONG_EXAMPLE_CHARS } from "./letter-limits";
import { capitaliseFirst, joinAnd, sentence, wordCount } from "./text";

const W = wordsFor("en").letter;

/** The candidate's own lead-ins to an answer, which the letter's opening already says. */
const ANSWER_LEAD_IN =
  /^(?:what\s+i\s+(?:should|meant\s+to|wanted\s+to)\s+(?:have\s+)?(?:said|say)\s+(?:is|was)|i\s+should\s+have\s+(?:said|mentioned|explained|answered|told\s+you)|i\s+(?:meant|wanted)\s+to\s+say|i\s+wish\s+i\s+had\s+said|my\s+(?:better|fuller|real)\s+answer\s+(?:is|would\s+be))(?:\s+that)?[\s,:;-]+/iu;

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
export function startsAsOwnSentence(answer: string): boolean {
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
export function afterColon(answer: string, colon: boolean): string {
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

/** An example as the letter writes it: a sentence, led by "For example," where that reads right. */
export function exampleText(d: DebriefInput, example: string): string {
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

/** Whether an example is long enough for the form and the page to suggest shortening it. */
export function isLongExample(example: string | undefined): boolean {
  return (example?.trim().length ?? 0) > LONG_EXAMPLE_CHARS;
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
export function inlineList(items: string[]): string {
  if (items.some((i) => i.includes(","))) {
    return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join("; ")}; and ${items.at(-1)}`;
  }
  return joinAnd(items);
}

/** Words that keep their capital inside a sentence: languages, nationalities, days and months. */
const PROPER =
  /^(?:\p{Lu}\p{Ll}+(?:ese|ish|ian|ean)|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|English|French|Dutch|Greek|Thai|German|European|American|African|Asian)$/u;

/**
 * A typed phrase that starts a line ("Deploys take 90 minutes") placed inside a sentence:
 * its first letter lower case, unless the word is a name used elsewhere in the debrief or
 * looks like a proper noun. Only the first letter's case changes.
 */
export function midSentence(d: DebriefInput, phrase: string): string {
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
export function planPoints(d: DebriefInput): string {
  return inlineList(d.plan.map((p) => midSentence(d, p)));
}
