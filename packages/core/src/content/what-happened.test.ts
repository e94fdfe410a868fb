import { PERSONAS } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import type { DebriefInput } from "../debrief/schema";
import { TONES, WHAT_HAPPENED } from "../debrief/schema";
import {
  howToTalkAgain,
  meetingIsPractical,
  OFF_DAY_ON_BY_DEFAULT,
  offDaySentence,
  offDaySituation,
} from "./what-happened";

const amira = PERSONAS.amira;
const withInput = (base: DebriefInput, patch: Partial<DebriefInput>): DebriefInput => ({ ...base, ...patch });
const only = (w: (typeof WHAT_HAPPENED)[number], patch: Partial<DebriefInput> = {}) =>
  withInput(amira, { whatHappened: [w], ...patch });

describe("the off-day sentence", () => {
  it("is off by default for nerves and outfit mishaps, on for illness, lateness and leaving early", () => {
    expect(offDaySentence(only("nerves"))).toBeUndefined();
    expect(offDaySentence(only("outfit"))).toBeUndefined();
    expect(offDaySentence(only("illness"))).toMatch(/unwell/);
    expect(offDaySentence(only("late"))).toMatch(/arrived late|arriving late/);
    expect(offDaySentence(only("left_early"))).toMatch(/leave (before the end|early)/);
  });

  it("is included on request and left out on request", () => {
    expect(offDaySentence(only("nerves", { offDay: "mention" }))).toMatch(/nervous/);
    expect(offDaySentence(only("illness", { offDay: "omit" }))).toBeUndefined();
  });

  it("has wording specific to each situation in each tone", () => {
    for (const tone of TONES) {
      const sentences = WHAT_HAPPENED.map((w) => offDaySentence(only(w, { tone, offDay: "mention" })));
      expect(sentences.every(Boolean)).toBe(true);
      expect(new Set(sentences).size).toBe(WHAT_HAPPENED.length);
    }
  });

  it("names the kind of call that went badly, and the interview itself when it was on site", () => {
    const call = (format: DebriefInput["interview"]["format"]) =>
      offDaySentence(only("bad_call", { interview: { ...amira.interview, format } }));
    expect(call("phone")).toMatch(/phone call/);
    expect(call("video")).toMatch(/video call/);
    expect(call("onsite")).not.toMatch(/phone call|video call/);
  });

  it("owns lateness plainly", () => {
    for (const tone of TONES)
      expect(offDaySentence(only("late", { tone }))).toMatch(/^I(?:'m sorry I arrived| apologise for arriving) late/);
  });

  it("after a too-blunt answer, reframes without blaming anyone", () => {
    for (const tone of TONES) {
      const s = offDaySentence(only("too_blunt", { tone }))!;
      expect(s).toMatch(/blunt/);
      expect(s).not.toMatch(/boss|manager|their fault|difficult/i);
    }
  });

  it("owns only the situation that matters most", () => {
    expect(offDaySituation(withInput(amira, { whatHappened: ["nerves", "illness", "late"] }))).toBe("illness");
    expect(offDaySituation(withInput(amira, { whatHappened: ["nerves", "rambling"], offDay: "mention" }))).toBe(
      "nerves",
    );
    expect([...OFF_DAY_ON_BY_DEFAULT].sort()).toEqual([
      "bad_call",
      "illness",
      "late",
      "left_early",
      "technical_issue",
      "too_blunt",
    ]);
  });
});

describe("talking again after a bad call", () => {
  it("is practical in person on the same continent or within about three hours", () => {
    expect(meetingIsPractical(PERSONAS.beatriz)).toBe(false);
    expect(meetingIsPractical(PERSONAS.farid)).toBe(false);
    expect(meetingIsPractical(amira)).toBe(true);
    const newYorkToronto = withInput(amira, {
      whatHappened: ["bad_call"],
      candidate: { ...amira.candidate, timeZone: "America/New_York" },
      interview: { ...amira.interview, interviewer: { ...amira.interview.interviewer, timeZone: "America/Toronto" } },
    });
    expect(meetingIsPractical(newYorkToronto)).toBe(true);
  });

  it("asks in person or by video only after a call that went wrong", () => {
    expect(howToTalkAgain(only("bad_call"))).toBe(" in person");
    expect(howToTalkAgain(PERSONAS.beatriz)).toBe(" by video call");
    expect(howToTalkAgain(only("nerves"))).toBe("");
    expect(howToTalkAgain(only("bad_call", { interview: { ...amira.interview, format: "onsite" } }))).toBe("");
  });
});
