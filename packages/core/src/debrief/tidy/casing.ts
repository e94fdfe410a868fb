import type { Note } from "./kept";
import { isEnglish, theLexicon } from "./lexicon";
import { addressSpans, mapWords, type Token } from "./words";

/**
 * Proper nouns, brands and technologies in their own casing (figma → Figma, github →
 * GitHub, iphones → iPhones, power bi → Power BI), from the generated lexicon. A name
 * that is also an English word (apple, python, swift, go) is left as typed; where it
 * reads as the name (a skill, a list of tools, "in python") it is noted with the name.
 */

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
let phraseRe: RegExp | undefined;

function phrases(text: string): string {
  const { phrases, names } = theLexicon();
  phraseRe ??= new RegExp(
    `(?<![\\p{L}\\p{N}.])(?:${phrases.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}]|\\.[\\p{L}\\p{N}])`,
    "giu",
  );
  const addresses = addressSpans(text);
  return text.replace(phraseRe, (m, offset: number) =>
    addresses.some(([start, end]) => offset < end && offset + m.length > start) ? m : (names.get(m.toLowerCase()) ?? m),
  );
}

/** A word's name in the lexicon: itself, its plural ("iphones", "apis") or its possessive. */
export function nameFor(lower: string): string | undefined {
  const { names } = theLexicon();
  const direct = names.get(lower);
  if (direct) return direct;
  const m = /^(.+?)('s|s)$/u.exec(lower);
  // A plural that is an English word of its own ("teams", "apples") is not the name's plural.
  if (!m?.[1] || (m[2] === "s" && isEnglish(lower))) return undefined;
  const base = names.get(m[1]);
  return base ? `${base}${m[2]}` : undefined;
}

/** Words after which an ambiguous word reads as a tool: "in python", "with swift", "learnt go". */
const TOOL_FRAME = /^(?:in|with|using|via|into|learning|learnt|learned|know|knowing)$/u;

const endsItem = (next: Token | undefined) =>
  !next || /[,.;:!?)/]/u.test(next.before) || /^(?:and|or)$/u.test(next.lower);

/**
 * Whether an ambiguous word reads as the name: typed alone (a skill "python"), after a
 * tool frame at the end of an item ("reports in python"), or listed beside another
 * technology ("python, sql and tableau").
 */
function readsAsName(words: Token[], i: number, isTech: (w: Token) => boolean): boolean {
  if (words.length === 1) return true;
  const prev = words[i - 1];
  const next = words[i + 1];
  const w = words[i];
  if (!w) return false;
  if (prev && TOOL_FRAME.test(prev.lower) && !/[,.;:]/u.test(w.before) && endsItem(next)) return true;
  const listed = (a: Token | undefined, sep: string) =>
    a !== undefined && /^\s*(?:[,/&]|and|or)?\s*$/u.test(sep) && isTech(a);
  const andBefore = prev && /^(?:and|or)$/u.test(prev.lower) ? words[i - 2] : prev;
  const andAfter = next && /^(?:and|or)$/u.test(next.lower) ? words[i + 2] : next;
  return (
    (listed(andBefore, w.before) && endsItem(next)) ||
    (listed(andAfter, next?.before ?? "") &&
      (i === 0 || /[,;:(]/u.test(w.before) || /^(?:and|or|in|with)$/u.test(prev?.lower ?? "")))
  );
}

/** The text with names in their casing; an ambiguous one likely meant as the name is noted. */
export function restoreCasing(text: string, note: Note): string {
  const { tech, ambiguous } = theLexicon();
  const named = mapWords(phrases(text), (w) => nameFor(w.lower) ?? w.text);
  const isTech = (w: Token) => tech.has(w.text) || tech.has(w.text.replace(/(?:'s|s)$/u, "")) || ambiguous.has(w.lower);
  return mapWords(named, (w, i, words) => {
    const name = ambiguous.get(w.lower);
    // Only a word typed in lower case: "Python" or "Apple" typed with a capital is the candidate's choice.
    if (!name || w.text !== w.lower) return w.text;
    if (readsAsName(words, i, isTech)) note(w.text, `may be the name ${name}`, name);
    return w.text;
  });
}
