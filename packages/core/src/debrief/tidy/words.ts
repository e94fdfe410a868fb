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

export function tokens(text: string): { words: Token[]; tail: string } {
  const words: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
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
