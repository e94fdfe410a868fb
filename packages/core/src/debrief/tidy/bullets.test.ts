import { describe, expect, it } from "vitest";
import { joinLines, stripBullet } from "./bullets";

describe("pasted bullets and numbering", () => {
  it("strips a bullet or a number from the start of an item", () => {
    for (const typed of [
      "• GCSE results dropped",
      "- GCSE results dropped",
      "* GCSE results dropped",
      "1. GCSE results dropped",
      "2) GCSE results dropped",
      "(a) GCSE results dropped",
      "a) GCSE results dropped",
      "iv. GCSE results dropped",
      "– GCSE results dropped",
      "- • GCSE results dropped",
      "  ✓  GCSE results dropped",
    ]) {
      expect(stripBullet(typed), typed).toBe("GCSE results dropped");
    }
  });

  it("leaves what only looks like one: a decimal, a year, a hyphenated word, a lone mark", () => {
    expect(stripBullet("3.5 hours a week")).toBe("3.5 hours a week");
    expect(stripBullet("2024 was a hard year")).toBe("2024 was a hard year");
    expect(stripBullet("-5% churn")).toBe("-5% churn");
    expect(stripBullet("a lot of manual work")).toBe("a lot of manual work");
    expect(stripBullet("I. M. Pei's buildings")).toBe("I. M. Pei's buildings");
    expect(stripBullet("-")).toBe("-");
  });

  it("joins an answer typed over lines into sentences", () => {
    expect(joinLines("1. observe a lesson together\n2. agree one thing to change\n3. coach weekly")).toBe(
      "observe a lesson together. agree one thing to change. coach weekly",
    );
    expect(joinLines("i led the team and\nwe shipped it.\n\nit worked")).toBe(
      "i led the team and we shipped it. it worked",
    );
    expect(joinLines("one line only")).toBe("one line only");
  });
});
