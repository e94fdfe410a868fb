import { LONG_EXAMPLE_CHARS } from "@debrief/core";
import { stackWithChromium } from "@debrief/testkit/browser-suite";
import { contextOptions } from "@debrief/testkit/chromium";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe";
import { FAST_FORMS } from "./support/journey";
import { storedDebrief } from "./support/store";

const DAY_S = 60;
const NAME = "#interview\\.interviewer\\.name";
const TITLE = "#interview\\.interviewer\\.title";
const SALUTATION = "#interview\\.interviewer\\.salutation";

describe("the letter's salutation, length and parts in Chromium", () => {
  const suite = stackWithChromium({ localDaySeconds: DAY_S, env: { ...predictableSchedule(), ...FAST_FORMS } });
  const { chromium } = suite;

  async function open(path: string, javaScriptEnabled: boolean, bypassCSP = false): Promise<Page> {
    const context = await (await chromium.get()).newContext(contextOptions({ javaScriptEnabled, bypassCSP }));
    const page = await context.newPage();
    await page.goto(`${suite.stack.appUrl}${path}`);
    return page;
  }
  /** Empties a field and types into it key by key, as a person does. */
  async function retype(page: Page, selector: string, text: string) {
    await page.locator(selector).fill("");
    await page.locator(selector).pressSequentially(text);
  }

  it("leaves the salutation empty as the name and title are typed, so the letter greets by its tone", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await open("/", javaScriptEnabled);
      await page.locator("#part-interviewer > summary").click();
      await retype(page, TITLE, "Dr.");
      await retype(page, NAME, "Siobhán O'Connor-Ní Bhriain");
      expect(await page.locator(SALUTATION).inputValue()).toBe("");
      await page.context().close();
    }
  });

  it("says politely, as it is typed, when an example passes what the letter takes", async () => {
    const page = await open("/", true);
    const status = page.locator("#long-questions-0-example");
    expect(await status.getAttribute("aria-live")).toBe("polite");
    await retype(page, "#questions\\.0\\.example", "At my internship I traced 60% of late parcels to one depot.");
    expect(await status.textContent()).toBe("");
    await page.locator("#questions\\.0\\.example").fill("x".repeat(LONG_EXAMPLE_CHARS));
    await page.locator("#questions\\.0\\.example").press("End");
    await page.keyboard.type("y");
    expect(await status.textContent()).toContain(`over ${LONG_EXAMPLE_CHARS} characters`);
    await page.keyboard.press("Backspace");
    expect(await status.textContent()).toBe("");
    await page.context().close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`switches to the short note, puts a part back, changes the greeting (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const body = validDebrief({
        references: [{ name: "Jana Horáková", relation: "my manager at Parcelo", contact: "jana@example.com" }],
        plan: ["Map the delay data", "Build a carrier dashboard"],
      });
      const res = await postDebrief(suite.stack.appUrl, body);
      expect(res.status).toBe(201);
      const pageUrl = ((await res.json()) as { page: string }).page;
      const page = await open(new URL(pageUrl).pathname, javaScriptEnabled, true);
      const letter = page.locator("#letter");
      expect(await letter.textContent()).toContain("Jana Horáková");

      await page.locator("#length").selectOption("short");
      await Promise.all([page.waitForURL(/\?done=letter$/), page.locator("#update-letter").click()]);
      expect(await letter.textContent()).not.toContain("Jana Horáková");
      expect((await storedDebrief(pageUrl)).input.length).toBe("short");
      // The page with parts to put back has no serious accessibility violations (axe needs JavaScript).
      if (javaScriptEnabled) expect(describeViolations(await seriousViolations(page))).toEqual([]);

      await page.getByLabel(/Your references/).check();
      await Promise.all([page.waitForURL(/\?done=letter$/), page.locator("#update-letter").click()]);
      expect(await letter.textContent()).toContain("Jana Horáková");
      expect(await page.getByLabel(/Your references/).isChecked()).toBe(true);
      expect((await storedDebrief(pageUrl)).letterInclude).toEqual(["references"]);

      await page.locator("#salutation").fill("dear dr. weber,");
      await Promise.all([page.waitForURL(/\?done=salutation$/), page.locator("#change-salutation").click()]);
      expect(await letter.textContent()).toMatch(/^Dear Dr\. Weber,/);
      expect(await page.locator("#salutation").inputValue()).toBe("Dr. Weber");
      // The forms of address offered beside the field, and the tone's own again.
      await Promise.all([
        page.waitForURL(/\?done=salutation$/),
        page.getByRole("button", { name: "Use “Jonas Weber”" }).click(),
      ]);
      expect(await letter.textContent()).toMatch(/^Dear Jonas Weber,/);
      if (javaScriptEnabled) expect(describeViolations(await seriousViolations(page))).toEqual([]);
      await Promise.all([
        page.waitForURL(/\?done=salutation$/),
        page.getByRole("button", { name: "Let the tone choose (now “Jonas”)" }).click(),
      ]);
      expect(await letter.textContent()).toMatch(/^Dear Jonas,/);
      expect((await storedDebrief(pageUrl)).input.interview.interviewer.salutation).toBeUndefined();
      await page.context().close();
    });
  }
});
