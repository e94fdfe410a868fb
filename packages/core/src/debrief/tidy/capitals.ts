import { nameFor } from "./casing";
import type { Note } from "./kept";
import { isEnglish, theLexicon } from "./lexicon";
import { tokens } from "./words";

/**
 * Text typed in capitals ("WAREHOUSE MISSES THE SLA ON 1 IN 5 ORDERS") in sentence case,
 * keeping real acronyms (SLA, ERP, GCSE, Q2, IV) and names (SAP, London). A run of three
 * or more words in capitals is shouting; one or two are acronyms or emphasis and stay.
 * A word in a shouted run that is neither English nor a known acronym is kept in
 * capitals and noted: it may be an acronym the lexicon does not know.
 */

const isShouted = (w: string) => /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w) && /\p{L}{2}|^\p{Lu}$/u.test(w);

/** How a word of a shouted run is written. */
function unshout(word: string, note: Note): string {
  if (word === "I" || /^I'/u.test(word)) return word;
  if (/\p{N}/u.test(word)) return word;
  const lower = word.toLowerCase().replace(/’/gu, "'");
  const { acronyms, ambiguous } = theLexicon();
  const acronym = acronyms.get(lower) ?? acronyms.get(lower.replace(/s$/u, ""));
  if (acronym) return acronyms.has(lower) ? acronym : `${acronym}s`;
  const name = nameFor(lower);
  if (name) return name;
  if (ambiguous.has(lower) || isEnglish(lower)) return lower;
  note(word, "kept in capitals: an acronym?", lower);
  return word;
}

/** The text with each shouted run in lower case but for its acronyms and names. */
export function sentenceCase(text: string, note: Note): string {
  const { words, tail } = tokens(text);
  const shouted = words.map((w) => isShouted(w.text) || /^\p{N}+$/u.test(w.text));
  // Runs of shouted words (numbers inside a run belong to it); a run needs three words in capitals.
  const inRun = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i < words.length; ) {
    if (!shouted[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < words.length && shouted[j]) j++;
    const capitals = words.slice(i, j).filter((w) => /\p{L}/u.test(w.text)).length;
    if (capitals >= 3) for (let k = i; k < j; k++) inRun[k] = true;
    i = j;
  }
  return words.map((w, i) => w.before + (inRun[i] ? unshout(w.text, note) : w.text)).join("") + tail;
}
