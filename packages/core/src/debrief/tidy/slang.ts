import type { Note } from "./kept";
import { inCaseOf, mapWords, type Token } from "./words";

/**
 * Chat words and text-speak written out ("gonna" → "going to"): a letter to an
 * interviewer is not a message to a friend. Where writing it out could change what the
 * candidate meant ("ur": your or you're; "lol"), the word is left and noted.
 */
const WRITTEN_OUT: Record<string, string> = {
  gonna: "going to",
  gotta: "have to",
  dunno: "don't know",
  lemme: "let me",
  gimme: "give me",
  cuz: "because",
  coz: "because",
  cos: "because",
  bc: "because",
  tho: "though",
  altho: "although",
  thru: "through",
  u: "you",
  ya: "you",
  pls: "please",
  plz: "please",
  thx: "thanks",
  tbh: "to be honest",
  tbf: "to be fair",
  imo: "in my opinion",
  imho: "in my opinion",
  btw: "by the way",
  idk: "I don't know",
  ppl: "people",
  yeah: "yes",
  yep: "yes",
  yup: "yes",
  nope: "no",
};

/** Written out by the word after it: "kinda messy" → "somewhat messy", "kinda froze" → "kind of froze". */
const HEDGES: Record<string, { beforeDescribing: string; otherwise: string }> = {
  kinda: { beforeDescribing: "somewhat", otherwise: "kind of" },
  sorta: { beforeDescribing: "somewhat", otherwise: "sort of" },
};

/** Words that describe (an adjective or adverb ending) after which "somewhat" reads right. */
const DESCRIBING =
  /(?:y|ous|ful|ive|ic|al|able|ible|ish|less|ent|ant|ly|ed|er)$|^(?:hard|slow|fast|new|old|big|small|late|early|bad|good|messy|tired|nervous|rushed|stuck|lost|over)$/u;

/** Left as typed, with why: writing them out could say something the candidate did not mean. */
const UNCLEAR: Record<string, { why: string; suggestion?: string }> = {
  ur: { why: 'chat spelling: "your" or "you\'re"?' },
  lol: { why: "chat word: leave it out of the letter?" },
  haha: { why: "chat word: leave it out of the letter?" },
  omg: { why: "chat word: leave it out of the letter?" },
  wanna: { why: 'chat spelling: "want to" or "want a"?', suggestion: "want to" },
};

function wanna(next: Token | undefined): string | undefined {
  // "wanna build" is "want to build"; "wanna coffee" would be "want a coffee".
  if (!next) return undefined;
  if (/^(?:a|an|the|some|one|my|your|this|that)$/u.test(next.lower)) return undefined;
  return "want to";
}

/** The text with chat words written out; one whose meaning is unclear is noted. */
export function writeOutSlang(text: string, note: Note): string {
  return mapWords(text, (w, i, words) => {
    const next = words[i + 1];
    if (w.lower === "wanna") {
      const to = wanna(next);
      if (to) return inCaseOf(w.text, to);
    }
    const out = WRITTEN_OUT[w.lower];
    if (out) return inCaseOf(w.text, out);
    // A possessive of one: "ppl's" → "people's".
    const owner = /^(.+)(['’]s)$/u.exec(w.text);
    const ownerOut = owner?.[1] && WRITTEN_OUT[owner[1].toLowerCase()];
    if (owner && ownerOut) return inCaseOf(owner[1] ?? "", ownerOut) + owner[2];
    const hedge = HEDGES[w.lower];
    if (hedge) return inCaseOf(w.text, next && DESCRIBING.test(next.lower) ? hedge.beforeDescribing : hedge.otherwise);
    const unclear = UNCLEAR[w.lower];
    if (unclear) note(w.text, unclear.why, unclear.suggestion);
    return w.text;
  });
}
