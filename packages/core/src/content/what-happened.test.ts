import { PERSONAS } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import type { DebriefInput } from "../debrief/schema";
import { TONES, WHAT_HAPPENED } from "../debrief/schema";
import {
  askWording,
  bluntQuestion,
  howToTalkAgain,
  meetingIsPractical,
  missedPart,
  OFF_DAY_ON_BY_DEFAULT,
  offDaySentence,
  offDaySituation,
  ownsBluntAnswer,
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

  it("has wording specific to each situation in each tone (a blunt answer has its own apology)", () => {
    const opened = WHAT_HAPPENED.filter((w) => w !== "too_blunt");
    for (const tone of TONES) {
      const sentences = opened.map((w) => offDaySentence(only(w, { tone, offDay: "mention" })));
      expect(sentences.every(Boolean)).toBe(true);
      expect(new Set(sentences).size).toBe(opened.length);
      expect(offDaySentence(only("too_blunt", { tone, offDay: "mention" }))).toBeUndefined();
    }
  });

  it("says both in one sentence when the candidate was unwell and left early", () => {
    for (const tone of TONES) {
      const s = offDaySentence(withInput(amira, { tone, whatHappened: ["illness", "left_early"] }));
      expect(s).toMatch(/unwell/);
      expect(s).toMatch(/leave/);
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

  it("owns a blunt answer beside the question it was given to: about leaving or a boss, else motivation", () => {
    const q = (question: string) => ({ question, betterAnswer: "I want to lead a bigger team." });
    const blunt = (questions: DebriefInput["questions"], offDay: DebriefInput["offDay"] = "auto") =>
      bluntQuestion(withInput(amira, { whatHappened: ["too_blunt"], questions, offDay }));
    expect(blunt([q("How would you plan a launch?"), q("Why are you leaving your current job?")])).toBe(1);
    expect(blunt([q("What was your last manager like?"), q("Why us?")])).toBe(0);
    expect(blunt([q("How would you plan a launch?"), q("Why this company?")])).toBe(1);
    expect(blunt([q("How would you plan a launch?")])).toBeUndefined();
    expect(blunt([q("Why are you leaving?")], "omit")).toBeUndefined();
    expect(ownsBluntAnswer(only("too_blunt", { offDay: "omit" }))).toBe(false);
    expect(bluntQuestion(only("nerves", { questions: [q("Why are you leaving?")] }))).toBeUndefined();
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

describe("leaving early", () => {
  const notes = (n: string) => only("left_early", { notes: n });

  it("names the part missed when the notes say it, and not the end or the rest of the interview", () => {
    expect(missedPart(notes("Migraine came on halfway, had to leave before the teaching demo."))).toBe(
      "the teaching demo",
    );
    expect(missedPart(notes("I missed the case study and the panel questions."))).toBe("the case study");
    expect(missedPart(notes("Never got to my presentation because the train left."))).toBe("my presentation");
    expect(missedPart(notes("Had to leave before the end of the interview."))).toBeUndefined();
    expect(missedPart(notes("Left during the interview, felt awful."))).toBeUndefined();
    expect(missedPart(only("left_early"))).toBeUndefined();
  });

  it("asks to finish the conversation, including what was missed, in person after a bad call", () => {
    const d = withInput(amira, {
      whatHappened: ["illness", "left_early"],
      notes: "had to leave before the teaching demo",
    });
    expect(askWording(d).warm).toBe(
      "I would be grateful for the chance to finish our conversation, including the teaching demo I missed, whenever suits you.",
    );
    expect(askWording(withInput(d, { notes: undefined })).concise).toBe("Could we finish our conversation?");
    expect(askWording(withInput(d, { whatHappened: ["left_early", "bad_call"], notes: undefined })).formal).toBe(
      "I would be grateful for the opportunity to finish our conversation in person.",
    );
    expect(askWording(withInput(d, { offDay: "omit" })).warm).not.toMatch(/finish/);
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
