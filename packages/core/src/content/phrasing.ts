/**
 * How the candidate's typed words are placed inside the letter's sentences: an answer
 * without its "I should have said", a phrase in lower case mid-sentence, a list inside a
 * sentence, an example introduced or shortened. Nothing here chooses what the letter says.
 */
import nlp from "compromise";
import type { DebriefInput } from "../debrief/schema";
import { firstWord } from "../debrief/tidy/tagger";
import { wordsFor } from "./i18n";
import { LONG_EXAMPLE_CHARS } from "./letter-limits";
import { capitaliseFirst, indefiniteArticle, joinAnd, sentence, wordCount } from "./text";

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

/**
 * An example that names where, then says what was done without "I" ("At Harbour Freight
 * cut empty miles by 18%"): "I" goes before the verb. Undefined when it has its subject.
 */
function withSubject(text: string): string | undefined {
  const m = /^((?:At|In|During|With)\s+(?:(?!I\b)\p{Lu}[\p{L}\p{N}&'’.-]*\s+)+)(\p{Ll}.*)$/u.exec(text);
  if (!m?.[1] || !m[2] || firstWord(m[2]) === "other") return undefined;
  // A subject a few words on ("At Morava wind I took over …"): the place ran on in lower case.
  if (/\b(?:I|we|he|she|they)\b/u.test(m[2].split(/\s+/u).slice(0, 4).join(" "))) return undefined;
  return `${m[1].trimEnd()}, I ${m[2]}`;
}

/** Words that start a clause with its own subject or as a place or time: never a noun phrase alone. */
const CLAUSE_START =
  /^(?:I|I['’]\p{L}+|we|he|she|they|it|my\s+team|our\s+team|at|in|on|during|when|while|after|before|once|since|for|with|by|as|if|because)\b/iu;

/**
 * Whether an example is a phrase without a verb, with its result after a dash or a comma
 * ("Clinic booking redesign - completion up to 95%", "School hall and classrooms, $12m").
 */
function isFragment(text: string): boolean {
  const parts = /^(.+?)(?:\s+[-–—]+\s+|,\s+(?=[$£€\d]))(.+)$/u.exec(text.split(/(?<=[.!?])\s/u)[0] ?? text);
  const head = parts?.[1];
  if (!head || head.split(/\s+/u).length < 2 || CLAUSE_START.test(head)) return false;
  return !nlp(head).has("#PastTense") && !nlp(head).has("#Pronoun");
}

/** An example as the letter writes it: a sentence, led by "For example," where that reads right. */
export function exampleText(d: DebriefInput, example: string): string {
  const typed = sentence(example);
  if (/^(?:for (?:example|instance)|in one case|once)\b/iu.test(typed)) return typed;
  const text = withSubject(typed) ?? typed;
  if (isFragment(text)) {
    // A dash between a phrase and its result reads as a comma in a sentence.
    return W.exampleFromWork(afterColon(text.replace(/\s+[-–—]+\s+/gu, ", "), true))[d.tone];
  }
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
 * its first letter lower case, unless the word is a name used elsewhere in the debrief (or
 * typed with its capital inside a sentence) or looks like a proper noun. Only the first
 * letter's case changes.
 */
export function midSentence(d: DebriefInput, phrase: string): string {
  // The first word: a capital and lower-case letters ("Deploys", "A"), or the first part
  // of a hyphenated word whose next part is lower case ("Re-baseline").
  const first = /^(\p{Lu}\p{Ll}*)(?=$|[\s,;:]|-\p{Ll})/u.exec(phrase)?.[1];
  if (!first || first === "I" || PROPER.test(first)) return phrase;
  const names = [d.interview.company, d.interview.interviewer.name, d.candidate.name, ...d.skills].join(" ");
  if (new RegExp(`(?:^|[^\\p{L}])${first}(?:$|[^\\p{L}])`, "u").test(names)) return phrase;
  // A word the candidate also typed with its capital inside a sentence is a name ("at Lakeside Clinic").
  if (new RegExp(`(?<!\\p{L})\\p{Ll}[\\p{L}'’-]*[,;]? ${first}(?!\\p{L})`, "u").test(typedText(d))) return phrase;
  return first.toLowerCase() + phrase.slice(first.length);
}

/** Everything the candidate wrote in sentences and phrases, to see how they capitalise a word. */
function typedText(d: DebriefInput): string {
  return [
    ...d.questions.flatMap((q) => [q.betterAnswer, q.example ?? ""]),
    ...d.samples.flatMap((s) => [s.title, s.note ?? ""]),
    ...d.references.map((r) => r.relation),
    ...d.plan,
    ...d.challenges.map((c) => (typeof c === "string" ? c : c.text)),
  ].join("\n");
}

/** The most words a work sample's title keeps in the letter. */
export const TITLE_MAX_WORDS = 12;
/** Words a shortened title never ends on: they promise more words after them. */
const DANGLING =
  /^(?:a|an|the|and|or|but|of|on|in|at|to|for|with|by|from|into|about|as|my|our|your|their|its|it|using|via|what|how|which|that|who|where|when|is|are|was|were)$/iu;

/**
 * A work sample's title of at most TITLE_MAX_WORDS words: a longer one is cut at the end of
 * its first part ("Carrier scorecard: how…" → "Carrier scorecard") when that part has two
 * words or more, else after its twelfth word, never on a word that promises more.
 */
export function shortTitle(title: string): string {
  const words = title.split(/\s+/).filter(Boolean);
  if (words.length <= TITLE_MAX_WORDS) return title;
  const head = /^(.+?)\s*(?::|\s[-–—]\s|[(;,])/u.exec(title)?.[1]?.trim();
  const headWords = head?.split(/\s+/).length ?? 0;
  if (head && headWords >= 2 && headWords <= TITLE_MAX_WORDS) return head;
  const kept = words.slice(0, TITLE_MAX_WORDS);
  while (kept.length > 1 && DANGLING.test(kept.at(-1)?.replace(/[\p{P}]+$/u, "") ?? "")) kept.pop();
  return `${kept.join(" ").replace(/[\s\p{P}]+$/u, "")}…`;
}

/** A title written as a title ("Profiling SwiftUI Apps"): two words or more, each long word capitalised. */
function readsAsTitle(title: string): boolean {
  const words = title.split(/\s+/).filter((w) => /\p{L}{4,}/u.test(w));
  return words.length >= 2 && words.every((w) => /^\P{L}*\p{Lu}/u.test(w)) && /\p{Ll}/u.test(title);
}

/** Words that already say whose a thing is, or which one: "my", "the", "a". */
const DETERMINED = /^(?:my|our|a|an|the|this|these|his|her|their)\s/iu;

/**
 * A work sample as the letter names it inside a sentence: a title written as one in
 * quotes ("“Profiling SwiftUI Apps”"), a kind and a title as "my talk “Profiling SwiftUI
 * apps”", any other as the candidate's own ("my MSc dissertation on transport equity");
 * shortened to TITLE_MAX_WORDS words either way.
 */
export function sampleName(d: DebriefInput, title: string): string {
  const short = shortTitle(title);
  if (readsAsTitle(short)) return `“${short}”`;
  // "Talk: profiling SwiftUI apps": a kind of work, then its title.
  const labelled = /^(\p{L}+):\s*(.+)$/u.exec(short);
  if (labelled) return `my ${(labelled[1] ?? "").toLowerCase()} “${capitaliseFirst(labelled[2] ?? "")}”`;
  const phrase = midSentence(d, short);
  // "reference card I made" already says whose it is: "a reference card I made", not "my … I made".
  if (
    /\bI\s+(?:made|built|wrote|designed|created|developed|ran|led|put\s+together|set\s+up)\b/u.test(phrase) &&
    !DETERMINED.test(phrase)
  )
    return `${indefiniteArticle(phrase)} ${phrase}`;
  return DETERMINED.test(phrase) ? phrase : `my ${phrase}`;
}

/**
 * How a reference is related to the candidate, as an apposition after their name:
 * "placement supervisor" → "my placement supervisor"; "my manager at Parcelo" and "a
 * client of mine" as typed, in lower case mid-sentence.
 */
export function relationPhrase(d: DebriefInput, relation: string): string {
  const phrase = midSentence(d, oneRole(relation));
  // "my colleague in my department": the second "my" says it; the first becomes "a".
  if (/^my\s.*\bmy\s/iu.test(phrase)) return phrase.replace(/^my\s/iu, "a ");
  if (DETERMINED.test(phrase)) return phrase;
  // A role that already says whose it is ("medical director of our ICU"), or that is a job rather
  // than a relation to the candidate ("intensivist"), stands alone: "my intensivist" reads as one's doctor.
  if (/\b(?:our|my)\b/iu.test(phrase) || !RELATION.test(phrase.replace(/\s+(?:at|of|for|in|on|from)\s.*$/iu, "")))
    return phrase;
  return `my ${phrase}`;
}

/** Words naming someone by their relation to the candidate: "my manager", "my placement supervisor". */
const RELATION =
  /\b(?:manager|boss|supervisor|mentor|colleague|co-worker|coworker|teammate|peer|lecturer|tutor|professor|teacher|advisor|adviser|coach|lead|director|head|principal|client|customer|employer|report|partner|chair|dean|editor|trainer|sponsor|superior)s?$/iu;

/**
 * One role from a relation typed as alternatives ("intensivist / medical director of our
 * ICU"): the one tied to a place or team (with "of", "at", "for" or "in"), else the one
 * that says "my", else the first.
 */
function oneRole(relation: string): string {
  const roles = relation
    .split(/\s+\/\s+|\s*;\s*/u)
    .map((r) => r.trim())
    .filter(Boolean);
  if (roles.length < 2) return relation;
  return (
    roles.find((r) => /\s(?:of|at|for|in)\s/iu.test(r)) ?? roles.find((r) => /^my\s/iu.test(r)) ?? roles[0] ?? relation
  );
}
