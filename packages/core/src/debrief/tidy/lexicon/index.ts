/**
 * The generated lexicon as the rules read it (lexicon.generated.json, typos.generated.json:
 * see generate.ts for their sources and licences). Parsed once, on the first tidy.
 */
import { bloomHas } from "./bloom";
import data from "./lexicon.generated.json";
import typoData from "./typos.generated.json";

const lines = (s: string) => (s ? s.split("\n") : []);
const byLower = (xs: string[]) => new Map(xs.map((x) => [x.toLowerCase(), x]));

type Lexicon = {
  /** Lower case → the name in its own casing, for names that are no English word. */
  names: Map<string, string>;
  /** Names, in their casing, that mark a technical context (tools, products, companies). */
  tech: Set<string>;
  /** Lower case → the technology name that is also an English word (python → Python). */
  ambiguous: Map<string, string>;
  /** Acronyms, in their casing, that text typed in capitals keeps. */
  acronyms: Map<string, string>;
  /** Names of more than one word or with a dot ("Power BI", "Node.js"), longest first. */
  phrases: string[];
  /** Typo → its one correction. */
  typos: Map<string, string>;
  stem: (word: string) => boolean;
};

let lexicon: Lexicon | undefined;

export function theLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const names = lines(data.names);
  const typos = new Map<string, string>();
  for (const line of lines(typoData.typos)) {
    const [fix, ...from] = line.split(" ");
    if (fix) for (const t of from) typos.set(t, fix);
  }
  lexicon = {
    names: byLower(names),
    tech: new Set(lines(data.tech)),
    ambiguous: byLower(lines(data.ambiguous)),
    acronyms: byLower(lines(data.acronyms)),
    phrases: names.filter((n) => /[\s.]/u.test(n)).sort((a, b) => b.length - a.length),
    typos,
    stem: bloomHas(data.english),
  };
  return lexicon;
}

/** Endings a Hunspell stem takes, undone to find the stem: "picking" → "pick", "weeks" → "week". */
const ENDINGS: [RegExp, string][] = [
  [/'s$/u, ""],
  [/ies$/u, "y"],
  [/ied$/u, "y"],
  [/(?<=[^aeiou])([bdgklmnprtz])\1(?:ing|ed|er|est)$/u, "$1"],
  [/(?:ing|ed|er|est|ers)$/u, ""],
  [/(?:ing|ed|er|est|ers)$/u, "e"],
  [/(?:es|s)$/u, ""],
  [/s$/u, ""],
  [/ly$/u, ""],
  [/ily$/u, "y"],
  [/(?:ment|ments|ness|ful|less)$/u, ""],
];

/** Whether a word in lower case is English (a dictionary stem, or one with a regular ending). */
export function isEnglish(lower: string): boolean {
  const { stem } = theLexicon();
  const withEndings = (w: string) =>
    stem(w) ||
    ENDINGS.some(([re, to]) => {
      if (!re.test(w)) return false;
      const s = w.replace(re, to);
      return s.length >= 2 && s !== w && stem(s);
    });
  if (withEndings(lower)) return true;
  // Hunspell's prefixes: "redesign", "unclear", "overdue".
  const m = /^(?:re|un|dis|pre|mis|non|over|under|out|co)-?(.{3,})$/u.exec(lower);
  return Boolean(m?.[1] && withEndings(m[1]));
}
