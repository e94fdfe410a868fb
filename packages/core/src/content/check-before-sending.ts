import type { DebriefInput } from "../debrief/schema";
import { type KeptAsTyped, keptAsTyped } from "../debrief/tidy";

/** A word kept as the candidate typed it, with where they typed it in the form's words. */
export type ToCheck = KeptAsTyped & {
  /** The field in the form's words: "your better answer to question 1". */
  where: string;
};

/** Each field a kept word can come from, named as the form names it (numbers count from 1). */
const WHERE: [RegExp, (n: number) => string][] = [
  [/^interview\.role$/, () => "the role"],
  [/^notes$/, () => "your notes"],
  [/^challenges\.(\d+)(?:\.text)?$/, (n) => `challenge ${n}`],
  [/^challenges\.(\d+)\.skill$/, (n) => `the skill beside challenge ${n}`],
  [/^questions\.(\d+)\.question$/, (n) => `question ${n}`],
  [/^questions\.(\d+)\.betterAnswer$/, (n) => `your better answer to question ${n}`],
  [/^questions\.(\d+)\.example$/, (n) => `the example for question ${n}`],
  [/^skills\.(\d+)$/, () => "your other skills"],
  [/^samples\.(\d+)\.title$/, (n) => `work sample ${n}`],
  [/^samples\.(\d+)\.note$/, (n) => `how work sample ${n} relates`],
  [/^references\.(\d+)\.relation$/, (n) => `reference ${n}`],
  [/^plan\.(\d+)$/, () => "your ideas for the first 60 days"],
];

export function whereTyped(field: string): string {
  for (const [pattern, label] of WHERE) {
    const m = pattern.exec(field);
    if (m) return label(Number(m[1] ?? 0) + 1);
  }
  return field;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What the candidate should look at before sending: the words the tidy step kept as they
 * typed them that the letter about to go out still shows (its subject or body, as composed
 * or as they edited it). A word only in their notes, or in a part the letter leaves out,
 * is not in what they send. What the tidy step left out (a note to themselves) is always
 * listed: it is nowhere in the letter for them to find. Empty for a tidy debrief.
 */
export function checkBeforeSending(input: DebriefInput, letter: { subject: string; body: string }): ToCheck[] {
  const text = `${letter.subject}\n${letter.body}`;
  return keptAsTyped(input)
    .filter(
      (k) => k.leftOut || new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(k.word)}(?![\\p{L}\\p{N}])`, "iu").test(text),
    )
    .map((k) => ({ ...k, where: whereTyped(k.field) }));
}

/** The words around the list, the same in the letter email and on the candidate's page. */
export const CHECK_BEFORE_SENDING = {
  heading: "Kept as you typed it — check before sending",
  intro:
    "We could not be sure what you meant by these words, so the letter shows them as you typed them, or leaves them out where they read as a note to yourself. Find each one in the letter and change it if it is not what you meant.",
};

/** One line of the list: the word, where it was typed, why it was kept and what it probably should read. */
export function checkLine(k: ToCheck): string {
  const suggestion = k.suggestion && !k.why.includes(k.suggestion) ? ` Suggested: “${k.suggestion}”.` : "";
  return `“${k.word}” in ${k.where}: ${k.why}${/[.?!]$/u.test(k.why) ? "" : "."}${suggestion}`;
}
