import {
  CHECK_BEFORE_SENDING,
  currentDraft,
  type Debrief,
  type EmailKind,
  emailActions,
  validateDebrief,
} from "@debrief/core";
import { PERSONA_NAMES, PERSONA_SUBMITTED_AT, type PersonaName, personaDebrief } from "@debrief/testkit/personas";
import { typedPersonas } from "@debrief/testkit/typed-personas";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderEmail } from "./index";
import { linksAsText } from "./links-as-text";
import { previewLinks } from "./preview";
import { renderHtml } from "./render-html";
import CheckinEmail from "./templates/checkin";
import LetterEmail from "./templates/letter";
import NudgeEmail from "./templates/nudge";
import TipsEmail from "./templates/tips";

/**
 * Golden files of every persona's emails: the text parts live beside this test
 * (read them in review), the HTML in one snapshot file, and three personas are
 * also rendered to docs/examples/ as the examples a person reads.
 */
const EXAMPLES: PersonaName[] = ["amira", "ben", "kate"];

const variants: { name: string; kind: EmailKind; debrief: (p: PersonaName) => Debrief }[] = [
  { name: "letter", kind: "letter", debrief: (p) => personaDebrief(p) },
  { name: "nudge-reminder", kind: "nudge", debrief: (p) => personaDebrief(p) },
  {
    name: "nudge-sent",
    kind: "nudge",
    debrief: (p) => personaDebrief(p, { letterSentAt: "2026-11-25T07:30:00.000Z" }),
  },
  { name: "tips", kind: "tips", debrief: (p) => personaDebrief(p) },
];

describe("rendered emails (golden files)", () => {
  for (const persona of PERSONA_NAMES) {
    it(`${persona}: letter, nudge (unsent and sent) and tips`, async () => {
      for (const v of variants) {
        const d = v.debrief(persona);
        // The links an email of this kind and state carries, as the send step mints them.
        const wanted = emailActions(v.kind, d);
        const actions = Object.fromEntries(
          Object.entries(previewLinks.actions ?? {}).filter(([a]) => wanted.includes(a as never)),
        );
        const email = await renderEmail(v.kind, d, { ...previewLinks, actions });
        // The letter copies out of the plain-text part as composed, its web addresses written as text
        // (the first email to an address nobody has proven).
        if (v.kind === "letter") expect(email.text).toContain(linksAsText(currentDraft(v.debrief(persona)).body));
        await expect(`Subject: ${email.subject}\n\n${email.text}\n`).toMatchFileSnapshot(
          `./__golden__/${persona}/${v.name}.txt`,
        );
        expect(email.html).toMatchSnapshot(`${persona} ${v.name} html`);
        if (EXAMPLES.includes(persona)) {
          await expect(email.html).toMatchFileSnapshot(`../../docs/examples/${persona}-${v.name}.html`);
          await expect(`Subject: ${email.subject}\n\n${email.text}\n`).toMatchFileSnapshot(
            `../../docs/examples/${persona}-${v.name}.txt`,
          );
        }
      }
    });
  }

  it("writes the letter's web addresses as text until the address is proven, then copies the letter exactly", async () => {
    const unproven = await renderEmail("letter", personaDebrief("amira"), previewLinks);
    const letterBox = (text: string) => text.slice(text.indexOf("Dear "), text.indexOf("Web addresses in this email"));
    expect(unproven.text).toContain("my delivery delay dashboard, which you can find at example[.]com/amira/dashboard");
    expect(letterBox(unproven.text)).not.toMatch(/https?:\/\/|example\.com/);
    expect(unproven.text).toContain("cannot be clicked");
    // The mailto keeps the letter as written, for the message the candidate sends (Hiro's fits in one).
    const hiro = await renderEmail("letter", personaDebrief("hiro"), previewLinks);
    expect(decodeURIComponent(/href="(mailto:[^"]*)"/.exec(hiro.html)?.[1] ?? "")).toContain(
      "which you can find at https://example.com/hiro/watchdog",
    );
    const proven = personaDebrief("amira", { addressProvenAt: "2026-11-25T08:00:00.000Z" });
    const email = await renderEmail("letter", proven, previewLinks);
    expect(email.text).toContain(currentDraft(proven).body);
    expect(email.text).not.toContain("cannot be clicked");
  });

  it("puts the one-use links, the .eml and the mailto in the letter email", async () => {
    const email = await renderEmail("letter", personaDebrief("amira"), previewLinks);
    for (const url of Object.values(previewLinks.actions ?? {})) expect(email.html).toContain(`href="${url}"`);
    expect(email.html).toContain(`href="${previewLinks.page}/letter.eml"`);
    expect(email.html).toMatch(/href="mailto:jonas\.weber@example\.com\?subject=/);
    for (const label of ["I sent it", "Snooze a day", "Stop emails", "Delete my data"])
      expect(email.text).toContain(label);
    expect(email.text).toContain("Wednesday 25 November, 09:00–11:00 (Berlin time)");
  });

  it("offers the .ics practice session in the tips, and only stop and delete links", async () => {
    const links = { page: previewLinks.page, actions: { stop: "http://x/a/stop", delete: "http://x/a/delete" } };
    const email = await renderEmail("tips", personaDebrief("amira"), links);
    expect(email.html).toContain(`href="${previewLinks.page}/practice.ics"`);
    expect(email.text).toContain("Thursday 26 November, 18:00–19:00 (your time)");
    expect(email.text).not.toContain("I sent it");
  });

  it("lists the words kept as typed that the letter shows, and says nothing of them for a tidy debrief", async () => {
    const base = personaDebrief("amira");
    const typed = {
      ...base,
      input: {
        ...base.input,
        questions: [{ question: "Why us?", betterAnswer: "Because ur team builds what I want to build." }],
      },
    };
    const email = await renderEmail("letter", typed, previewLinks);
    expect(email.html).toContain(CHECK_BEFORE_SENDING.heading);
    // The plain-text part writes headings in capitals.
    expect(email.text).toContain(CHECK_BEFORE_SENDING.heading.toUpperCase());
    expect(email.text).toContain('• “ur” in your better answer to question 1: chat spelling: "your" or "you\'re"?');
    const tidy = await renderEmail("letter", base, previewLinks);
    expect(tidy.html).not.toContain(CHECK_BEFORE_SENDING.heading);
    expect(tidy.text).not.toMatch(/check before sending/i);
  });

  it("escapes what the candidate typed", async () => {
    const base = personaDebrief("chloe");
    const d = { ...base, input: { ...base.input, candidate: { ...base.input.candidate, name: "<script>x</script>" } } };
    const email = await renderEmail("letter", d, previewLinks);
    expect(email.html).not.toContain("<script>x</script>");
    expect(email.html).toMatch(/&lt;script&gt;/i);
  });
});

