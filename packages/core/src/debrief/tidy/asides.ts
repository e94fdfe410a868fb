/**
 * What the candidate wrote for themselves, not for the interviewer: a note about how the
 * interview went ("I just blanked", "I rambled here"), an instruction to themselves ("don't
 * name them!", "keep it short", "then stop talking", "give the claims example"), a filler
 * ("That's it.", "anyway"), a mark of who said a thing ("- his words"), a chat word ("lol").
 * Sent to the interviewer, each undoes the letter. They are left out, and each is reported
 * so that the candidate sees what was left out and can put it back. The substance beside
 * them stays: "I use window functions every week, I just blanked" keeps its first clause.
 */

import { splitSentences } from "./words";

/** How a rule reports what it left out: the text as typed and why. */
export type LeftOut = (text: string, why: string) => void;

export const WHY = {
  performance: "left out: a note about how the interview went",
  instruction: "left out: a note to yourself",
  filler: "left out: a filler",
  attribution: "left out: a note of who said it",
  chat: "left out: a chat word",
} as const;

type Kind = keyof typeof WHY;

/** Words that may come between "I" and what they did in the interview: "I just", "I kind of", "and then I". */
const HEDGE =
  "(?:(?:and|but|so|then|honestly|also|i|just|kind of|kinda|sort of|somewhat|totally|completely|basically|really|probably|literally|sorta|pretty much|sadly|unfortunately|think|guess|feel like|to be honest|,)\\s+)*";

/**
 * What a candidate did in the interview itself, as they note it: these verbs and phrases with
 * "I" or no subject. Those that are also work ("froze the budget", "forgot the password")
 * count only before an object that is the interview's own ("it", "this", "the question").
 */
const PERFORMANCE = new RegExp(
  `^${HEDGE}(?:` +
    [
      "blanked",
      "went (?:totally |completely )?blank",
      "drew a blank",
      "(?:my )?mind went blank",
      "froze(?: up)?(?=$|\\s+(?:on|up|there|here|when|completely|again|in the|at the|during))",
      "panicked",
      "rambled",
      "waffled",
      "mumbled",
      "stumbled",
      "stammered",
      "choked",
      "fumbled",
      "flubbed",
      "botched",
      "bombed",
      "blew it",
      "(?:messed|screwed|mucked|cocked) (?:it |this |that |this one |that one )?up",
      "lost my (?:train of thought|thread|place|words)",
      "got (?:so |really |very )?(?:flustered|nervous|confused|tongue-tied|muddled|mixed up|rattled)",
      "was (?:so |really |very )?(?:nervous|flustered|rattled)",
      "(?:forgot|forgotten) (?:about )?(?:this|that|it|the (?:story|example|question|numbers|name|point))",
      "(?:forgot|forgotten) to (?:say|mention|tell|give|bring up|add|talk about)",
      "rushed (?:it|this|that|through|my answer|the answer)",
      "ran out of time",
      "(?:had|needed) to (?:leave|go|run|step out|dash|cut (?:it|the interview) short)\\b",
      "left(?: early| before the end)?$",
      "(?:never|didn't|did not|didnt) (?:get|got) to (?:answer|say|finish|mention|talk|explain|give)",
      "(?:never|didn't|did not|didnt) (?:really )?answer(?:ed)? (?:it|this|that|the question)",
      "(?:couldn't|could not|couldnt) (?:think|remember|recall|answer)",
      "talked too (?:much|long|fast)",
      "went on (?:too long|and on)",
      "over-?explained",
      "over-?thought",
      "undersold",
      "just (?:listed|read out|repeated|said)",
      "read out",
      "listed what",
      "said (?:something|it|that|this) (?:badly|wrong)",
      "basically said",
      "gave (?:a|an) (?:bad|weak|terrible|rubbish|vague|awful|short|poor) answer",
      "(?:know|knew) (?:this|that|it)(?: one)?(?:$|\\s+(?:well|cold|inside out))",
      "(?:should|could)(?: have|['’]ve) (?:said|given|mentioned|used|told|explained|talked about|brought up) (?:this|that|it|something|more|an? (?:actual |real |better |concrete |proper )?(?:example|story|answer)|the (?:story|example|numbers))$",
      "wish i(?: had|['’]d) (?:said|given|mentioned|used|told|explained) (?:this|that|it|something|more|an? (?:actual |real |better |concrete )?(?:example|story))$",
    ].join("|") +
    ")",
  "iu",
);

