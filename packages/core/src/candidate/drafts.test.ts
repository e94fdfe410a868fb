import { createManualClock, createMemoryStore } from "@debrief/testkit/memory";
import { personaDebrief } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import { currentDraft } from "../content/draft";
import { composeLetter, letterAsText } from "../content/letter";
import type { Debrief } from "../debrief/model";
import { changeSalutation, KEEP_EDITS_MESSAGE, letterChoices, regenerate, saveDraft, shapeLetter } from "./drafts";

describe("the letter's length and the parts put back", () => {
  it("offers what the composer leaves out at the stored length, each marked when it was put back", () => {
    const kate = personaDebrief("kate");
    const full = letterChoices(kate);
    expect(full.length).toBe("full");
    expect(full.parts.map((p) => p.part)).toEqual(composeLetter(kate.input).omitted.map((o) => o.part));
    expect(full.parts.every((p) => !p.included)).toBe(true);

    const short = {
      ...kate,
      input: { ...kate.input, length: "short" as const },
      letterInclude: ["references" as const],
    };
    const choices = letterChoices(short);
    expect(choices.length).toBe("short");
    // A part put back is still offered, so it can be taken out again.
    expect(choices.parts.find((p) => p.part === "references")?.included).toBe(true);
    expect(choices.parts.filter((p) => p.included)).toHaveLength(1);
  });

  it("is what currentDraft composes, so the page, the .eml and every mailto agree", () => {
    const kate = personaDebrief("kate");
    const short = { ...kate, input: { ...kate.input, length: "short" as const } };
    expect(currentDraft(short).body).toBe(letterAsText(composeLetter(kate.input, { length: "short" })));
    const back = { ...short, letterInclude: ["references" as const] };
    expect(currentDraft(back).body).toBe(
      letterAsText(composeLetter(kate.input, { length: "short", include: ["references"] })),
    );
    expect(currentDraft(back).body).not.toBe(currentDraft(short).body);
    // A draft the candidate edited wins over any choice.
    const edited = { ...back, draft: { subject: "Mine", body: "My words", editedAt: "x" } };
    expect(currentDraft(edited)).toEqual({ subject: "Mine", body: "My words", edited: true });
  });
});

describe("the candidate's changes to the letter", () => {
  const setup = async (overrides: Partial<Debrief> = {}) => {
    const store = createMemoryStore();
    const clock = createManualClock("2026-11-24T18:00:00.000Z");
    const d = personaDebrief("kate", overrides);
    await store.create(d);
    const stored = async () => (await store.get(d.id, clock.now())) as Debrief;
    return { d, stored, deps: { store, clock } };
  };

  it("save an edited draft with its line breaks as \\n, and nothing on bad input", async () => {
    const { d, stored, deps } = await setup();
    expect(await saveDraft(d, { subject: " ", body: "Hi" }, deps)).toEqual({
      ok: false,
      errors: { subject: "The subject cannot be empty" },
    });
    expect((await stored()).draft).toBeUndefined();
    expect(await saveDraft(d, { subject: "Thanks", body: "Dear Jana,\r\nThank you." }, deps)).toEqual({ ok: true });
    expect((await stored()).draft).toMatchObject({ subject: "Thanks", body: "Dear Jana,\nThank you." });
  });

  it("never replace an edited draft unless the candidate confirms it", async () => {
    const draft = { subject: "Mine", body: "My words", editedAt: "x" };
    const { d, stored, deps } = await setup({ draft });
    expect(await regenerate(d, { tone: "formal" }, deps)).toEqual({
      ok: false,
      errors: { replace: KEEP_EDITS_MESSAGE },
    });
    expect(await changeSalutation(d, { salutation: "Dr. Novak" }, deps)).toMatchObject({ ok: false });
    expect((await stored()).draft).toEqual(draft);
    expect(await regenerate(d, { tone: "formal", replace: "yes" }, deps)).toEqual({ ok: true });
    expect(await stored()).toMatchObject({ input: { tone: "formal" } });
    expect((await stored()).draft).toBeUndefined();
  });

  it("put back only parts this letter leaves out, at a length that exists", async () => {
    const { d, stored, deps } = await setup();
    const refused = await shapeLetter(d, { length: "long", include: ["references", "nonsense"] }, deps);
    expect(refused).toMatchObject({ ok: false, errors: { length: expect.any(String), include: expect.any(String) } });
    expect(await shapeLetter(d, { length: "full", include: "references" }, deps)).toEqual({ ok: true });
    expect((await stored()).letterInclude).toEqual(["references"]);
    expect(await shapeLetter(d, { length: "short" }, deps)).toEqual({ ok: true });
    expect((await stored()).letterInclude).toBeUndefined();
  });

  it("address the interviewer as the candidate typed it, tidied", async () => {
    const { d, stored, deps } = await setup();
    expect(await changeSalutation(d, { salutation: "dear dr. novak," }, deps)).toEqual({ ok: true });
    expect((await stored()).input.interview.interviewer.salutation).toBe("Dr. Novak");
    expect(await changeSalutation(d, { salutation: "!!" }, deps)).toMatchObject({ ok: false });
  });
});
