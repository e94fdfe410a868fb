/**
 * The part-of-speech tagger the tidy step reads sentences with: compromise's full build
 * (chosen over wink-nlp with wink-eng-lite-web-model by packages/bench/src/taggers.ts: as
 * many typed first words read right, a tenth of the bundle). It is imported with the
 * composer, never at the API's cold start (tests/bundle/cold-start.test.ts).
 */
import nlp from "compromise";

export type FirstWord = "instruction" | "past" | "other";

type Term = { text: string; post: string; tags: string[]; offset: { start: number } };

/** Texts read lately: a sentence is read several times (its first word, a noun phrase, a run-on). */
const read = new Map<string, Term[]>();

function terms(text: string): Term[] {
  const hit = read.get(text);
  if (hit) return hit;
  const json = nlp(text).json({ offset: true }) as { terms: Term[] }[];
  const ts = json.flatMap((s) => s.terms);
  if (read.size >= 500) read.clear();
  read.set(text, ts);
  return ts;
}

/**
 * How a sentence's first word reads: an instruction ("Map the data first", "re-run the
 * model"), a verb in the past with its subject left out ("found a bug", "did this"), or
 * anything else (a subject, a noun, "When …"). Read after "I", so that a clause without its
 * subject is tagged as the clause it is.
 */
export function firstWord(sentence: string): FirstWord {
  const s = sentence.replace(/^\p{Lu}(?!\p{Lu})/u, (c) => c.toLowerCase());
  const t = terms(`I ${s}`)[1];
  if (!t) return "other";
  const { tags } = t;
  if (!tags.includes("Verb") || tags.includes("Auxiliary") || tags.includes("Modal") || tags.includes("Copula")) {
    return "other";
  }
  if (
    tags.includes("Gerund") ||
    (tags.includes("PresentTense") && /s$/u.test(t.text) && !tags.includes("Infinitive"))
  ) {
    return "other";
  }
  return tags.includes("PastTense") ? "past" : "instruction";
}

/** Whether a sentence's first word can be a verb's base form ("coach", "review"): read after "to". */
export function mayBeInstruction(sentence: string): boolean {
  // The whole word with its apostrophe: "don't" is no "don".
  const word = /^[\p{L}'’-]+/u.exec(sentence.toLowerCase())?.[0];
  if (!word || /['’]/u.test(word)) return false;
  const t = terms(`to ${word}`)[1];
  return Boolean(t?.tags.includes("Infinitive"));
}

/**
 * Whether a sentence opens with a describing word and a noun ("Short answer, then …", "Quick
 * win first", "Weekly check-ins with each lead"): a noun phrase, which "I would" before it
 * would break ("I would short answer").
 */
export function opensWithNounPhrase(sentence: string): boolean {
  const m = /^([\p{L}'’-]+)\s+([\p{L}'’-]+)/u.exec(sentence.toLowerCase());
  if (!m) return false;
  const [, first, second] = m;
  const [, a, b] = terms(`the ${first} ${second}`);
  return Boolean(
    a?.tags.includes("Adjective") &&
      !a.tags.includes("Verb") &&
      b?.tags.includes("Noun") &&
      !b.tags.includes("Pronoun"),
  );
}

/** Pronouns a relative clause without "that" follows: "anything I see", "everything we did". */
const INDEFINITE = /^(?:anything|everything|something|nothing|all|whatever|whichever|one|ones)$/iu;

/** A sentence of this many words or more without a full stop is read as a run-on. */
const RUN_ON_WORDS = 25;

/**
 * Where a run-on sentence starts a new clause with its own subject and no punctuation
 * ("… for a local bank we split the work by segment i ran the check-ins …"): the character
 * offset of each "I", "we", "he", "she" or "they" that follows a noun, comes before a verb,
 * and ends a stretch that already has a verb of its own (so "the report I wrote" stays).
 */
/** Whether the verb at `at` (after its auxiliaries) has an object: a noun phrase, a number, a pronoun. */
function hasObject(ts: Term[], at: number): boolean {
  let i = at;
  while (
    ts[i] &&
    (ts[i]?.tags.includes("Auxiliary") || ts[i]?.tags.includes("Modal") || ts[i]?.tags.includes("Negative"))
  ) {
    i++;
  }
  const verb = ts[i];
  const next = ts[i + 1];
  if (!verb || !next || /[,;:.!?(—–-]/u.test(verb.post)) return false;
  return (
    ["Determiner", "Noun", "Pronoun", "Value", "Adjective", "Possessive", "Adverb"].some((t) =>
      next.tags.includes(t),
    ) && !next.tags.includes("Preposition")
  );
}

export function runOnStarts(sentence: string): number[] {
  const ts = terms(sentence);
  if (ts.length < RUN_ON_WORDS) return [];
  const starts: number[] = [];
  let from = 0;
  ts.forEach((t, i) => {
    const prev = ts[i - 1];
    const next = ts[i + 1];
    if (i - from < 4 || !prev || !next || /[,;:.!?(—–-]/u.test(prev.post)) return;
    if (!/^(?:i|we|he|she|they)$/iu.test(t.text)) return;
    const prevNoun = prev.tags.includes("Noun") && !prev.tags.includes("Pronoun");
    const nextVerb = next.tags.includes("Verb") && !next.tags.includes("Gerund");
    const stretchHasVerb = ts.slice(from, i).some((x) => x.tags.includes("Verb"));
    // "the process she had seen", "anything I see out of …": a clause that continues the noun
    // before it, its verb without an object of its own.
    const relative = INDEFINITE.test(prev.text) || !hasObject(ts, i + 1);
    if (prevNoun && nextVerb && stretchHasVerb && !relative) {
      starts.push(t.offset.start);
      from = i;
    }
  });
  return starts;
}
