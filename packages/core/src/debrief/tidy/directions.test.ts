import { PERSONAS } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import type { DebriefInput } from "../schema";
import { isTopicDirection, sayTheClause } from "./directions";
import { tidied } from "./index";

describe("a direction before a clause", () => {
  it.each([
    ["mention that I moved the billing team onto the new ledger", "I moved the billing team onto the new ledger"],
    ["Stress we halved the ticket queue in a quarter.", "We halved the ticket queue in a quarter."],
    ["I would highlight I've trained nine new starters.", "I've trained nine new starters."],
    ["What I should have said: I ran the stock count weekly.", "I ran the stock count weekly."],
    ["what i should've said was that we kept every client", "We kept every client"],
    ["What I SHOULD have said", ""],
    ["Then explain how we rebuilt the rota around school hours.", "We rebuilt the rota around school hours."],
  ])("%s → %s", (typed, said) => {
    expect(sayTheClause(typed)).toBe(said);
  });

  it.each([
    "I would map the data first, then test the import on one branch.",
    "Say hello to the night shift before the handover.",
    "We mentioned the risk to the board in March.",
    "Explain the trade-offs to the finance lead.",
  ])("leaves a sentence that is not one as typed: %s", (typed) => {
    expect(sayTheClause(typed)).toBe(typed);
  });
});

describe("a direction to talk about a topic", () => {
  it.each([
    ["talk about the allotment scheme I set up", true],
    ["I would also mention the grant bid for the youth club.", true],
    ["Bring up the pilot with the two care homes", true],
    ["I talked about the pilot with the two care homes.", false],
    ["Map the stock first, then count the back room.", false],
  ])("%s → %s", (typed, is) => {
    expect(isTopicDirection(typed)).toBe(is);
  });
});

const answering = (betterAnswer: string, example?: string): DebriefInput => ({
  ...PERSONAS.megan,
  questions: [{ question: "How would you run the audit?", betterAnswer, ...(example ? { example } : {}) }],
});

describe("stage directions in a whole answer", () => {
  it.each([
    // (a) a delivery verb whose object only points at content given elsewhere
    [
      "I would check the sensor logs first. Then say the figures.",
      "I would check the sensor logs first.",
      ["Then say the figures"],
    ],
    [
      "I would check the sensor logs first. Give the Leeds depot example.",
      "I would check the sensor logs first.",
      ["Give the Leeds depot example"],
    ],
    [
      "I would check the sensor logs first. Mention it again.",
      "I would check the sensor logs first.",
      ["Mention it again"],
    ],
    // (b) manner
    [
      "I would check the sensor logs first. Keep it under two minutes.",
      "I would check the sensor logs first.",
      ["Keep it under two minutes"],
    ],
    [
      "I would check the sensor logs first. No jabs at the old supplier.",
      "I would check the sensor logs first.",
      ["No jabs at the old supplier"],
    ],
    [
      "I would check the sensor logs first. Explain the rollback properly this time.",
      "I would check the sensor logs first.",
      ["Explain the rollback properly this time"],
    ],
    [
      "Keep it upbeat: I would check the sensor logs first and then the alarms.",
      "I would check the sensor logs first and then the alarms.",
      ["Keep it upbeat"],
    ],
    // (c) the clause alone, first person
    ["Mention that I rebuilt the alarm rota in two weeks.", "I rebuilt the alarm rota in two weeks.", []],
    ["Say we cut call-outs by a third.", "We cut call-outs by a third.", []],
    // (e) a heading
    ["What I should have said: I would check the sensor logs first.", "I would check the sensor logs first.", []],
  ])("%s", (typed, letter, leftOut) => {
    const t = tidied(answering(typed));
    expect(t.debrief.questions[0]?.betterAnswer).toBe(letter);
    expect(t.kept.filter((k) => k.leftOut).map((k) => k.word.replace(/[.]$/u, ""))).toEqual(leftOut);
  });

  it("keeps a direction about a topic as typed, without 'I would', and asks for a sentence about what was done", () => {
    const t = tidied(answering("Talk about the flood plan I wrote for the depot."));
    expect(t.debrief.questions[0]?.betterAnswer).toBe("Talk about the flood plan I wrote for the depot.");
    expect(t.kept).toEqual([
      expect.objectContaining({
        field: "questions.0.betterAnswer",
        suggestion: "rewrite as a sentence about what you did",
      }),
    ]);
  });

  it.each([
    "I would map the depots first, then visit the two with the most call-outs.",
    "I would use the sensor data to plan the rota.",
    "I would explain the trade-offs to the finance lead.",
  ])("leaves an answer that is itself a plan: %s", (typed) => {
    const t = tidied(answering(typed));
    expect(t.debrief.questions[0]?.betterAnswer).toBe(typed);
    expect(t.kept).toEqual([]);
  });
});
