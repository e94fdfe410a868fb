import { newClaims } from "@debrief/testkit/letter-checks";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DebriefRequest, debriefInputSchema, LENGTHS, TONES, WHAT_HAPPENED } from "../debrief/schema";
import { composeLetter, letterAsText, WORD_BUDGET } from "./letter";

/**
 * Generated untidy debriefs, typed the way a stressed candidate types: lower case,
 * stray full stops, double spaces, questions without their mark, "i" for "I".
 */
const WORDS = ["data", "team", "report", "weekly", "customer", "delay", "budget", "plan", "release", "quality", "site"];
const word = fc.constantFrom(...WORDS);
const messy = (w: string[]) => fc.constantFrom(w.join(" "), `${w.join("  ")}.`, ` ${w.join(" ")} `, `${w.join(" ")}..`);
const phrase = fc.array(word, { minLength: 1, maxLength: 5 }).chain(messy);
const clauseText = fc
  .tuple(fc.constantFrom("i", "i'd", "i'm", "we", "my team"), fc.array(word, { minLength: 2, maxLength: 8 }))
  .map(([s, w]) => `${s} ${w.join(" ")}`);
const paragraphText = fc
  .array(clauseText, { minLength: 1, maxLength: 3 })
  .chain((cs) => fc.constantFrom(cs.join(". "), `${cs.join(".  ")}.`, cs.join(". ").toLowerCase()));
const questionText = fc
  .tuple(fc.constantFrom("how would you", "what is", "why do you", "tell me about", "walk me through"), phrase)
  .chain(([q, p]) => fc.constantFrom(`${q} ${p}`, `${q} ${p}?`, `${q} ${p}.`));
const name = fc.constantFrom(
  "sam rivera",
  "megan o'brien",
  "Dr. Lena Fischer",
  "NGUYỄN Thị Minh Anh",
  "jan van der berg",
);

const debrief = fc
  .record({
    candidate: fc.record({
      name,
      email: fc.constant("c@example.com"),
      timeZone: fc.constantFrom("Europe/Lisbon", "Asia/Tokyo"),
    }),
    interview: fc.record({
      company: phrase,
      role: phrase,
      date: fc.constant("2026-11-24"),
      format: fc.constantFrom("phone", "video", "onsite"),
      decisionDate: fc.option(fc.constant("2026-12-04"), { nil: undefined }),
      interviewer: fc.record({
        name,
        title: fc.option(fc.constantFrom("Dr.", "Head of Data", "ms"), { nil: undefined }),
        timeZone: fc.option(fc.constantFrom("Asia/Tokyo", "Europe/London"), { nil: undefined }),
      }),
    }),
    whatHappened: fc.subarray([...WHAT_HAPPENED], { minLength: 1 }),
    challenges: fc.array(fc.oneof(phrase, fc.record({ text: phrase, skill: fc.option(phrase, { nil: undefined }) })), {
      maxLength: 4,
    }),
    questions: fc.array(
      fc.record({
        question: questionText,
        betterAnswer: paragraphText,
        example: fc.option(paragraphText, { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    skills: fc.array(
      fc.oneof(
        phrase,
        phrase.map((p) => `i'm good at ${p}`),
      ),
      { maxLength: 4 },
    ),
    plan: fc.array(phrase, { maxLength: 4 }),
    tone: fc.constantFrom(...TONES),
    length: fc.constantFrom(...LENGTHS),
    consent: fc.constant(true as const),
  })
  .map((r) => debriefInputSchema.parse(r as DebriefRequest));

const sentencesOf = (text: string) =>
  text
    .split(/\n+/)
    .map((l) => l.replace(/^- /, ""))
    .flatMap((l) => l.split(/(?<!\b(?:Dr|Mr|Mrs|Ms|Mx|Prof))(?<=[.?!])\s+(?=[^\s])/u));

describe("letters from generated untidy debriefs", () => {
  it("hold every rule of a careful letter", () => {
    fc.assert(
      fc.property(debrief, (d) => {
        const l = composeLetter(d);
        const body = letterAsText(l);
        const text = `${l.subject}\n\n${body}`;
        // No lower-case "i" echoed, no double spaces.
        expect(text).not.toMatch(/(?<![\p{L}'’])i(?:['’](?:m|d|ll|ve))?(?![\p{L}'’])/u);
        expect(text).not.toMatch(/ {2}/);
        // No full stop inside a sentence: none before a lower-case word, none doubled.
        expect(body).not.toMatch(/(?<!\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|e\.g|i\.e))\.\s+\p{Ll}/u);
        expect(body).not.toMatch(/\.\.(?!\.)|\.\s*\.|\.\)|\.:/u);
        // Every sentence and list line starts with a capital (or a quote, link or number).
        for (const s of sentencesOf(l.paragraphs.join("\n"))) expect(s, s).toMatch(/^["“(\p{Lu}\p{N}]/u);
        // Every question ends with "?" where the letter quotes it.
        for (const m of body.matchAll(/"([^"]+)"/g)) {
          if (/^(?:How|What|Why|When|Where|Who|Which|Is|Are|Do|Does|Can|Could|Would)\b/u.test(m[1] ?? "")) {
            expect(m[1]).toMatch(/\?$/);
          }
        }
        // No challenge alone on a line: a list line always says what answers it.
        for (const line of body.split("\n"))
          if (/^- /.test(line) && !/https?:|@|\+\d/.test(line)) expect(line).toMatch(/: /);
        // The word budget holds; the interest sentence is there once; nothing is invented.
        expect(l.words).toBeLessThanOrEqual(WORD_BUDGET[l.length]);
        expect(body.match(/still very interested|remain very interested/g)).toHaveLength(1);
        expect(newClaims(text, d)).toEqual([]);
        expect(body.match(/I should have/g)?.length ?? 0).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300, seed: 12 },
    );
    // 300 letters through the tagger: seconds alone, a minute or more beside the other lanes on two cores.
  }, 240_000);
});
