import { PERSONA_NAMES, PERSONAS } from "@debrief/testkit/personas";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { currentDraft } from "./draft";
import { letterEml } from "./eml";

const date = new Date("2026-11-24T18:00:00Z");

describe("the .eml download", () => {
  for (const name of PERSONA_NAMES) {
    it(`${name}: parses with a real MIME parser into the same subject, recipient and body`, async () => {
      const d = PERSONAS[name];
      const draft = currentDraft({ input: d });
      const { email, name: who } = d.interview.interviewer;
      const eml = letterEml(draft, { to: email ? { address: email, name: who } : undefined, date });
      const parsed = await simpleParser(eml);
      expect(parsed.subject).toBe(draft.subject);
      expect(parsed.text?.replace(/\r\n/g, "\n").trimEnd()).toBe(draft.body);
      if (email) {
        expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([{ address: email, name: who }]);
      } else {
        expect(parsed.to).toBeUndefined();
      }
      expect(parsed.headers.get("x-unsent")).toBe("1");
      expect(parsed.date?.toISOString()).toBe(date.toISOString());
      // Every line stays within RFC 5322's 78 characters.
      for (const line of eml.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
    });
  }

  it("keeps an edited subject on one line", async () => {
    const eml = letterEml({ subject: "Hello\r\nBcc: x@example.com", body: "Hi", edited: true }, { date });
    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe("Hello Bcc: x@example.com");
    expect(parsed.bcc).toBeUndefined();
  });
});