/** Self-deprecation and embarrassment, wherever in a clause. */
const SELF_DEPRECATING =
  /\b(?:like an idiot|like a fool|so embarrassing|how embarrassing|super embarrassing|cringe(?:y|worthy)?|facepalm|my bad|not great|not my finest|epic fail|ugh+)\b|^(?:(?:it was|that was|so|really|very)\s+)*embarrassing$/iu;

/** About the next interview, for the candidate alone: "next time", "for the second round". */
const FOR_NEXT_TIME = /\b(?:next time|for next time|in the next round|for the second (?:interview|round))\b/iu;

/** Verbs of talking that a negated instruction to oneself carries: "don't trash anyone", "never name the client". */
const TALK =
  "trash|badmouth|bad-mouth|slag|criticise|criticize|name|mention|say|bring up|talk|ramble|over[- ]?explain|over[- ]?share|apologi[sz]e|go on|blame|moan|complain|oversell|undersell|rush|forget|panic|freeze|waffle|get defensive|be defensive|sound|swear";

/** Verbs of delivering an answer: what the candidate tells themselves to do with it in the interview. */
const DELIVER =
  "say|mention|talk about|bring up|give|use|tell (?:them|him|her)(?: about)?|tell|explain|stress|emphasi[sz]e|highlight|lead with|start with|end with|finish with|open with|add|include|walk (?:them|him|her) through|show|share|cite|quote|point out";

/** How a delivery instruction may end: "say it clearly", "mention the numbers first this time". */
const MANNER = "again|first|clearly|properly|up ?front|early|too|as well|this time|slowly|confidently|briefly";

/** The subject a candidate may give an instruction to themselves: "I would keep it short", "I'll mention it". */
const TO_ME = "(?:i(?:\\s+would|['’]d|\\s+will|['’]ll|\\s+need to|\\s+should|\\s+must)\\s+)?";

/** An instruction the candidate wrote to themselves, as the start of a clause without a subject. */
const INSTRUCTION = new RegExp(
  `^(?:(?:then|and|also|just|maybe|so|but|remember|always|pls|please)\\s+)*(?:` +
    [
      `(?:don't|dont|do not|never|no)\\s+(?:${TALK})\\b`,
      "remember to\\b",
      "note to self\\b",
      "stop talking\\b",
      "shut up\\b",
      "be (?:concise|brief|specific|confident|positive|clear|calm)\\b",
      "slow down\\b",
      "breathe\\b",
      "smile\\b",
      "make eye contact\\b",
      "(?:practi[cs]e|prep|rehearse|look up|google|check) (?:this|that|it)\\b",
      "say (?:the numbers|it) (?:clearly|slowly|confidently)\\b",
      // "then give the claims example": an instruction to tell the example, which the letter tells itself.
      "(?:give|tell|use|share|mention|bring up|add|cite|lead with|end with|finish with|insert|plug)\\s+(?:the|my|an?|that|this|one)\\s+(?:[\\p{L}\\p{N}'’-]+\\s+){0,3}(?:example|story|anecdote|case study|numbers|stats|figures)\\b",
      // How to deliver the answer, with or without "I would": "keep it to two minutes", "no digs at anyone".
      `${TO_ME}keep it (?:short|brief|tight|simple|concise|snappy|positive|light|upbeat|professional|calm|neutral|factual|high[- ]level|(?:to|under|below|within)\\s)`,
      `${TO_ME}(?:no|avoid|without) (?:digs|jabs|swipes|snark|sarcasm|excuses|rambling|waffl\\w*|negativity|moaning|blaming)\\b`,
      // A delivery verb whose object only points at content given elsewhere: "say the numbers", "mention it this time".
      `${TO_ME}(?:${DELIVER})\\s+(?:(?:the|my|that|this|those|these|our)\\s+(?:[\\p{L}\\p{N}'’-]+\\s+){0,3}(?:examples?|stor(?:y|ies)|anecdotes?|case(?: study)?|numbers|stats|figures|results|metrics)|it|this|that|them|those|these)(?:\\s+(?:${MANNER}))*$`,
      // Any delivery verb said "properly" or "this time": a reminder about the next telling.
      `${TO_ME}(?:${DELIVER})\\b.*\\b(?:properly|this time)$`,
      // A noun phrase standing for an instruction: "short answer", "brief version".
      "(?:short|brief|quick|concise|one[- ]line|simple) (?:answer|version|reply)$",
    ].join("|") +
    ")",
  "iu",
);

