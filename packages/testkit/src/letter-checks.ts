/**
 * Checks over a composed letter that unit, property and grammar tests share.
 */
import { challengeParts, challengeTopic, type DebriefInput, dayLabel, followUpPlan, tidyDebrief } from "@debrief/core";

const variants = (s: string): string[] => {
  const t = s.trim();
  const bare = t.replace(/[\s.;,:!?]+$/u, "");
  const lowerFirst = bare.replace(/^\p{Lu}/u, (c) => c.toLowerCase());
  const upperFirst = bare.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return [t, bare, lowerFirst, upperFirst];
};

/** Every string the candidate typed, tidied and as typed, and the forms the letter derives from them. */
export function debriefStrings(input: DebriefInput): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") out.push(...variants(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  for (const d of [input, tidyDebrief(input)]) {
    // Choices from fixed lists (what happened, tone, format) are not facts the candidate wrote.
    const { whatHappened: _w, tone: _t, offDay: _o, consent: _c, length: _l, interview, ...written } = d;
    walk({ ...written, challenges: written.challenges.map(challengeParts) });
    walk({ ...interview, format: undefined, stage: undefined });
    for (const q of d.questions) {
      // Sentences of answers and examples, each on its own (the letter may drop a lead-in).
      for (const s of `${q.betterAnswer} ${q.example ?? ""}`.split(/(?<=[.!?])\s+/)) {
        // Also without a lead-in such as "I should have said that".
        out.push(...variants(s), ...variants(s.replace(/^.*?\b(?:said|say|is|was)\s+(?:that\s+)?/iu, "")));
      }
    }
    out.push(...d.interview.interviewer.name.split(" "), ...d.candidate.name.split(" "));
    // A challenge is written as its topic, a part of what was typed.
    for (const c of d.challenges) out.push(...variants(challengeTopic(challengeParts(c).text) ?? ""));
  }
  const { decisionDate, date } = input.interview;
  if (decisionDate) {
    out.push(dayLabel(decisionDate), dayLabel(followUpPlan(input, new Date(`${date}T12:00:00Z`)).from));
  }
  return [...new Set(out.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
}

/**
 * What the letter says that did not come from the debrief: numbers, addresses,
 * links and proper nouns (a capitalised word in mid-sentence) left once every
 * string from the debrief is taken out. The 60 of "first 60 days" is the product's.
 */
export function newClaims(letter: string, d: DebriefInput): string[] {
  let rest = letter;
  for (const s of debriefStrings(d)) rest = rest.split(s).join(" ◊ ");
  rest = rest.replace(/first 60 days/g, "first ◊ days");
  const found: string[] = [];
  for (const m of rest.matchAll(/\d+/g)) found.push(m[0]);
  for (const m of rest.matchAll(/\S*(@|https?:\/\/)\S*/g)) found.push(m[0]);
  for (const m of rest.matchAll(/(?<=[a-z,;] )[A-Z][\p{L}'-]*/gu)) if (m[0] !== "I") found.push(m[0]);
  return found;
}
