import { PERSONAS } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import { currentDraft } from "./draft";
import { composeLetter, letterAsText } from "./letter";
import { MAILTO_BODY_LIMIT, mailtoLink } from "./mailto";

const params = (href: string) => new URL(href).searchParams;

describe("the mailto: link", () => {
  it("carries the whole letter, addressed to the interviewer, when it fits", () => {
    const d = PERSONAS.aoife;
    const draft = currentDraft({ input: d });
    expect(draft.body.length).toBeLessThanOrEqual(MAILTO_BODY_LIMIT);
    const { href, full } = mailtoLink(draft, d.interview.interviewer.email);
    expect(full).toBe(true);
    expect(href.startsWith("mailto:soconnor@example.ie?")).toBe(true);
    expect(params(href).get("subject")).toBe(composeLetter(d).subject);
    expect(params(href).get("body")).toBe(letterAsText(composeLetter(d)).replace(/\n/g, "\r\n"));
  });

  it("falls back to a short body pointing to the .eml when the letter is too long", () => {
    const draft = currentDraft({ input: PERSONAS.kate });
    expect(draft.body.length).toBeGreaterThan(MAILTO_BODY_LIMIT);
    const { href, full } = mailtoLink(draft, "petr.dvorak@example.cz");
    expect(full).toBe(false);
    const body = params(href).get("body") ?? "";
    expect(body.length).toBeLessThan(300);
    expect(body).toContain("Dear Petr Dvořák,");
    expect(body).toContain(".eml");
    // Never a link to the candidate's page: the interviewer must not get their key.
    expect(body).not.toMatch(/https?:/);
    expect(params(href).get("subject")).toBe(draft.subject);
  });

  it("switches exactly at the limit", () => {
    const at = { subject: "S", body: "x".repeat(MAILTO_BODY_LIMIT), edited: true };
    expect(mailtoLink(at).full).toBe(true);
    expect(mailtoLink({ ...at, body: `${at.body}x` }).full).toBe(false);
  });

  it("has no recipient when no address was given, and keeps headers on one line", () => {
    const { href } = mailtoLink({ subject: "Line one\r\nBcc: evil@example.com", body: "Hi", edited: true });
    expect(href.startsWith("mailto:?subject=")).toBe(true);
    expect(params(href).get("subject")).toBe("Line one Bcc: evil@example.com");
    expect(params(href).has("bcc")).toBe(false);
  });
});
