import { isTopicDirection, TOPIC_SUGGESTION } from "./directions";
import { type Note, unnoted } from "./kept";
import { isEnglish } from "./lexicon";
import { mayBeInstruction, opensWithNounPhrase, runOnStarts, firstWord as taggedFirstWord } from "./tagger";
import { splitSentences } from "./words";

/**
 * An answer as the candidate would say it to the interviewer, not as they noted it for
 * themselves: without "I should have said that …", in the first person where it was typed
 * as instructions ("Map the data first" → "I would map the data first") or as a fragment
 * without a subject ("found a bug" → "I found a bug"), and a run-on sentence cut where a
 * new subject starts.
 */

/**
 * How candidates frame a re-answer for themselves: "I should have said (that)", "should've
 * mentioned", "I wish I'd said", "what I meant (to say) was", "I meant to say", "my answer
 * should have been", "I could have talked about", and the note to say it ("say we agreed …",
 * "tell them I …"). Only at the start of a sentence.
 */
const FRAMING =
  /^(?:(?:i\s+)?(?:should|could|would|ought to)(?:\s+have|['’]ve|ve|\s+of)\s+(?:said|mentioned|told\s+(?:them|him|her|you)|explained|answered|talked\s+about|brought\s+up|pointed\s+out|added|stressed|emphasi[sz]ed)|i\s+wish\s+i(?:['’]d|\s+had|d)\s+(?:said|mentioned|told\s+(?:them|him|her|you)|explained)|what\s+i\s+(?:meant|wanted)(?:\s+to\s+say)?\s+was|i\s+meant\s+to\s+say|my\s+(?:better\s+)?answer\s+(?:should\s+have\s+been|would\s+be|is|was)|(?:better|real)\s+answer\s*:|(?:just\s+)?(?:say|tell\s+(?:them|him|her))(?=\s+(?:that\s+)?(?:i|we|my|our)\b))\s*(?:that\s+|:\s*|,\s*)?/iu;

/** Removes a self-framing lead-in from each sentence; "… and that I …" after one loses its "that". */
export function dropFraming(text: string): string {
  let framed = false;
  const out = splitSentences(text)
    .map((s) => {
      const m = FRAMING.exec(s);
      if (!m || m[0].length >= s.length) return s;
      framed = true;
      return s.slice(m[0].length);
    })
    .join(" ");
  // "I should have said that I'm ready … and that I want …": the second "that" belonged to the framing.
  return framed ? out.replace(/([,;]?\s+(?:and|but))\s+that\s+(?=(?:I|I'm|I've|I'd|I'll|my|we)\b)/gu, "$1 ") : out;
}

const lowerFirst = (s: string) =>
  /^\p{Lu}\p{Ll}/u.test(s) && !/^I\b/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
const bare = (s: string) => s.replace(/[\s.;,:]+$/u, "");
const words = (s: string) => s.split(/\s+/u).filter(Boolean).length;

/** The tagger's reading of a sentence's first word, when it is an English word at all ("ur" is not). */
function firstWord(s: string) {
  const word = /^[\p{L}'’-]+/u.exec(s)?.[0]?.toLowerCase() ?? "";
  // "Short answer, …", "Quick win first": a noun phrase, not an instruction to "short" something.
  if (opensWithNounPhrase(s)) return "other";
  return isEnglish(word.replace(/^re-/u, "")) ? taggedFirstWord(s) : "other";
}

/** An instruction in the negative: "Don't assume …", "Never skip …". */
const NEGATED = /^(?:don['’]?t|do not|never)\s+(?=\p{L})/iu;

/** A sentence of instructions this short may join the next into one "I would …, …, then …". */
const JOINABLE_WORDS = 14;

/**
 * The answer in the first person. `field` says what the text is: a better answer tells what
 * the candidate would do ("I would map …"); an example tells what they did, so a verb whose
 * past and base forms are alike ("cut", "set", "put") is read in the past ("I cut …"). An
 * instruction in the negative stays as typed and is noted: "I would" cannot carry it everywhere.
 */
export function firstPerson(text: string, field: "answer" | "example", note: Note = unnoted): string {
  let previous: string | undefined;
  const parts = splitSentences(text).map((s) => {
    // "Don't assume …" has no "I would" reading that keeps its grammar in every list it may join
    // ("I would check, then not assume"): it stays as typed, and the candidate is asked.
    if (NEGATED.test(s) && field === "answer") {
      const words = s.split(/\s+/u).slice(0, 3).join(" ");
      note(
        words,
        "an instruction: write it as what you would do?",
        `I would ${words.replace(NEGATED, "not ").toLowerCase()}`,
      );
      previous = "other";
      return { kind: "other" as const, text: s };
    }
    // "Talk about the welcome journey": a topic to say something about, which "I would" does not say either.
    if (isTopicDirection(s)) {
      note(s, "a note to yourself about what to say", TOPIC_SUGGESTION);
      previous = "other";
      return { kind: "other" as const, text: s };
    }
    // After an instruction, a sentence that can start with a verb is the next one ("Coach weekly …").
    const read =
      previous === "instruction" && firstWord(s) === "other" && mayBeInstruction(s) ? "instruction" : firstWord(s);
    previous = read;
    if (read === "past" || (read === "instruction" && field === "example")) {
      return { kind: "done" as const, text: `I ${lowerFirst(s)}` };
    }
    if (read === "instruction") return { kind: "todo" as const, text: s };
    return { kind: "other" as const, text: s };
  });
  const out: string[] = [];
  for (let i = 0; i < parts.length; ) {
    const part = parts[i];
    if (!part) break;
    if (part.kind !== "todo") {
      out.push(part.text);
      i++;
      continue;
    }
    // Instructions in a row, each short, read as one plan: "I would a, b, then c."
    let j = i + 1;
    while (j < parts.length && parts[j]?.kind === "todo" && words(parts[j]?.text ?? "") <= JOINABLE_WORDS) j++;
    const run = parts.slice(i, j).map((p) => bare(lowerFirst(p.text)));
    if (run.length > 1 && words(part.text) <= JOINABLE_WORDS) {
      out.push(`I would ${run.slice(0, -1).join(", ")}, then ${run.at(-1)}.`);
      i = j;
    } else {
      out.push(`I would ${lowerFirst(part.text)}`);
      i++;
    }
  }
  return out.join(" ");
}

/** A run-on sentence cut into sentences where a new subject starts without punctuation. */
export function splitRunOns(text: string): string {
  return splitSentences(text)
    .map((s) => {
      const starts = runOnStarts(s);
      if (!starts.length) return s;
      let out = "";
      let from = 0;
      for (const at of starts) {
        out += `${s.slice(from, at).replace(/\s+$/u, "")}. `;
        from = at;
      }
      out += s.slice(from);
      // The subject that now starts a sentence: "we" → "We"; "i" stays for the pronoun rule.
      return out.replace(/\. (\p{Ll})/gu, (_m, c: string) => `. ${c.toUpperCase()}`);
    })
    .join(" ");
}
