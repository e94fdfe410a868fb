import type { Note } from "./kept";
import { inCaseOf, mapWords, startsClause, type Token } from "./words";

/**
 * Contractions typed without their apostrophe on a phone ("dont", "im", "Ive"). Only
 * forms that are no other English word are given the apostrophe outright; forms that
 * are also words ("its", "were", "well", "id", "ill", "lets", "wont", "cant", "shed")
 * get it only where the next word rules the other reading out, and are otherwise left
 * as typed (and listed when a contraction is likely).
 */
const UNAMBIGUOUS: Record<string, string> = {
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  isnt: "isn't",
  arent: "aren't",
  wasnt: "wasn't",
  werent: "weren't",
  havent: "haven't",
  hasnt: "hasn't",
  hadnt: "hadn't",
  wouldnt: "wouldn't",
  couldnt: "couldn't",
  shouldnt: "shouldn't",
  mustnt: "mustn't",
  neednt: "needn't",
  mightnt: "mightn't",
  aint: "isn't",
  im: "I'm",
  ive: "I've",
  youre: "you're",
  youve: "you've",
  youll: "you'll",
  youd: "you'd",
  theyre: "they're",
  theyve: "they've",
  theyll: "they'll",
  theyd: "they'd",
  weve: "we've",
  thats: "that's",
  whats: "what's",
  theres: "there's",
  heres: "here's",
  wheres: "where's",
  whos: "who's",
  hows: "how's",
  shes: "she's",
  hes: "he's",
  itll: "it'll",
  thatll: "that'll",
  wouldve: "would've",
  couldve: "could've",
  shouldve: "should've",
  mightve: "might've",
  mustve: "must've",
};

/** Words that only a verb's base form follows in these contractions ("I'll send", "can't say"). */
const BASE_VERB_AFTER =
  /^(?:be|have|do|go|get|send|make|take|need|say|tell|call|come|see|try|work|bring|help|start|give|keep|share|follow|write|let|put|find|run|show|look|ask|think|know|wait|add|check|fix|build|lead|join|meet|talk|use|like|love|also|never|always|just|really|definitely|probably|still|not)$/u;

/** Words after "its" that show it is "it is" or "it has": a possessive never comes before them. */
const AFTER_IT_IS =
  /^(?:a|an|the|not|been|being|going|gonna|very|really|so|too|just|about|also|still|always|never|all|because|what|how|why|when|where|who|that|this|my|your|our|their|his|her|possible|likely|unlikely|fine|ok|okay|true|clear|important|hard|easy|time|worth)$/u;

type Rule = (w: Token, next: Token | undefined, clauseStart: boolean) => { to?: string; flag?: string } | undefined;

/** The forms that are also other words, each with when it is the contraction and when it may be. */
const AMBIGUOUS: Record<string, { contraction: string; rule: Rule }> = {
  its: {
    contraction: "it's",
    rule: (_w, next) => (next && AFTER_IT_IS.test(next.lower) ? { to: "it's" } : undefined),
  },
  cant: {
    contraction: "can't",
    // "cant" (insincere talk) is rare enough that a verb after it settles it.
    rule: (_w, next) => (next && BASE_VERB_AFTER.test(next.lower) ? { to: "can't" } : { flag: "can't" }),
  },
  wont: {
    contraction: "won't",
    // "as was their wont", "wont to": the old noun and adjective; before a verb it is "won't".
    rule: (_w, next) => (next && BASE_VERB_AFTER.test(next.lower) ? { to: "won't" } : { flag: "won't" }),
  },
  ill: {
    contraction: "I'll",
    rule: (_w, next, start) => (start && next && BASE_VERB_AFTER.test(next.lower) ? { to: "I'll" } : undefined),
  },
  id: {
    contraction: "I'd",
    rule: (_w, next, start) =>
      next &&
      /^(?:like|love|be|have|rather|say|do|bring|start|want|need|go|also|never|probably|really)$/u.test(next.lower)
        ? start
          ? { to: "I'd" }
          : { flag: "I'd" }
        : undefined,
  },
  were: {
    contraction: "we're",
    // "were" starting a clause before a verb in -ing or "going" reads as "we're" ("were hiring").
    rule: (_w, next, start) => (start && next && /ing$/u.test(next.lower) ? { flag: "we're" } : undefined),
  },
  well: {
    contraction: "we'll",
    rule: (_w, next, start) =>
      start && next && BASE_VERB_AFTER.test(next.lower) && next.lower !== "done" ? { flag: "we'll" } : undefined,
  },
  lets: {
    contraction: "let's",
    rule: (_w, next, start) =>
      start && next && /^(?:say|see|talk|meet|start|go|get|look|try|make|take|find|work)$/u.test(next.lower)
        ? { to: "let's" }
        : undefined,
  },
};

/** The text with the apostrophes of its contractions; a form it cannot decide on is noted. */
export function restoreApostrophes(text: string, note: Note): string {
  return mapWords(text, (w, i, words) => {
    const fixed = UNAMBIGUOUS[w.lower];
    if (fixed) return inCaseOf(w.text, fixed);
    const ambiguous = AMBIGUOUS[w.lower];
    if (!ambiguous) return w.text;
    const verdict = ambiguous.rule(w, words[i + 1], startsClause(w.before, i));
    if (verdict?.to) return inCaseOf(w.text, verdict.to);
    if (verdict?.flag) note(w.text, `may be "${verdict.flag}" without its apostrophe`, verdict.flag);
    return w.text;
  });
}
