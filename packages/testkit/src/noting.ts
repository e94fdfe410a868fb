import type { KeptAsTyped } from "@debrief/core";

/** How a tidy rule reports a word it leaves as typed (core's Note). */
type Note = (word: string, why: string, suggestion?: string) => void;

/**
 * A tidy rule as a test calls it: the text it writes and what it kept as typed, each listed
 * once under the field "f".
 */
export function noting(
  rule: (text: string, note: Note) => string,
): (text: string) => { text: string; kept: KeptAsTyped[] } {
  return (text) => {
    const kept: KeptAsTyped[] = [];
    const note: Note = (word, why, suggestion) => {
      if (kept.some((k) => k.word === word)) return;
      kept.push(suggestion === undefined ? { field: "f", word, why } : { field: "f", word, suggestion, why });
    };
    return { text: rule(text, note), kept };
  };
}
