import { composeNudge } from "@debrief/core";
import { stackWithChromium } from "@debrief/testkit/browser-suite";
import { contextOptions } from "@debrief/testkit/chromium";
import { predictableSchedule } from "@debrief/testkit/env";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { FAST_FORMS, fillDebriefByKeyboard, pageLinkIn, typedDebrief } from "./support/journey";
import { tabTo, typeInto } from "./support/keyboard";
import { storedDebrief } from "./support/store";

// One workflow day lasts this long: long enough for a keyboard journey to finish
// before the reminder is due; every wait below is derived from it.
const DAY_S = 20;
const DAY_MS = DAY_S * 1000;
const EDITED_SUBJECT = "Thank you, and a better answer";
const ADDED_LINE = "P.S. I have attached the route analysis I mentioned.";

describe("the candidate's journey in Chromium, keyboard only", () => {
  const suite = stackWithChromium({ localDaySeconds: DAY_S, env: { ...predictableSchedule(), ...FAST_FORMS } });
  const { chromium } = suite;

  /** Opens a page that records every script the Content Security Policy refused. */
  async function openPage(javaScriptEnabled: boolean): Promise<{ page: Page; refused: string[] }> {
    const context = await (await chromium.get()).newContext(contextOptions({ javaScriptEnabled }));
    const page = await context.newPage();
    const refused: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    return { page, refused };
  }

  for (const javaScriptEnabled of [true, false]) {
    it.concurrent(`form → confirmation → letter email → candidate page → edit → mark sent → "sent" nudge (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const email = `browser-${javaScriptEnabled ? "js" : "nojs"}-${Date.now()}@example.com`;
      const typed = typedDebrief(email);
      const { page, refused } = await openPage(javaScriptEnabled);

      await page.goto(`${suite.stack.appUrl}/`);
      await fillDebriefByKeyboard(page, typed);

      // The confirmation page shows the drafted letter, built from what was typed.
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Your debrief is in");
      const draft = await page.locator(".letter").textContent();
      expect(draft).toContain(typed.interviewer.split(" ")[0]);
      expect(draft).toContain(typed.betterAnswer);
      expect(await page.getByRole("status").textContent()).toContain(email);

      // The letter email links to the candidate's page; open it from there.
      const [letter] = await waitFor(
        async () => {
          const all = await emailsTo(suite.stack.inboxUrl, email);
          return all.length >= 1 && all;
        },
        { timeoutMs: DAY_MS / 3, what: "the letter email" },
      );
      const pageUrl = pageLinkIn(letter?.body.html, suite.stack.url);
      await page.goto(pageUrl);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain(typed.interviewer);
      expect(await page.locator("#letter").textContent()).toContain(typed.betterAnswer);

      // Edit the draft, keyboard only: open "Edit the letter", change the subject, add a line, save.
      await tabTo(page, "#edit-draft summary");
      await page.keyboard.press("Enter");
      await typeInto(page, "#draft-subject", EDITED_SUBJECT);
      await tabTo(page, "#draft-body");
      await page.keyboard.press("ControlOrMeta+End");
      await page.keyboard.type(`\n\n${ADDED_LINE}`);
      await tabTo(page, "#save-draft");
      await Promise.all([page.waitForURL(/\?done=draft$/), page.keyboard.press("Enter")]);
      expect(await page.locator("#letter").textContent()).toContain(ADDED_LINE);
      expect(await page.locator("#draft-subject").inputValue()).toBe(EDITED_SUBJECT);

      // Mark it sent.
      await tabTo(page, "#mark-sent");
      await Promise.all([page.waitForURL(/\?done=sent$/), page.keyboard.press("Enter")]);
      const afterSent = await storedDebrief(pageUrl);
      expect(afterSent.letterSentAt).toBeDefined();
      expect(afterSent.sends.nudge, "the reminder went before the letter was marked sent: raise DAY_S").toBeUndefined();

      // The reminder follows and reflects it: the "sent" variant, worded by the
      // domain (composeNudge over the debrief as stored), not the reminder.
      const mails = await waitFor(
        async () => {
          const all = await emailsTo(suite.stack.inboxUrl, email);
          return all.length >= 2 && all;
        },
        { timeoutMs: 2 * DAY_MS, what: "the reminder" },
      );
      const stored = await storedDebrief(pageUrl);
      const nudge = composeNudge(stored);
      expect(nudge.variant).toBe("sent");
      expect(mails[1]?.subject).toBe(nudge.subject);
      expect(mails[1]?.subject).not.toBe(composeNudge({ ...stored, letterSentAt: undefined }).subject);
      // The plain-text part sets headings in capitals.
      expect(mails[1]?.body.text?.toLowerCase()).toContain(nudge.heading.toLowerCase());

      expect(refused).toEqual([]);
      await page.context().close();
    });
  }
});
