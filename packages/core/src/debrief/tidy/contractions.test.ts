import { noting } from "@debrief/testkit/noting";
import { describe, expect, it } from "vitest";
import { restoreApostrophes } from "./contractions";

const run = noting(restoreApostrophes);

describe("contractions typed without their apostrophe", () => {
  it("gives the apostrophe back to forms that are no other word, in the case typed", () => {
    expect(run("im sure i dont know, Ive tried and DIDNT stop").text).toBe(
      "I'm sure i don't know, I've tried and DIDN'T stop",
    );
    expect(run("thats why theyre late; shouldve asked").text).toBe("that's why they're late; should've asked");
    expect(run("I don’t").text).toBe("I don’t");
  });

  it("decides a form that is also a word by the word after it", () => {
    expect(run("its a mess but its design is fine").text).toBe("it's a mess but its design is fine");
    expect(run("i cant say").text).toBe("i can't say");
    expect(run("it wont work").text).toBe("it won't work");
    expect(run("ill send it. she was ill for a week").text).toBe("I'll send it. she was ill for a week");
    expect(run("id like that. my id card").text).toBe("I'd like that. my id card");
    expect(run("lets talk").text).toBe("let's talk");
    expect(run("it lets us ship").text).toBe("it lets us ship");
  });

  it("leaves a form it cannot decide as typed, and notes the likely contraction", () => {
    const r = run("were hiring soon. as was their wont");
    expect(r.text).toBe("were hiring soon. as was their wont");
    expect(r.kept).toEqual([
      { field: "f", word: "were", suggestion: "we're", why: 'may be "we\'re" without its apostrophe' },
      { field: "f", word: "wont", suggestion: "won't", why: 'may be "won\'t" without its apostrophe' },
    ]);
    expect(run("they were late and well prepared").kept).toEqual([]);
  });
});
