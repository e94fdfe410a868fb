import { PERSONAS } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import { composedLetter, currentDraft } from "./draft";
import { composeLetter, letterAsText } from "./letter";

const amira = PERSONAS.amira;

describe("the current draft", () => {
  it("is the composed letter until the candidate saves an edit", () => {
    const composed = composeLetter(amira);
    expect(currentDraft({ input: amira })).toEqual({
      subject: composed.subject,
      body: letterAsText(composed),
      edited: false,
    });
    const draft = { subject: "Mine", body: "My words", editedAt: "2026-11-24T18:00:00.000Z" };
    expect(currentDraft({ input: amira, draft })).toEqual({ subject: "Mine", body: "My words", edited: true });
  });

  it("composes with the parts the candidate put back", () => {
    const kate = PERSONAS.kate;
    expect(composedLetter({ input: kate }).omitted.map((o) => o.part)).toContain("pairs");
    const back = composedLetter({ input: kate, letterInclude: ["pairs"] });
    expect(back.omitted.map((o) => o.part)).not.toContain("pairs");
    expect(currentDraft({ input: kate, letterInclude: ["pairs"] }).body).toBe(letterAsText(back));
  });
});
