/**
 * What the tidy step could not fix with confidence: each word it left as the candidate
 * typed it, shown to them as "kept as you typed it — check before sending".
 */
export type KeptAsTyped = {
  /** Where it was typed: a path in the debrief, as the form names its fields ("questions.0.betterAnswer"). */
  field: string;
  /** The word or words as typed. */
  word: string;
  /** What it probably should read, when there is one likely reading. */
  suggestion?: string;
  /** Why it was kept, in a phrase the candidate reads after the word ("may be the name Python"). */
  why: string;
  /**
   * Left out of the letter rather than kept: a note the candidate wrote for themselves ("I just
   * blanked", "don't name them!"). Listed whether or not the letter shows the words, so that
   * nothing they typed goes without their knowing.
   */
  leftOut?: true;
};

/** How a rule reports a word it leaves as typed. */
export type Note = (word: string, why: string, suggestion?: string) => void;

/** Collects what the rules report for one field; each word is listed once per field. */
export function keptIn(field: string, into: KeptAsTyped[]): Note {
  return (word, why, suggestion) => {
    if (into.some((k) => k.field === field && k.word === word)) return;
    into.push(suggestion === undefined ? { field, word, why } : { field, word, suggestion, why });
  };
}

/** Collects what the rules left out of one field; each text is listed once per field. */
export function leftOutIn(field: string, into: KeptAsTyped[]): (text: string, why: string) => void {
  return (text, why) => {
    const at = into.findIndex((k) => k.field === field && k.word === text);
    if (!text || into[at]?.leftOut) return;
    // A word first kept as typed ("lol": a chat word) and then left out is listed as left out.
    if (at >= 0) into[at] = { field, word: text, why, leftOut: true };
    else into.push({ field, word: text, why, leftOut: true });
  };
}

/** A rule that reports nothing (a phrase tidied again, where its words were already listed). */
export const unnoted: Note = () => {};
