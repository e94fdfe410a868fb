import { inCaseOf, mapWords } from "./words";

/**
 * Note-speak written out: the shorthand candidates use in their own notes ("3 wks", "w/ the
 * team", "logic model + budget", "my mgr", "b/c") reads as notes pasted into a letter. Each
 * rule writes out only what has one reading; "x3" ("a join fanning out x3"), "C++", "A+" and
 * "Disney+" stay as typed.
 */

/**
 * Units typed short, each with its word; the short form takes an "s" in the plural ("wks").
 * After a number each is written out; without one, only those that have no other reading
 * (not "hr" for HR, "mo", "min" or "sec").
 */
const UNIT_WORDS: Record<string, string> = {
  wk: "week",
  yr: "year",
  mo: "month",
  hr: "hour",
  min: "minute",
  sec: "second",
  day: "day",
};
const UNITS: Record<string, [one: string, many: string]> = Object.fromEntries(
  Object.entries(UNIT_WORDS).flatMap(([short, word]) => [
    [short, [word, `${word}s`]],
    [`${short}s`, [word, `${word}s`]],
  ]),
);
const UNITS_ALONE = ["yr", "yrs", "wks", "mos", "hrs", "mins", "secs"];

/** Abbreviations with one reading wherever they are typed: a reviewed list, and the units above that have one. */
const WORDS: Record<string, string> = {
  mgr: "manager",
  mgrs: "managers",
  mgmt: "management",
  govt: "government",
  dept: "department",
  depts: "departments",
  approx: "approximately",
  ...Object.fromEntries(UNITS_ALONE.map((u) => [u, UNITS[u]?.[/s$/u.test(u) ? 1 : 0] ?? u])),
};

/** Words before a number that make "3 yr grant" a compound: "a 3-year grant". */
const DETERMINER = "a|an|the|my|our|your|their|his|her|this|that|each|every";
/** Words after "2 yr" that make it a length of time, not a compound: "2 yr late", "3 wk ago", "6 mo in". */
const NOT_A_NOUN =
  /^(?:ago|later|before|after|earlier|late|early|behind|ahead|in|into|of|and|or|to|at|on|for|with|from|by|out|old|then|so|but|now|each|every|per|a|an|the|is|was|are|were)$/u;
const NUMBER = "\\d+(?:[.,]\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve";

const UNIT = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${DETERMINER})(\\s+))?(${NUMBER}) ?(${Object.keys(UNITS).join("|")})(?![\\p{L}\\p{N}'’-])`,
  "giu",
);

/** "3 wks" → "3 weeks", "1 yr" → "1 year", "a 3 yr grant" → "a 3-year grant"; "94 day" stays. */
function units(text: string): string {
  return text.replace(
    UNIT,
    (m, det: string | undefined, space: string | undefined, n: string, u: string, at: number) => {
      const forms = UNITS[u.toLowerCase()];
      if (!forms) return m;
      const lead = det ? `${det}${space}` : "";
      const singularTyped = !/s$/iu.test(u);
      const next = /^\s+(\p{L}+)/u.exec(text.slice(at + m.length))?.[1]?.toLowerCase();
      const one = n === "1" || n.toLowerCase() === "one";
      // A unit typed singular before a noun is a compound: "a 3 yr grant", "$450k 3 yr grant", "the 1 wk sprint".
      if (singularTyped && next !== undefined && !NOT_A_NOUN.test(next) && (det || !one)) {
        return `${lead}${n}-${inCaseOf(u, forms[0])}`;
      }
      if (u.toLowerCase() === "day") return m;
      return `${lead}${n} ${inCaseOf(u, one ? forms[0] : forms[1])}`;
    },
  );
}

/** The text with note-speak written out. */
export function writeOutShorthand(text: string): string {
  const abbreviated = text
    .replace(/(?<![\p{L}\p{N}])w\/(?:o|\s*out)(?![\p{L}\p{N}-])/giu, (m) => inCaseOf(m, "without"))
    .replace(/(?<![\p{L}\p{N}])w\/\s*/giu, (m) => `${inCaseOf(m.charAt(0), "with")} `)
    .replace(/(?<![\p{L}\p{N}])b\/c(?![\p{L}\p{N}])/giu, (m) => inCaseOf(m, "because"))
    // "+" between words, typed with spaces ("logic model + budget") or between two words of letters ("qa+ops").
    .replace(/(?<=[\p{L})]) \+ (?=[\p{L}(])|(?<=\p{L}{2})\+(?=\p{L}{2})/gu, " and ")
    // A number run together with its unit: "2wks" is "2 wks".
    .replace(/(?<![\p{L}\p{N}])(\d+)(wks?|yrs?|mos|hrs?|mins?|secs?)(?![\p{L}\p{N}])/giu, "$1 $2");
  return mapWords(units(abbreviated), (w) => {
    const [, stem = "", possessive = ""] = /^(.+?)((?:['’]s)?)$/u.exec(w.text) ?? [];
    const out = WORDS[stem.toLowerCase()];
    return out ? inCaseOf(stem, out) + possessive : w.text;
  });
}
