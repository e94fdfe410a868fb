import { PERSONAS } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import type { DebriefInput } from "../debrief/schema";
import { LONG_EXAMPLE_CHARS } from "./letter-limits";
import {
  afterColon,
  answerText,
  EXCERPT_MAX_WORDS,
  exampleExcerpt,
  exampleText,
  inlineList,
  isLongExample,
  midSentence,
  relationPhrase,
  sampleName,
  shortTitle,
  startsAsOwnSentence,
  TITLE_MAX_WORDS,
} from "./phrasing";

const amira = PERSONAS.amira;
const withInput = (patch: Partial<DebriefInput>): DebriefInput => ({ ...amira, ...patch });

describe("an answer", () => {
  it("is written without the candidate's own lead-in, as a sentence", () => {
    expect(answerText("i should have said that I would start with the data")).toBe("I would start with the data.");
    expect(answerText("What I meant to say was: put the best staff on the busiest hours.")).toBe(
      "Put the best staff on the busiest hours.",
    );
    expect(answerText("  my better answer would be a weekly review  ")).toBe("A weekly review.");
    expect(answerText("I would ask first.")).toBe("I would ask first.");
  });

  it("reads as the candidate's own sentence, or as what follows a colon", () => {
    expect(startsAsOwnSentence("I would start with the data.")).toBe(true);
    expect(startsAsOwnSentence("At my last job we split the queue.")).toBe(true);
    expect(startsAsOwnSentence("One page: milestones, risks, asks.")).toBe(true);
    expect(startsAsOwnSentence("Put the best staff on the busiest hours.")).toBe(false);
    expect(startsAsOwnSentence("A token bucket per client.")).toBe(false);
  });

  it("after a colon starts in lower case only with a common word, never with a name", () => {
    expect(afterColon("Put the best staff on.", true)).toBe("put the best staff on.");
    expect(afterColon("A token bucket per client.", true)).toBe("a token bucket per client.");
    expect(afterColon("Redis keeps the counters.", true)).toBe("Redis keeps the counters.");
    expect(afterColon("Put the best staff on.", false)).toBe("Put the best staff on.");
  });
});

describe("an example", () => {
  it("is led by 'For example,' where that reads right, keeping 'I' and names as typed", () => {
    expect(exampleText(amira, "I traced the late parcels")).toMatch(/^For example, I traced the late parcels\.$/);
    expect(exampleText(amira, "At my last job we cut the backlog")).toMatch(/^For example, at my last job/);
    expect(exampleText(amira, "Lakeside Clinic cut its waits.")).toBe("Lakeside Clinic cut its waits.");
    expect(exampleText(amira, "For instance, we cut the backlog")).toBe("For instance, we cut the backlog.");
  });

  it("is long beyond the form's limit", () => {
    expect(isLongExample("x".repeat(LONG_EXAMPLE_CHARS))).toBe(false);
    expect(isLongExample(`${"x".repeat(LONG_EXAMPLE_CHARS)} `)).toBe(false);
    expect(isLongExample("x".repeat(LONG_EXAMPLE_CHARS + 1))).toBe(true);
    expect(isLongExample(undefined)).toBe(false);
  });

  it("is cut to its own first and last sentences when they fit, else not at all", () => {
    const example = "We had six-hour builds. I split the suite. I cached the images. Builds now take forty minutes.";
    expect(exampleExcerpt(example)).toBe("We had six-hour builds. Builds now take forty minutes.");
    expect(exampleExcerpt("One sentence. Two sentences.")).toBeUndefined();
    const long = `${"word ".repeat(EXCERPT_MAX_WORDS)}end. Middle. ${"last ".repeat(5)}end.`;
    expect(exampleExcerpt(long)).toBeUndefined();
  });
});

describe("a typed phrase inside a sentence", () => {
  it("starts in lower case unless it is a name in the debrief or looks like a proper noun", () => {
    expect(midSentence(amira, "Deploys take 90 minutes")).toBe("deploys take 90 minutes");
    expect(midSentence(amira, "Re-baseline both projects")).toBe("re-baseline both projects");
    expect(midSentence(amira, "Jonas reviews weekly")).toBe("Jonas reviews weekly");
    expect(midSentence(amira, "German suppliers")).toBe("German suppliers");
    expect(midSentence(amira, "I own it")).toBe("I own it");
    expect(midSentence(amira, "SQL reports")).toBe("SQL reports");
  });

  it("joins a list with 'and', and with semicolons when an item has a comma of its own", () => {
    expect(inlineList(["a", "b", "c"])).toBe("a, b and c");
    expect(inlineList(["a, quickly", "b", "c"])).toBe("a, quickly; b; and c");
    expect(inlineList(["a, quickly"])).toBe("a, quickly");
    const d = withInput({ plan: ["A daily delay review", "Meet Jonas weekly"] });
    expect(inlineList(d.plan.map((p) => midSentence(d, p)))).toBe("a daily delay review and meet Jonas weekly");
  });

  it("keeps the capital of a word the candidate typed with one inside a sentence", () => {
    const d = withInput({ questions: [{ question: "Q?", betterAnswer: "I worked at Lakeside Clinic for years." }] });
    expect(midSentence(d, "Lakeside check-in case study")).toBe("Lakeside check-in case study");
    expect(midSentence(d, "Weekly check-in case study")).toBe("weekly check-in case study");
  });
});

