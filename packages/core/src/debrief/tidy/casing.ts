import type { Note } from "./kept";
import { isEnglish, theLexicon } from "./lexicon";
import { addressSpans, mapWords, type Token, tokens } from "./words";

/**
 * Proper nouns, brands and technologies in their own casing (figma → Figma, github →
 * GitHub, iphones → iPhones, power bi → Power BI), from the generated lexicon. A name
 * that is also an English word (apple, python, swift, go) is left as typed; where it
 * reads as the name (a skill, a list of tools, "in python") it is noted with the name.
 */

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
let phraseRe: RegExp | undefined;

/** Names of more than one word or with a dot, as one expression (longest first). */
function phraseRegExp(): RegExp {
  phraseRe ??= new RegExp(
    `(?<![\\p{L}\\p{N}.])(?:${theLexicon().phrases.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}]|\\.[\\p{L}\\p{N}])`,
    "giu",
  );
  return phraseRe;
}

function phrases(text: string): string {
  const { names } = theLexicon();
  const addresses = addressSpans(text);
  return text.replace(phraseRegExp(), (m, offset: number) =>
    addresses.some(([start, end]) => offset < end && offset + m.length > start) ? m : (names.get(m.toLowerCase()) ?? m),
  );
}

/** The text with each match of `re` rewritten, but not inside an address ("…/q2-report" stays). */
function outsideAddresses(text: string, re: RegExp, f: (m: string) => string): string {
  const addresses = addressSpans(text);
  return text.replace(re, (m: string, ...rest: unknown[]) => {
    const offset = rest.find((r) => typeof r === "number") as number;
    return addresses.some(([start, end]) => offset < end && offset + m.length > start) ? m : f(m);
  });
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

/** Words after which an ambiguous word reads as a tool: "in python", "with swift", "learnt go", "to snowflake". */
const TOOL_FRAME = /^(?:in|with|using|via|into|to|from|off|learning|learnt|learned|know|knowing)$/u;

/** Words that may follow a tool after its frame: "to snowflake in Q2", "in tableau are slow". */
const FRAME_END = /^(?:in|by|for|on|at|from|with|via|are|is|was|were|and|or|but|so|to|as|because|which|that)$/u;

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
  if (
    prev &&
    TOOL_FRAME.test(prev.lower) &&
    !/[,.;:]/u.test(w.before) &&
    (endsItem(next) || FRAME_END.test(next?.lower ?? ""))
  ) {
    return true;
  }
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

/** Whether a word or a phrase of the text is a technology name that is no English word (SQL, Kubernetes, Power BI). */
export function namesTechnology(text: string): boolean {
  const { tech, names } = theLexicon();
  const isTech = (name: string | undefined) =>
    name !== undefined && (tech.has(name) || tech.has(name.replace(/(?:'s|s)$/u, "")));
  if (tokens(text).words.some((w) => isTech(nameFor(w.lower)))) return true;
  return [...text.matchAll(phraseRegExp())].some((m) => isTech(names.get(m[0].toLowerCase())));
}

/** SQL's window and aggregate functions with an underscore, typed in lower case in a question or an answer. */
const SQL_FUNCTION =
  /(?<![\p{L}\p{N}_])(?:row_number|dense_rank|percent_rank|cume_dist|first_value|last_value|nth_value|date_trunc|string_agg|array_agg|group_concat|date_diff|datediff)(?![\p{L}\p{N}_])/gu;

/** Quarters, halves and financial years: "q2" → "Q2", "fy25" → "FY25", "h1" → "H1". */
const PERIOD = /(?<![\p{L}\p{N}])(?:q[1-4]|h[12]|fy\d{2}(?:\d{2})?)(?![\p{L}\p{N}])/gu;

/** US school funding titles: "title i schools" → "Title I schools"; "title ix" → "Title IX". */
const FUNDING_TITLE =
  /\btitle (?:i{1,3}|iv|ix|I{1,3}|IV|IX)\b(?= (?:school|schools|funding|funds|program|programs|status|money)\b|$)/gu;

/** Acronyms typed in lower case that are no English word ("ugc", "kpis", "crm"): in capitals. */
function acronymFor(lower: string): string | undefined {
  const { acronyms } = theLexicon();
  if (lower.length < 3 || isEnglish(lower)) return undefined;
  const direct = acronyms.get(lower);
  if (direct) return direct;
  const plural = /^(.{3,})s$/u.exec(lower)?.[1];
  const base = plural ? acronyms.get(plural) : undefined;
  return base ? `${base}s` : undefined;
}

export type CasingContext = {
  /** The debrief names a technology elsewhere: a name that is also a word reads as the name where it reads as one. */
  technical: boolean;
};

/**
 * The text with names in their casing. A name that is also an English word (python, tableau,
 * snowflake) is raised only where it reads as the name in a debrief about technology (another
 * technology named in it); elsewhere, where it may be the name, it is left and noted.
 */
export function restoreCasing(text: string, note: Note, context: CasingContext = { technical: false }): string {
  const { tech, ambiguous } = theLexicon();
  const written = outsideAddresses(
    outsideAddresses(
      outsideAddresses(text, SQL_FUNCTION, (m) => m.toUpperCase()),
      PERIOD,
      (m) => m.toUpperCase(),
    ),
    FUNDING_TITLE,
    (m) => `Title ${m.slice(6).toUpperCase()}`,
  );
  const named = mapWords(
    phrases(written),
    (w) => nameFor(w.lower) ?? (w.text === w.lower ? acronymFor(w.lower) : undefined) ?? w.text,
  );
  const technical = () => namesTechnology(named) || context.technical;
  const isTech = (w: Token) => tech.has(w.text) || tech.has(w.text.replace(/(?:'s|s)$/u, "")) || ambiguous.has(w.lower);
  return mapWords(named, (w, i, words) => {
    const name = ambiguous.get(w.lower);
    // Only a word typed in lower case: "Python" or "Apple" typed with a capital is the candidate's choice.
    if (!name || w.text !== w.lower) return w.text;
    if (!readsAsName(words, i, isTech)) return w.text;
    if (technical()) return name;
    note(w.text, `may be the name ${name}`, name);
    return w.text;
  });
}
