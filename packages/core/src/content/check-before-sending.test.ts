import { PERSONA_NAMES, PERSONAS } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import type { DebriefInput } from "../debrief/schema";
import { keptAsTyped } from "../debrief/tidy";
import { checkBeforeSending, checkLine, whereTyped } from "./check-before-sending";
import { composeLetter, letterAsText } from "./letter";

const draftOf = (d: DebriefInput) => {
  const letter = composeLetter(d);
  return { subject: letter.subject, body: letterAsText(letter) };
};

describe("what to check before sending", () => {
  it("is empty for every tidy persona", () => {
    for (const name of PERSONA_NAMES)
      expect(checkBeforeSending(PERSONAS[name], draftOf(PERSONAS[name])), name).toEqual([]);
  });

  const typed: DebriefInput = {
    ...PERSONAS.amira,
    notes: "lol what a day",
    questions: [
      {
        question: "Why do you want to join us?",
        betterAnswer: "Because ur team builds the tools I have wanted to build for years.",
      },
    ],
  };

  it("lists a word the letter shows as typed, where it was typed and why, and not one only in the notes", () => {
    // The tidy step kept "lol" in the notes too, which no letter shows.
    expect(keptAsTyped(typed).map((k) => `${k.field} ${k.word}`)).toEqual(["notes lol", "questions.0.betterAnswer ur"]);
    const list = checkBeforeSending(typed, draftOf(typed));
    expect(list).toEqual([
      expect.objectContaining({
        field: "questions.0.betterAnswer",
        word: "ur",
        where: "your better answer to question 1",
      }),
    ]);
    expect(checkLine(list[0]!)).toBe('“ur” in your better answer to question 1: chat spelling: "your" or "you\'re"?');
  });

  it("follows the letter about to be sent: a word the candidate edited away is no longer listed", () => {
    const draft = draftOf(typed);
    expect(checkBeforeSending(typed, { ...draft, body: draft.body.replace(/\bur\b/, "your") })).toEqual([]);
  });

  it("lists what the tidy step left out of an answer, which the letter cannot show", () => {
    const noted: DebriefInput = {
      ...PERSONAS.amira,
      questions: [
        {
          question: "How do you prioritise a backlog?",
          betterAnswer: "I rank each item by cost of delay with the product owner. I totally blanked on this.",
        },
      ],
    };
    const list = checkBeforeSending(noted, draftOf(noted));
    expect(list.map((k) => [k.word, k.leftOut])).toEqual([["I totally blanked on this.", true]]);
    expect(checkLine(list[0]!)).toBe(
      "“I totally blanked on this.” in your better answer to question 1: left out: a note about how the interview went.",
    );
  });

  it("names each field as the form does, counting from 1", () => {
    expect(whereTyped("challenges.2.skill")).toBe("the skill beside challenge 3");
    expect(whereTyped("challenges.0")).toBe("challenge 1");
    expect(whereTyped("samples.1.note")).toBe("how work sample 2 relates");
    expect(whereTyped("plan.4")).toBe("your ideas for the first 60 days");
  });

  it("gives the suggestion when the reason does not already say it", () => {
    const base = { field: "questions.0.example", word: "wanna", where: "the example for question 1" };
    expect(checkLine({ ...base, why: "chat word", suggestion: "want to" })).toBe(
      "“wanna” in the example for question 1: chat word. Suggested: “want to”.",
    );
    expect(checkLine({ ...base, why: 'chat spelling: "want to" or "want a"?', suggestion: "want to" })).toBe(
      '“wanna” in the example for question 1: chat spelling: "want to" or "want a"?',
    );
  });
});
