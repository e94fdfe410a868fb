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

  it("leaves a long sentence whole where the clause after a noun continues it", () => {
    for (const s of [
      "I meet each new starter in their first week and talk through the rota and keep everything we discuss out of their probation review",
      "after the audit the clinic rebuilt the whole intake form and it was the clearest process the inspectors said they had seen in years",
      "for the spring launch the whole team moved the stock counts to handhelds and the store beat every target we set out for that quarter",
    ]) {
      expect(splitRunOns(s), s).toBe(s);
    }
  });

  it("leaves an instruction in the negative as typed, and asks the candidate", () => {
    const kept: string[] = [];
    const note = (w: string, _why: string, suggestion?: string) => kept.push(`${w} → ${suggestion}`);
    expect(firstPerson("Check the grain. Don't trust the cached totals.", "answer", note)).toBe(
      "I would check the grain. Don't trust the cached totals.",
    );
    expect(kept).toEqual(["Don't trust the → I would not trust the"]);
  });

  it("reads a noun phrase first as a noun phrase, not an instruction", () => {
    for (const s of [
      "Quick win first: the returns desk.",
      "Weekly check-ins with each lead.",
      "Short shifts on Fridays.",
    ]) {
      expect(firstPerson(s, "answer"), s).toBe(s);
    }
  });

  it("takes 'say …' before what to say as the candidate's own framing (the capital comes with the sentence rule)", () => {
    expect(dropFraming("Say we agreed on a phased migration.")).toBe("we agreed on a phased migration.");
    expect(dropFraming("Tell them that I led the audit.")).toBe("I led the audit.");
    expect(dropFraming("Say the numbers first.")).toBe("Say the numbers first.");
  });
});
