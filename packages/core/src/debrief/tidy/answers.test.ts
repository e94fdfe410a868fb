import { describe, expect, it } from "vitest";
import { dropFraming, firstPerson, splitRunOns } from "./answers";

describe("a re-answer in the candidate's own voice", () => {
  it("drops the framing candidates type for themselves, and the stray 'that' it leaves", () => {
    expect(
      dropFraming("I should have said that I'm ready to run a bigger brigade and that I want to build a menu."),
    ).toBe("I'm ready to run a bigger brigade and I want to build a menu.");
    for (const framed of [
      "I should've mentioned that I cut costs.",
      "should have said I cut costs.",
      "I wish I'd said I cut costs.",
      "What I meant to say was that I cut costs.",
      "I meant to say I cut costs.",
      "My answer should have been that I cut costs.",
      "Better answer: I cut costs.",
    ]) {
      expect(dropFraming(framed), framed).toBe("I cut costs.");
    }
    expect(dropFraming("I said that the plan was late, and that it was mine.")).toBe(
      "I said that the plan was late, and that it was mine.",
    );
  });

  it("writes instructions as what the candidate would do, and joins a short list of them", () => {
    expect(firstPerson("Map the data first.", "answer")).toBe("I would map the data first.");
    expect(
      firstPerson("Start with the data lineage. Re-run the model on a holdout sample. Compare the results.", "answer"),
    ).toBe("I would start with the data lineage, re-run the model on a holdout sample, then compare the results.");
    expect(
      firstPerson("Observe a lesson together. Agree one thing to change. Coach weekly for half a term.", "answer"),
    ).toBe("I would observe a lesson together, agree one thing to change, then coach weekly for half a term.");
  });

  it("gives a fragment without a subject its 'I', reading an example in the past", () => {
    expect(firstPerson("Found a leakage bug in a churn model.", "example")).toBe(
      "I found a leakage bug in a churn model.",
    );
    expect(firstPerson("Cut food waste 22% in a year.", "example")).toBe("I cut food waste 22% in a year.");
    expect(firstPerson("Did this on the onboarding flow.", "example")).toBe("I did this on the onboarding flow.");
  });

  it("leaves sentences with a subject, a noun or a clause first", () => {
    for (const s of [
      "I would group crash reports by device.",
      "The picking route.",
      "When it passes robustness testing, the plan is signed off.",
      "A three-year deal: I mapped nine stakeholders.",
      "We split the work by segment.",
    ]) {
      expect(firstPerson(s, "answer"), s).toBe(s);
    }
  });

  it("cuts a long run-on sentence where a new subject starts, and leaves a short one or a relative clause", () => {
    expect(
      splitRunOns(
        "I led a team of four on a market sizing project for a local bank we split the work by segment I ran the weekly check ins and we presented to their strategy team",
      ),
    ).toBe(
      "I led a team of four on a market sizing project for a local bank. We split the work by segment. I ran the weekly check ins and we presented to their strategy team",
    );
    expect(splitRunOns("the report I wrote was late")).toBe("the report I wrote was late");
  });
});
