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
  isStatement,
  midSentence,
  planPoints,
  startsAsOwnSentence,
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
    expect(planPoints(withInput({ plan: ["A daily delay review", "Meet Jonas weekly"] }))).toBe(
      "a daily delay review and meet Jonas weekly",
    );
  });

  it("tells a statement from the name of a problem", () => {
    expect(isStatement("Clinic waiting times doubled this year")).toBe(true);
    expect(isStatement("Suppliers miss delivery dates")).toBe(true);
    expect(isStatement("Staff turnover at the front desk")).toBe(false);
    expect(isStatement("The delayed shipments")).toBe(false);
  });
});