/** A clause that says nothing: "That's it.", "anyway", "so yeah", "something like that". */
const FILLER =
  /^(?:that['’]?s (?:it|all)|that is (?:it|all)|anyways?|so yeah|yeah|yep|done|end|etc|whatever|something like that|or something(?: like that)?|you get the idea|basically that|that['’]?s about it|lol|haha|lmao)$/iu;

/** Chat words and interjections, left out wherever they are: "I cut costs by a fifth lol". */
const CHAT = /(?:^|(?<=\s))(?:lol|lmao|rofl|haha+|hehe|omg|smh|ugh+|oops|whoops|eek|yikes)(?=$|[\s.,;:!?)])/giu;

/** Who said it, noted for the candidate: "- his words", "(their words)", "her words not mine". */
const ATTRIBUTION =
  /\s*(?:[-–—]\s*|\(\s*|,\s*)(?:(?:in\s+)?(?:his|her|their|the interviewer['’]s|the panel['’]s|the manager['’]s)\s+(?:own\s+)?(?:words|phrase|term|quote)|direct quote|verbatim|quote)(?:,?\s+not mine)?\s*\)?(?=$|[\s.,;:!?)])/giu;

/** A note in brackets for the candidate: an instruction to themselves, a confidentiality reminder. */
function isNoteInBrackets(inner: string): boolean {
  const s = inner.trim();
  if (!s) return false;
  if (kindOf(s) !== undefined) return true;
  if (/\bNDA\b|\bconfidential\b/iu.test(s) && /\b(?:don['’]?t|do not|never|can['’]?t|cannot|careful)\b|!/iu.test(s))
    return true;
  // "(check!)", "(ask her)", "(tbc)", "(keep it anonymous)": in brackets, an instruction is the candidate's reminder.
  return /^(?:tbc|tbd|todo|to do|note|check|ask|confirm|verify|double[- ]check|find out|look up|remember|keep|leave|avoid|don['’]?t|do not|never|mention|say|add)\b/iu.test(
    s,
  );
}

/** The kind of aside a clause is, if it is one. */
function kindOf(clause: string): Kind | undefined {
  const c = clause
    .trim()
    .replace(/^[\s"“'(]+|[\s"”')]+$/gu, "")
    .replace(/[.!?…]+$/u, "")
    .trim();
  if (!c) return undefined;
  if (FILLER.test(c)) return "filler";
  if (INSTRUCTION.test(c) || FOR_NEXT_TIME.test(c)) return "instruction";
  if (SELF_DEPRECATING.test(c)) return "performance";
  const withoutI = c.replace(/^(?:(?:and|but|so|then|honestly)\s+)*i\s+/iu, "");
  if (PERFORMANCE.test(withoutI) || PERFORMANCE.test(c)) return "performance";
  return undefined;
}

/** Words a subject "I" follows inside a clause, not at the start of a new one ("the report that I wrote"). */
const JOINS_I =
  /^(?:and|or|but|so|that|which|who|when|where|what|how|why|because|if|as|than|until|once|before|after|while|since|though|although|whether|the|a|an|then|just|think|guess|hope|feel|wish)$/iu;

/** A sentence's clauses, each with what separated it from the one before: ", ", "; ", " - ", or a space before a new "I". */
function clauses(sentence: string): { text: string; sep: string }[] {
  const out: { text: string; sep: string }[] = [];
  let from = 0;
  let sep = "";
  for (const m of sentence.matchAll(/\s*[,;:]\s+|\s+[-–—]\s+|\s+(?=I\s)/gu)) {
    if (/^\s+$/u.test(m[0])) {
      const before = /([\p{L}'’]+)$/u.exec(sentence.slice(0, m.index))?.[1] ?? "";
      if (!before || JOINS_I.test(before)) continue;
    }
    out.push({ text: sentence.slice(from, m.index), sep });
    sep = m[0];
    from = m.index + m[0].length;
  }
  out.push({ text: sentence.slice(from), sep });
  return out;
}

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** What is left of a sentence once its asides go, or "" when nothing worth sending is left. */
function withoutAsides(sentence: string, leftOut: LeftOut): string {
  const end = /[.!?…]*["”')]*$/u.exec(sentence)?.[0] ?? "";
  const body = sentence.slice(0, sentence.length - end.length);
  const parts = clauses(body);
  const kinds = parts.map((p) => kindOf(p.text));
  if (!kinds.some(Boolean)) return sentence;
  const kept = parts.filter((_, i) => !kinds[i]);
  const keptWords = kept.reduce((n, p) => n + wordCount(p.text), 0);
  // What is left beside an aside is kept only when it says something on its own: six words or more.
  if (keptWords < 6) {
    const why = WHY[kinds.find(Boolean) ?? "instruction"];
    leftOut(sentence.trim(), why);
    return "";
  }
  parts.forEach((p, i) => {
    const kind = kinds[i];
    if (kind) leftOut(p.text.trim(), WHY[kind]);
  });
  const text = kept
    .map((p, i) => (i === 0 ? p.text : `${/^\s+$/u.test(p.sep) ? ", " : p.sep}${p.text}`))
    .join("")
    .trim();
  return `${text}${/[.!?]/u.test(end) ? end : "."}`;
}

/** Asides inside a text: chat words, who-said-it marks and notes in brackets. What they are beside stays. */
export function dropAsideSpans(text: string, leftOut: LeftOut): string {
  return text
    .replace(/\s*\(([^()]*)\)/gu, (m, inner: string) => {
      if (!isNoteInBrackets(inner)) return m;
      leftOut(`(${inner.trim()})`, WHY.instruction);
      return "";
    })
    .replace(ATTRIBUTION, (m) => {
      leftOut(m.trim().replace(/^[-–—,(]\s*|\)$/gu, ""), WHY.attribution);
      return "";
    })
    .replace(CHAT, (m) => {
      leftOut(m, WHY.chat);
      return "";
    })
    .replace(/\s+([,.;:!?])/gu, "$1")
    .replace(/([,;:])(?=[.!?]|$)/gu, "")
    .replace(/ {2,}/gu, " ")
    .trim();
}

/**
 * An answer, an example or a note without the candidate's asides: each one left out is
 * reported. A sentence reduced to less than a clause of its own goes whole.
 */
export function dropAsides(text: string, leftOut: LeftOut): string {
  return splitSentences(dropAsideSpans(text, leftOut))
    .map((s) => withoutAsides(s, leftOut))
    .filter(Boolean)
    .map((s) => s.replace(/^\p{Ll}/u, (c) => c.toUpperCase()))
    .join(" ");
}