describe("an example typed as notes", () => {
  it("gets its 'I' after the place it names, and a phrase without a verb is introduced as one", () => {
    expect(exampleText(amira, "At Harbour Freight cut empty miles by a fifth")).toBe(
      "For example, at Harbour Freight, I cut empty miles by a fifth.",
    );
    expect(exampleText(amira, "At Acme the team cut costs")).toBe("For example, at Acme the team cut costs.");
    expect(exampleText(amira, "Parcel locker pilot for the north depots - failed first deliveries down to 4%")).toBe(
      "One example from my own work: Parcel locker pilot for the north depots, failed first deliveries down to 4%.",
    );
    expect(exampleText(amira, "Riverside school hall and classroom block, $12m")).toBe(
      "One example from my own work: Riverside school hall and classroom block, $12m.",
    );
    // A sentence stays a sentence.
    expect(exampleText(amira, "Lakeside Clinic cut its waits.")).toBe("Lakeside Clinic cut its waits.");
    expect(exampleText(amira, "I built this at a bank - 3k requests a second")).toMatch(/^For example, I built/);
  });
});

describe("a reference's relation and a sample made by the candidate", () => {
  it("picks one role, says 'my' only for a relation, and never twice", () => {
    expect(relationPhrase(amira, "ward consultant / clinical lead of our stroke unit")).toBe(
      "clinical lead of our stroke unit",
    );
    expect(relationPhrase(amira, "charge nurse")).toBe("charge nurse");
    expect(relationPhrase(amira, "my colleague in my science department")).toBe("a colleague in my science department");
    expect(relationPhrase(amira, "line manager")).toBe("my line manager");
    expect(relationPhrase(amira, "tutor / my dissertation supervisor")).toBe("my dissertation supervisor");
  });

  it("writes a sample the candidate says they made as 'a … I made', not 'my … I made'", () => {
    expect(sampleName(amira, "Medication safety poster I made")).toBe("a medication safety poster I made");
    expect(sampleName(amira, "onboarding checklist I wrote for new hires")).toBe(
      "an onboarding checklist I wrote for new hires",
    );
  });
});

describe("a work sample and a reference inside a sentence", () => {
  it("shortens a title over twelve words at the end of its first part, else on a word boundary", () => {
    const long = "Carrier scorecard: how a weekly review of late deliveries cut missed slots by a third in one quarter";
    expect(shortTitle(long)).toBe("Carrier scorecard");
    const plain =
      "A report on the reasons for late deliveries across every depot of the company in the north of England";
    const short = shortTitle(plain);
    expect(short).toBe("A report on the reasons for late deliveries across every depot…");
    expect(shortTitle("How I cut waiting times at a clinic by half and what it taught me about queues")).toBe(
      "How I cut waiting times at a clinic by half…",
    );
    expect(short.replace("…", "").split(" ").length).toBeLessThanOrEqual(TITLE_MAX_WORDS);
    expect(shortTitle("Delivery delay dashboard")).toBe("Delivery delay dashboard");
  });

  it("names a sample as the candidate's own, a title as a title, a kind and its title as both", () => {
    expect(sampleName(amira, "MSc dissertation on transport equity")).toBe("my MSc dissertation on transport equity");
    expect(sampleName(amira, "Delivery delay dashboard")).toBe("my delivery delay dashboard");
    expect(sampleName(amira, "The carrier scorecard")).toBe("the carrier scorecard");
    expect(sampleName(amira, "Profiling SwiftUI Apps at Scale")).toBe("“Profiling SwiftUI Apps at Scale”");
    expect(sampleName(amira, "Talk: profiling SwiftUI apps")).toBe("my talk “Profiling SwiftUI apps”");
  });

  it("says how a reference is related as an apposition: 'my placement supervisor', 'my manager at Parcelo'", () => {
    expect(relationPhrase(amira, "placement supervisor")).toBe("my placement supervisor");
    expect(relationPhrase(amira, "Manager at Parcelo")).toBe("my manager at Parcelo");
    expect(relationPhrase(amira, "my manager at Parcelo")).toBe("my manager at Parcelo");
    expect(relationPhrase(amira, "a client of mine")).toBe("a client of mine");
  });
});
