import type { Note } from "./kept";
import { inCaseOf, mapWords } from "./words";

/**
 * A challenge is what the interviewer's team faces, and the letter is written to that team:
 * typed from the candidate's notes as "they rebuild the reports by hand" or "our models are
 * validated too late", it is written "you rebuild …", "your models …".
 *   - "we", "our", "us" in a challenge are always the team (the candidate is not in it yet);
 *   - "they", "their", "them" are the team when the challenge starts with one; later in a
 *     challenge that starts otherwise they may be someone else ("clients say they wait"),
 *     so they are left and noted.
 */
const FIRST: Record<string, string> = {
  we: "you",
  our: "your",
  us: "you",
  ours: "yours",
  ourselves: "yourselves",
  "we're": "you're",
  "we've": "you've",
  "we'll": "you'll",
  "we'd": "you'd",
};
const THIRD: Record<string, string> = {
  they: "you",
  their: "your",
  them: "you",
  theirs: "yours",
  themselves: "yourselves",
  "they're": "you're",
  "they've": "you've",
  "they'll": "you'll",
  "they'd": "you'd",
};

export function addressTheTeam(challenge: string, note: Note): string {
  const startsThird = /^["“'(]?(?:they|their|them)\b/iu.test(challenge.trim());
  return mapWords(challenge, (w) => {
    // "US" in capitals is the country.
    if (w.text === "US") return w.text;
    const first = FIRST[w.lower];
    if (first) return inCaseOf(w.text, first);
    const third = THIRD[w.lower];
    if (!third) return w.text;
    if (startsThird) return inCaseOf(w.text, third);
    note(w.text, "may mean the team you are writing to", third);
    return w.text;
  });
}
