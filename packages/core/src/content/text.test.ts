import { describe, expect, it } from "vitest";
import { capitaliseFirst, clause, joinAnd, oneLine, quoted, sentence, wordCount } from "./text";

describe("wording helpers", () => {
  it("raise only a lower-case first letter, after quotes or brackets too, never after a digit or in a name like iPhone", () => {
    expect(capitaliseFirst("delivery delays")).toBe("Delivery delays");
    expect(capitaliseFirst('"late parcels"')).toBe('"Late parcels"');
    expect(capitaliseFirst("Already")).toBe("Already");
    expect(capitaliseFirst("2nd round")).toBe("2nd round");
    expect(capitaliseFirst("iPhone sales")).toBe("iPhone sales");
    expect(capitaliseFirst("")).toBe("");
  });

  it("count the words that hold a letter or a digit", () => {
    expect(wordCount("  I led 12 people - well, mostly.  ")).toBe(6);
    expect(wordCount("")).toBe(0);
  });

  it("end the candidate's words as a clause or a sentence", () => {
    expect(clause("we shipped it.. ")).toBe("we shipped it");
    expect(sentence("we shipped it")).toBe("we shipped it.");
    expect(sentence("did we?")).toBe("did we?");
  });

  it("quote a question once, join a list and keep a header on one line", () => {
    expect(quoted('"Why us?"')).toBe('"Why us?"');
    expect(quoted("Tell me about a time.")).toBe('"Tell me about a time"');
    expect(joinAnd(["a", "b", "c"])).toBe("a, b and c");
    expect(oneLine("a\r\nb")).toBe("a b");
  });
});
