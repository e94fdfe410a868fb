import { splitSentences } from "./words";

/**
 * Stage directions: how the candidate tells themselves to deliver an answer, rather than the
 * answer. A direction whose object is a clause ("mention that I led the remediation") is the
 * clause itself, said in the first person; a heading the candidate gave the answer ("What I
 * should have said:") goes. A direction whose object is only a pointer or a manner ("say the
 * numbers", "keep it short") is an aside (asides.ts); one whose object is a topic ("talk about
 * the welcome journey") has no sentence of its own to become, so it stays and is flagged.
 */

const LEAD = "(?:(?:then|and|also|just|so|maybe|definitely)\\s+)*";
const I_WOULD = "(?:i(?:\\s+would|['’]d|\\s+will|['’]ll|\\s+need to|\\s+should|\\s+must)\\s+(?:also\\s+)?)?";

/** "What I should have said:", "What I should've said was (that)": a heading over the answer. */
const HEADING =
  /^what\s+i\s+(?:should|could|would|ought to)(?:\s+have|['’]ve|ve)\s+(?:said|mentioned|answered|told\s+(?:them|him|her))(?:\s+(?:is|was))?(?:\s*:\s*|\s+that\s+|\s*[.!]?$|\s+(?=\S))/iu;

/** A delivery verb before a clause with its own subject: "mention (that) I led …", "stress we cut …". */
const CLAUSE = new RegExp(
  `^${LEAD}${I_WOULD}(?:mention|say|stress|emphasi[sz]e|highlight|point out|explain|add|bring up|tell (?:them|him|her)|talk about how|make (?:it )?clear)\\s+(?:that\\s+|how\\s+)?(?=(?:i|we|i['’](?:ve|m|d)|we['’](?:ve|re|d))\\s+\\p{L})`,
  "iu",
);

/** A delivery verb before a topic: "talk about the welcome journey I built", "mention the outbox pattern …". */
const TOPIC = new RegExp(
  `^${LEAD}${I_WOULD}(?:mention|talk about|bring up|stress|emphasi[sz]e|highlight|tell (?:them|him|her) about)\\s+\\S`,
  "iu",
);

/** The rewrite a topic direction asks of the candidate, shown beside it. */
export const TOPIC_SUGGESTION = "rewrite as a sentence about what you did";

/** Whether a sentence is a direction to talk about a topic, kept as typed for the candidate to rewrite. */
export function isTopicDirection(sentence: string): boolean {
  return TOPIC.test(sentence.trim());
}

/** Each sentence without a heading over it, and a direction before a clause reduced to the clause. */
export function sayTheClause(text: string): string {
  return splitSentences(text)
    .map((s) => {
      const headed = HEADING.exec(s);
      const rest = headed ? s.slice(headed[0].length) : s;
      const direction = CLAUSE.exec(rest);
      const said = direction ? rest.slice(direction[0].length) : rest;
      return said.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    })
    .filter((s) => /[\p{L}\p{N}]/u.test(s))
    .join(" ");
}
