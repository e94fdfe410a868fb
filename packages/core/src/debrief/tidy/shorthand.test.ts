import { describe, expect, it } from "vitest";
import { writeOutShorthand } from "./shorthand";

describe("note-speak", () => {
  it("writes out 'w/', 'b/c' and '+' between words", () => {
    expect(writeOutShorthand("met w/ the head of ops b/c the rota + the budget were late")).toBe(
      "met with the head of ops because the rota and the budget were late",
    );
    expect(writeOutShorthand("W/ two nurses, w/o overtime, w/ out extra cost")).toBe(
      "With two nurses, without overtime, without extra cost",
    );
    expect(writeOutShorthand("qa+ops sign off")).toBe("qa and ops sign off");
  });

  it("leaves a plus that belongs to a name, a grade, a number or a count", () => {
    for (const typed of [
      "wrote it in C++ and Go",
      "an A+ rating",
      "call +44 20 7946 0000",
      "fanned out x3",
      "Disney+ launch",
      "5+ years",
    ]) {
      expect(writeOutShorthand(typed)).toBe(typed);
    }
  });

  it("writes out a unit after a number, singular, plural or as a compound", () => {
    expect(writeOutShorthand("took 3 wks, then 1 yr, about 2hrs a day, 45 mins, 6 mos")).toBe(
      "took 3 weeks, then 1 year, about 2 hours a day, 45 minutes, 6 months",
    );
    expect(writeOutShorthand("won a 3 yr grant in a 2 wk sprint, a 94 day cycle")).toBe(
      "won a 3-year grant in a 2-week sprint, a 94-day cycle",
    );
    expect(writeOutShorthand("a $450k 3 yr grant, 94 day cycle, 2 yr late, 6 mo in, 3 wk ago, 1 yr contract")).toBe(
      "a $450k 3-year grant, 94-day cycle, 2 years late, 6 months in, 3 weeks ago, 1 year contract",
    );
  });

  it("leaves short forms that mean something else without a number", () => {
    expect(writeOutShorthand("the hr team, min and max, Mo Farah")).toBe("the hr team, min and max, Mo Farah");
  });

  it("writes out abbreviations with one reading, keeping the case and a possessive", () => {
    expect(writeOutShorthand("my mgr's plan, Govt funding, the finance dept, last yr")).toBe(
      "my manager's plan, Government funding, the finance department, last year",
    );
  });
});
