import { challengeParts, composeLetter, type DebriefInput, letterAsText } from "@debrief/core";
import { defectsIn } from "@debrief/testkit/defects";
import { PERSONA_NAMES, PERSONAS } from "@debrief/testkit/personas";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/**
 * Each tidily typed persona passed through the ways candidates type on a phone composes the
 * letter the tidy persona composes (but for case, punctuation and the words a typing changed:
 * "the" typed as "their" is "your"), and that letter has no defect the tidy one does not.
 */

type Typing = (d: DebriefInput) => DebriefInput;

const mapAnswers = (d: DebriefInput, f: (s: string) => string): DebriefInput => ({
  ...d,
  questions: d.questions.map((q) => ({ ...q, betterAnswer: f(q.betterAnswer), example: q.example && f(q.example) })),
});
const mapChallenges = (d: DebriefInput, f: (s: string) => string): DebriefInput => ({
  ...d,
  challenges: d.challenges.map((c) => (typeof c === "string" ? f(c) : { ...c, text: f(c.text) })),
});
const sentencesOf = (s: string) => s.split(/(?<=[.!?])\s+/u);

/** Contractions whose apostrophe the tidy step can give back whatever follows them. */
const UNAMBIGUOUS =
  /\b(I'm|I've|don't|doesn't|didn't|isn't|aren't|wasn't|haven't|hasn't|wouldn't|couldn't|shouldn't|that's|what's|there's|you're|they're)\b/gu;

const TYPINGS: Record<string, Typing> = {
  "all lower case": (d) => {
    const lower = (s: string) => s.toLowerCase();
    return {
      ...mapChallenges(mapAnswers(d, lower), lower),
      candidate: { ...d.candidate, name: lower(d.candidate.name) },
      interview: {
        ...d.interview,
        company: lower(d.interview.company),
        role: lower(d.interview.role),
        interviewer: { ...d.interview.interviewer, name: lower(d.interview.interviewer.name) },
      },
      skills: d.skills.map(lower),
      plan: d.plan.map(lower),
    };
  },
  "one sentence in capitals": (d) =>
    mapAnswers(d, (s) => {
      const [first, ...rest] = sentencesOf(s);
      return [first?.toUpperCase(), ...rest].join(" ");
    }),
  // Typed as contractions without their apostrophe: "I am" as "Im", "did not" as "didnt", "don't" as "dont".
  "apostrophes dropped": (d) =>
    mapAnswers(d, (s) =>
      s
        .replace(/\bI am\b/gu, "Im")
        .replace(/\b(do|did|is|was|could|would|should) not\b/gu, "$1nt")
        .replace(UNAMBIGUOUS, (m) => m.replace(/['’]/gu, "")),
    ),
  "bullets pasted": (d) => ({
    ...mapChallenges(d, (s) => `• ${s}`),
    skills: d.skills.map((s) => `- ${s}`),
    plan: d.plan.map((p, i) => `${i + 1}. ${p}`),
  }),
  "challenges in the third person": (d) =>
    mapChallenges(d, (s) => s.replace(/^The\b/u, "Their").replace(/^the\b/u, "their")),
  slang: (d) => mapAnswers(d, (s) => s.replace(/\bgoing to\b/gu, "gonna").replace(/\bwant to\b/gu, "wanna")),
  '"I should have said that" prefixed': (d) => ({
    ...d,
    questions: d.questions.map((q) => ({
      ...q,
      betterAnswer: `I should have said that ${q.betterAnswer.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase())}`,
    })),
  }),
  "line breaks in answers": (d) => mapAnswers(d, (s) => s.replace(/([.!?])\s+/gu, "$1\n")),
};

/** The words of a letter, for comparing what it says: case, punctuation, contractions and determiners set aside. */
function said(letter: string): string {
  return letter
    .toLowerCase()
    .replace(/[’]/gu, "'")
    .replace(/\bi'm\b/gu, "i am")
    .replace(/n't\b/gu, " not")
    .replace(/\bwon not\b/gu, "will not")
    .replace(/\bca not\b/gu, "can not")
    .replace(/[^\p{L}\p{N}'\s]+/gu, " ")
    .split(/\s+/u)
    .filter((w) => w && !/^(?:the|your|their|our|a|an)$/u.test(w))
    .join(" ");
}

const letterOf = (d: DebriefInput) => {
  const l = composeLetter(d);
  return `${l.subject}\n\n${letterAsText(l)}`;
};

describe("the letter from a persona as candidates type it", () => {
  it("is the tidy persona's letter, and adds no defect (fast-check, 300 runs, fixed seed)", () => {
    const started = performance.now();
    fc.assert(
      fc.property(
        fc.constantFrom(...PERSONA_NAMES),
        fc.subarray(Object.keys(TYPINGS), { minLength: 1 }),
        (name, typings) => {
          const tidy = PERSONAS[name];
          const typed = typings.reduce((d, t) => (TYPINGS[t] as Typing)(d), tidy);
          const letter = letterOf(typed);
          const original = letterOf(tidy);
          expect(said(letter), `${name} typed with ${typings.join(", ")}`).toBe(said(original));
          const known = new Set(defectsIn(original, { input: tidy, kind: "letter" }).map((x) => x.check));
          const added = defectsIn(letter, { input: typed, kind: "letter" }).filter((x) => !known.has(x.check));
          expect(added, `${name} typed with ${typings.join(", ")}:\n${letter}`).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 22 },
    );
    // The run's time, for the report (not asserted: performance is measured in benchmarks).
    console.log(`typing property: 300 runs in ${Math.round(performance.now() - started)} ms`);
  });

  it("types each persona differently from how it was typed (so the property reads typed input)", () => {
    for (const [what, typing] of Object.entries(TYPINGS)) {
      const changed = PERSONA_NAMES.filter((n) => JSON.stringify(typing(PERSONAS[n])) !== JSON.stringify(PERSONAS[n]));
      expect(changed.length, what).toBeGreaterThan(0);
    }
    expect(challengeParts(TYPINGS["bullets pasted"]?.(PERSONAS.amira).challenges[0] ?? "").text).toMatch(/^• /u);
  });
});
