import { noting } from "@debrief/testkit/noting";
import { describe, expect, it } from "vitest";
import { writeOutSlang } from "./slang";

const run = noting(writeOutSlang);

describe("chat words", () => {
  it("writes out what has one meaning", () => {
    expect(run("im gonna ask, tbh they wanna hire soon").text).toBe(
      "im going to ask, to be honest they want to hire soon",
    );
    expect(run("Gonna fix it thru the team, ppl's time").text).toBe("Going to fix it through the team, people's time");
    expect(run("cuz i dunno").text).toBe("because i don't know");
  });

  it("writes out a hedge by what it hedges", () => {
    expect(run("it was kinda messy").text).toBe("it was somewhat messy");
    expect(run("i kinda froze").text).toBe("i kind of froze");
    expect(run("kinda a mess").text).toBe("kind of a mess");
  });

  it("notes a chat word whose meaning is unclear and leaves it", () => {
    const r = run("ur team lol, wanna some time");
    expect(r.text).toBe("ur team lol, wanna some time");
    expect(r.kept.map((k) => [k.word, k.suggestion])).toEqual([
      ["ur", undefined],
      ["lol", undefined],
      ["wanna", "want to"],
    ]);
  });
});
