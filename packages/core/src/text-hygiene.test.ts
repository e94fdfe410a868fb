import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { candidateSchema } from "./debrief/schema";
import { stripInvisible, VISIBLE, VISIBLE_LETTER } from "./text-hygiene";

/** Every character stripInvisible removes, as ranges (inclusive). */
const STRIPPED: [number, number][] = [
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x200b, 0x200b],
  [0x200e, 0x200f],
  [0x2060, 0x2064],
  [0xfeff, 0xfeff],
  [0xe0000, 0xe007f],
];
const HANGUL_FILLERS = [0x115f, 0x1160, 0x3164, 0xffa0];

const inRanges = (ranges: [number, number][]) =>
  fc.oneof(...ranges.map(([from, to]) => fc.integer({ min: from, max: to }))).map((c) => String.fromCodePoint(c));
const stripped = inRanges(STRIPPED);
const filler = fc.constantFrom(...HANGUL_FILLERS.map((c) => String.fromCodePoint(c)));
/** Visible text, joiners included (scripts and emoji need them): what must survive untouched. */
const visibleText = fc
  .array(
    fc.oneof(
      fc.constantFrom("Ana", "Lima", "O'Brien", "Zoë", "山田", "می\u200Cخواهم", "क्\u200Dष", "👩\u200D💻", " ", "-"),
      fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(""))
  .filter((text) => !/[\p{Cc}]/u.test(text));

/** `text` with `marks` put in at the given positions. */
const interleave = (text: string, marks: [number, string][]) => {
  const chars = [...text];
  for (const [at, mark] of marks) chars.splice(at % (chars.length + 1), 0, mark);
  return chars.join("");
};

describe("stripInvisible", () => {
  it.each([
    ["Ana\u200F Lima", "Ana Lima"],
    ["\uFEFFAna", "Ana"],
    ["An\u00ADa", "Ana"],
    ["Ana\u061C", "Ana"],
    ["Ana\u200E", "Ana"],
    ["Ana\u{E0041}\u{E007F}", "Ana"],
    ["Sam\u200BX", "SamX"],
    ["Sam\u2060\u2061\u2062\u2063\u2064X", "SamX"],
  ])("strips the invisible characters of %j", (typed, kept) => expect(stripInvisible(typed)).toBe(kept));

  it("keeps the joiners that scripts and emoji need, and everything visible", () => {
    for (const text of ["می\u200Cخواهم", "क्\u200Dष", "👩\u200D💻", "Zoë O'Brien-Łukasz", "山田 太郎"]) {
      expect(stripInvisible(text)).toBe(text);
    }
  });

  it("removes every character of the invisible ranges, wherever it is put into visible text, and nothing else", () => {
    fc.assert(
      fc.property(visibleText, fc.array(fc.tuple(fc.nat(), stripped), { maxLength: 12 }), (text, marks) => {
        expect(stripInvisible(interleave(text, marks))).toBe(text);
      }),
    );
  });
});

describe("what counts as visible", () => {
  it("takes text of invisible marks, Hangul fillers and spaces for blank, and a name of them is refused as required", () => {
    const blank = fc
      .array(fc.oneof(stripped, filler, fc.constantFrom(" ", "\u00A0", "\u200C", "\u200D")), {
        minLength: 1,
        maxLength: 12,
      })
      .map((chars) => chars.join(""));
    fc.assert(
      fc.property(blank, (text) => {
        expect(VISIBLE.test(stripInvisible(text))).toBe(false);
        expect(VISIBLE_LETTER.test(text)).toBe(false);
        const parsed = candidateSchema.shape.name.safeParse(text);
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues[0]?.message).toBe("Required");
      }),
    );
  });

  it("keeps a Hangul filler inside text, where conjoining jamo may need it, and sees the text around it", () => {
    expect(stripInvisible("\u115F\u1161")).toBe("\u115F\u1161");
    expect(VISIBLE.test("\u115F\u1161")).toBe(true);
    expect(VISIBLE_LETTER.test("\u3164X")).toBe(true);
  });
});
