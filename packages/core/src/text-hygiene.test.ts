import { describe, expect, it } from "vitest";
import { stripInvisible } from "./text-hygiene";

describe("stripInvisible", () => {
  it.each([
    ["Ana\u200F Lima", "Ana Lima"],
    ["\uFEFFAna", "Ana"],
    ["An\u00ADa", "Ana"],
    ["Ana\u061C", "Ana"],
    ["Ana\u200E", "Ana"],
    ["Ana\u{E0041}\u{E007F}", "Ana"],
  ])("strips the invisible characters of %j", (typed, kept) => expect(stripInvisible(typed)).toBe(kept));

  it("keeps the joiners that scripts and emoji need, and everything visible", () => {
    for (const text of ["می\u200Cخواهم", "क्\u200Dष", "👩\u200D💻", "Zoë O'Brien-Łukasz", "山田 太郎"]) {
      expect(stripInvisible(text)).toBe(text);
    }
  });
});
