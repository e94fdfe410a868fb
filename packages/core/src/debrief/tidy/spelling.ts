import { theLexicon } from "./lexicon";
import { inCaseOf, mapWords, tokens } from "./words";

/**
 * Doubled words ("at the the second site") and common typos ("teh", "recieve",
 * "managment"). A typo is corrected only when the spelling dictionary has exactly one
 * suggestion for it (the generated list keeps no other); anything else stays as typed.
 */

/** Words that are correctly written twice in a row ("that that", "had had"). */
const MAY_DOUBLE = new Set(["that", "had", "is", "do", "bye", "no", "very"]);

export function dropDoubledWords(text: string): string {
  const { words, tail } = tokens(text);
  return (
    words
      .map((w, i) => {
        const prev = words[i - 1];
        const doubled = prev && prev.lower === w.lower && /^\s+$/u.test(w.before) && !MAY_DOUBLE.has(w.lower);
        return doubled ? "" : w.before + w.text;
      })
      .join("") + tail
  );
}

export function correctTypos(text: string): string {
  const { typos } = theLexicon();
  return mapWords(text, (w) => {
    const fix = typos.get(w.lower);
    return fix ? inCaseOf(w.text, fix) : w.text;
  });
}

/**
 * Words typed apart that are one word, and words typed together that are two: a reviewed list
 * of those with one reading only ("with out" is "without"; "any one" and "some time" have two,
 * so they are not here).
 */
const SPLIT: [RegExp, string][] = [
  [/\bwith out\b(?!-)/giu, "without"],
  [/\bwith in\b(?= (?:the|a|an|our|my|your|their|budget|scope|days|weeks|months|hours)\b)/giu, "within"],
  [/\balot\b/giu, "a lot"],
  [/\binfront\b/giu, "in front"],
  [/\baswell\b/giu, "as well"],
  [/\batleast\b/giu, "at least"],
  [/\beachother\b/giu, "each other"],
  [/\bincase\b/giu, "in case"],
  [/\beverytime\b/giu, "every time"],
  [/\bnoone\b/giu, "no one"],
  [/\bthankyou\b/giu, "thank you"],
  [/\binspite\b/giu, "in spite"],
  [/\balittle\b/giu, "a little"],
];

export function joinSplitWords(text: string): string {
  return SPLIT.reduce((s, [re, to]) => s.replace(re, (m) => inCaseOf(m, to)), text);
}
