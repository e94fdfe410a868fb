import { describe, expect, it } from "vitest";
import { correctTypos, dropDoubledWords, joinSplitWords } from "./spelling";

describe("doubled words and typos", () => {
  it("drops a word typed twice, but not one written twice on purpose", () => {
    expect(dropDoubledWords("fails at the the second site")).toBe("fails at the second site");
    expect(dropDoubledWords("I I would")).toBe("I would");
    expect(dropDoubledWords("he had had enough; I knew that that was late")).toBe(
      "he had had enough; I knew that that was late",
    );
    expect(dropDoubledWords("the. The end")).toBe("the. The end");
  });

  it("corrects a typo with exactly one suggestion, in the case typed", () => {
    expect(correctTypos("teh data managment plan, Recieve")).toBe("the data management plan, Receive");
  });

  it("leaves names and words it does not know", () => {
    expect(correctTypos("Kindred and Brightpath shipped holdout tests")).toBe(
      "Kindred and Brightpath shipped holdout tests",
    );
  });
});

describe("words typed apart or together", () => {
  it("joins or splits the ones with one reading, in the case typed", () => {
    expect(joinSplitWords("done with out help, alot of it infront of the class, Atleast twice")).toBe(
      "done without help, a lot of it in front of the class, At least twice",
    );
    expect(joinSplitWords("delivered with in budget, eachother, incase")).toBe(
      "delivered within budget, each other, in case",
    );
  });

  it("leaves words apart that have another reading", () => {
    for (const typed of [
      "came in with out-of-hours cover",
      "any one of them",
      "some time later",
      "with in-house tools",
    ]) {
      expect(joinSplitWords(typed)).toBe(typed);
    }
  });
});
