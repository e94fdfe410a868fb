/** Word-by-word rewriting that keeps everything between the words as typed. */

/** A word as the rules see it: letters and digits, with apostrophes and inner hyphens ("don't", "re-run"). */
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’]|-(?=[\p{L}\p{N}]))*/gu;

export type Token = {
  text: string;
  /** Lower case, with a curly apostrophe read as a straight one. */
  lower: string;
  /** The text between the previous word and this one ("", " ", ", "). */
  before: string;
};

/**
 * What is typed as an address, not as words: a URL with a scheme or "www.", an email address, a domain name
 * (labels and a lower-case top-level part, with or without a path). No rule rewrites inside one: a word rule
 * that raised "www" to an acronym or a name's casing would break the address the reader types or clicks.
 */
export const ADDRESS =
  /\b(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|[Ww]{3}\.)[^\s<>"]*[^\s<>".,;:!?)]|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|(?<![\p{L}\p{N}@._-])(?:[\p{L}\p{N}-]+\.)+\p{Ll}{2,24}(?:\/[^\s<>"]*[^\s<>".,;:!?)])?(?![\p{L}\p{N}@_-]|\.[\p{L}\p{N}])/gu;

/** The spans of `text` that are addresses, as [start, end) pairs in order. */
export function addressSpans(text: string): [number, number][] {
  return [...text.matchAll(ADDRESS)].map((m) => [m.index, m.index + m[0].length]);
}

export function tokens(text: string): { words: Token[]; tail: string } {
  const words: Token[] = [];
  const addresses = addressSpans(text);
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    // A word inside an address stays part of the text between words, as typed.
    if (addresses.some(([start, end]) => m.index >= start && m.index < end)) continue;
    words.push({ text: m[0], lower: m[0].toLowerCase().replace(/’/gu, "'"), before: text.slice(last, m.index) });
    last = m.index + m[0].length;
  }
  return { words, tail: text.slice(last) };
}

/** Whether the text between two words ends a clause (a full stop, a comma, a dash): the next word starts one. */
export function startsClause(before: string, index: number): boolean {
  return index === 0 || /[.!?;:,()\n–—]/u.test(before);
}

/**
 * The text with each word replaced by what `f` returns for it (the word itself to keep
 * it). `f` sees the whole list, to read the words around it.
 */
export function mapWords(text: string, f: (word: Token, i: number, words: Token[]) => string): string {
  const { words, tail } = tokens(text);
  return words.map((w, i) => w.before + f(w, i, words)).join("") + tail;
}

/** A replacement written in the case the word was typed in: "Dont" → "Don't", "DONT" → "DON'T". */
export function inCaseOf(typed: string, replacement: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase() && typed !== typed.toLowerCase()) {
    return replacement.toUpperCase();
  }
  if (/^\p{Lu}/u.test(typed)) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

/** Sentences as typed, split after ". ", "! ", "? " (never inside "e.g. " or "3.5"). */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=["“'(]?[\p{Lu}\p{Ll}\p{N}])(?<!\b(?:e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|Prof)\.\s+)/u);
}
