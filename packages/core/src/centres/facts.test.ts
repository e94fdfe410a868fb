import { describe, expect, it } from "vitest";
import { insightFactsOf } from "./facts";

describe("insightFactsOf", () => {
  it("keeps the situations and the fumbled questions' types, once each, and no typed words", () => {
    const facts = insightFactsOf({
      whatHappened: ["rambling", "nerves"],
      questions: [
        { question: "Tell me about a time you missed a deadline", betterAnswer: "I would plan the work backwards" },
        { question: "Describe a situation where you disagreed with your manager", betterAnswer: "I asked why" },
        { question: "What would you do if a client changed the scope?", betterAnswer: "Agree the change first" },
      ],
    });
    expect(facts).toEqual({ situations: ["nerves", "rambling"], questionTypes: ["behavioural", "hypothetical"] });
    expect(JSON.stringify(facts)).not.toMatch(/deadline|manager|client/);
  });

  it("is empty for a debrief of situations only or questions only", () => {
    expect(insightFactsOf({ whatHappened: [], questions: [] })).toEqual({ situations: [], questionTypes: [] });
  });
});