describe("the letter and tips of debriefs as candidates type them (golden files)", () => {
  // Dated on the personas' day, so that every day and window in them stays as written here.
  for (const { key, body } of typedPersonas(PERSONA_SUBMITTED_AT)) {
    it(key, async () => {
      const valid = validateDebrief(body, PERSONA_SUBMITTED_AT);
      if (!valid.ok) throw new Error(`${key} is refused: ${JSON.stringify(valid.errors)}`);
      const d = personaDebrief("amira", { input: valid.value });
      for (const kind of ["letter", "tips"] as const) {
        const email = await renderEmail(kind, d, previewLinks);
        await expect(`Subject: ${email.subject}\n\n${email.text}\n`).toMatchFileSnapshot(
          `./__golden__/typed/${key}/${kind}.txt`,
        );
      }
    });
  }
});

describe("the previews (pnpm email:dev)", () => {
  it("renders each template with its own PreviewProps", () => {
    const letter = renderHtml(createElement(LetterEmail, LetterEmail.PreviewProps));
    expect(letter).toContain(LetterEmail.PreviewProps.draft.subject);
    expect(letter).toContain(`href="${previewLinks.actions.sent}"`);
    expect(renderHtml(createElement(NudgeEmail, NudgeEmail.PreviewProps))).toContain(
      NudgeEmail.PreviewProps.nudge.heading,
    );
    expect(renderHtml(createElement(TipsEmail, TipsEmail.PreviewProps))).toContain(
      TipsEmail.PreviewProps.tips.sections[0]?.heading,
    );
    const checkin = renderHtml(createElement(CheckinEmail, CheckinEmail.PreviewProps));
    for (const a of CheckinEmail.PreviewProps.checkin.answers) expect(checkin).toContain(`href="${a.url}"`);
  });
});
