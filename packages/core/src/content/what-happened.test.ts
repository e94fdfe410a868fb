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
  nameSlip,
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
    expect(offDaySituation(withInput(amira, { whatHappened: ["nerves", "outfit"], offDay: "mention" }))).toBe("nerves");
    expect(offDaySituation(withInput(amira, { whatHappened: ["nerves", "rambling"], offDay: "mention" }))).toBe(
      "rambling",
    );
    expect([...OFF_DAY_ON_BY_DEFAULT].sort()).toEqual([
      "bad_call",
      "illness",
      "late",
      "left_early",
      "rambling",
      "technical_issue",
      "too_blunt",
    ]);
  });

  it("owns answers that ran long, in one line, at any length", () => {
    for (const tone of TONES) {
      expect(offDaySentence(only("rambling", { tone }))).toMatch(/answers (?:ran|were) long/);
      expect(offDaySentence(withInput(amira, { tone, whatHappened: ["nerves", "rambling"] }))).not.toMatch(/nerv/i);
    }
  });

  it("owns a bad call without blaming the line, and says where it was taken only when the notes say so", () => {
    const call = (format: DebriefInput["interview"]["format"], notes?: string) =>
      TONES.map((tone) => offDaySentence(only("bad_call", { tone, notes, interview: { ...amira.interview, format } })));
    for (const s of call("phone")) expect(s).toMatch(/on me|responsibility/);
    for (const s of call("phone", "Took it in a taxi between meetings, kept losing her.")) {
      expect(s).toMatch(/took (?:our|the) call from a (?:place|location|poor location)/);
    }
    for (const s of call("video", "Dialled in from the station concourse, awful echo")) expect(s).toMatch(/poor/);
    for (const s of call("video", "She seemed distracted, hard to read her")) expect(s).not.toMatch(/location|place/);
    for (const s of [...call("phone", "line kept cutting out"), ...call("video")]) {
      expect(s).not.toMatch(/because|line was|cutting out|signal/);
    }
  });

  it("owns technical problems as the candidate's own only when the notes say it was their equipment", () => {
    expect(offDaySentence(only("technical_issue", { notes: "my laptop died mid answer" }))).toMatch(/my connection/);
    expect(offDaySentence(only("technical_issue", { notes: "their screen share broke" }))).not.toMatch(/my/);
  });

  it("adds to lateness at most that the candidate called ahead, never the journey", () => {
    const late = (notes: string) => TONES.map((tone) => offDaySentence(only("late", { tone, notes })) ?? "");
    for (const s of late("Motorway closed after a crash. Rang ahead from the services, 25 mins late")) {
      expect(s).toMatch(/late.*called ahead/);
      expect(s).not.toMatch(/motorway|crash|traffic/i);
    }
    for (const s of late("bus broke down so i was late")) expect(s).not.toMatch(/called|bus/);
    for (const s of late("nerves all morning")) expect(s).not.toMatch(/nerv/i);
  });
});

describe("a name said wrong", () => {
  const slip = (notes: string, more: Partial<DebriefInput> = {}) => only("other", { notes, ...more });
  const name = amira.interview.interviewer.name.split(" ")[0] ?? "";

  it("is read from the notes: the company's name or the interviewer's", () => {
    const table: [string, "company" | "person" | undefined][] = [
      ["Called them Orbital Labs twice, the place I saw last week", "company"],
      ["said the wrong company name in my intro!!", "company"],
      ["got the firm's name wrong at the start", "company"],
      ["kept saying acme instead of their name", "company"],
      ["called the company by the competitor's name by mistake", "company"],
      ["mixed up the names of the two banks I applied to", "company"],
      [`called her ${name}a instead of ${name}`, "person"],
      ["called him by the wrong name the whole way through", "person"],
      ["called them back after the interview to check the date", undefined],
      ["called ahead to say I would be late", undefined],
      ["called them Monday to confirm", undefined],
      ["they asked about the name of my last project", undefined],
    ];
    for (const [notes, whose] of table) expect(nameSlip(slip(notes)), notes).toBe(whose);
    expect(nameSlip(only("nerves"))).toBeUndefined();
  });

  it("is owned in one line that never repeats the wrong name, alone or beside another lapse", () => {
    for (const tone of TONES) {
      const alone = offDaySentence(slip("Called them Orbital Labs by accident", { tone })) ?? "";
      expect(alone).toMatch(/company's name wrong|wrong name/);
      expect(alone).not.toMatch(/Orbital/);
      const late = offDaySentence(
        withInput(amira, { tone, whatHappened: ["late", "nerves"], notes: "Called them Orbital Labs by accident" }),
      );
      expect(late).toMatch(/late and that I got your company's name wrong\.$/);
      expect(late?.match(/sorry|apologise/g)).toHaveLength(1);
      // Ticked under nothing but nerves, the slip is still owned.
      expect(offDaySentence(only("nerves", { tone, notes: "got her name wrong twice" }))).toMatch(/your name wrong/);
      expect(offDaySentence(slip("Called them Orbital Labs by accident", { tone, offDay: "omit" }))).toBeUndefined();
    }
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

  it("asks to finish the conversation, including what was missed, in person or by video after a bad call", () => {
    const d = withInput(amira, {
      whatHappened: ["illness", "left_early"],
      notes: "had to leave before the teaching demo",
    });
    expect(askWording(d).warm).toBe(
      "I would be grateful for the chance to finish our conversation, including the teaching demo I missed, whenever suits you.",
    );
    expect(askWording(withInput(d, { notes: undefined })).concise).toBe("Could we finish our conversation?");
    expect(askWording(withInput(d, { whatHappened: ["left_early", "bad_call"], notes: undefined })).formal).toBe(
      "I would be grateful for the opportunity to finish our conversation by video or in person.",
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

  it("asks by the format of the call that went wrong, and names no way otherwise", () => {
    const format = (f: DebriefInput["interview"]["format"], w: (typeof WHAT_HAPPENED)[number] = "bad_call") =>
      howToTalkAgain(only(w, { interview: { ...amira.interview, format: f } }));
    expect(format("phone")).toBe(" in person or by video");
    expect(format("phone", "technical_issue")).toBe(" in person or by video");
    expect(format("video")).toBe(" by video or in person");
    expect(format("video", "technical_issue")).toBe(" by video or in person");
    expect(format("onsite")).toBe("");
    for (const tone of TONES)
      expect(askWording(only("bad_call", { tone }))[tone]).not.toMatch(/again in person\b(?! or)/);
    expect(howToTalkAgain(PERSONAS.beatriz)).toBe(" by video call");
    expect(howToTalkAgain(only("nerves"))).toBe("");
    expect(howToTalkAgain(only("bad_call", { interview: { ...amira.interview, format: "onsite" } }))).toBe("");
  });
});
