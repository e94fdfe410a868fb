import { stackWithChromium } from "@debrief/testkit/browser-suite";
import { provisionCentre } from "@debrief/testkit/centres";
import { contextOptions, DESKTOP, PHONE } from "@debrief/testkit/chromium";
import { predictableSchedule } from "@debrief/testkit/env";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe";
import { FAST_FORMS, fillDebriefByKeyboard, openPart, typedDebrief } from "./support/journey";
import { focused, submitByKeyboard, tabTo, typeInto } from "./support/keyboard";
import { storedDebrief } from "./support/store";

/** The bound on the new form's height on a phone. */
const FIRST_VIEW_MAX_PX = 4000;

const PARTS = [
  "part-interview",
  "part-interviewer",
  "part-challenges",
  "part-samples",
  "part-references",
  "part-plan",
  "part-letter",
  "part-notes",
];

const isOpen = (page: Page, id: string) => page.locator(`#${id}`).evaluate((d) => (d as HTMLDetailsElement).open);
const shows = (page: Page, selector: string) => page.locator(selector).first().isVisible();
const modes = [true, false].map((javaScriptEnabled) => ({
  javaScriptEnabled,
  label: `JavaScript ${javaScriptEnabled ? "on" : "off"}`,
}));

describe("the debrief form opens short and grows as the candidate asks (Chromium)", () => {
  const suite = stackWithChromium({ localDaySeconds: 60, env: { ...predictableSchedule(), ...FAST_FORMS } });
  const { chromium } = suite;

  async function open(javaScriptEnabled: boolean, viewport = PHONE, bypassCSP = false): Promise<Page> {
    const context = await (await chromium.get()).newContext(contextOptions({ javaScriptEnabled, viewport, bypassCSP }));
    const page = await context.newPage();
    await page.goto(`${suite.stack.appUrl}/`);
    return page;
  }

  for (const { javaScriptEnabled, label } of modes) {
    it(`is at most ${FIRST_VIEW_MAX_PX} px tall at 360 px, every optional part closed, no list of every time zone (${label})`, async () => {
      const page = await open(javaScriptEnabled);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      console.info(`debrief form at 360 px, ${label}: ${height} px tall`);
      expect(height).toBeLessThanOrEqual(FIRST_VIEW_MAX_PX);
      for (const id of PARTS) expect(await isOpen(page, id), id).toBe(false);
      // What the letter cannot do without is in view from the start.
      for (const name of [
        "whatHappened",
        "interview.company",
        "interview.role",
        "interview.date",
        "interview.format",
        "interview.interviewer.name",
        "questions.0.question",
        "questions.0.betterAnswer",
        "candidate.timeZone",
      ]) {
        expect(await shows(page, `[name="${name}"]`), name).toBe(true);
      }
      expect(await shows(page, '[name="questions.1.question"]')).toBe(false);
      expect(await page.locator("datalist").count()).toBe(0);
      const options = await page.locator("option").count();
      // With scripts the short lists only; without, the one grouped select per zone field carries them all.
      if (javaScriptEnabled) expect(options).toBeLessThan(200);
      else expect(options).toBeGreaterThan(2 * 400);
      await page.context().close();
    });
  }

  it(`is at most ${FIRST_VIEW_MAX_PX} px tall at 360 px as a career centre's form too, with its banner and its own fields`, async () => {
    await provisionCentre({
      slug: "heights",
      displayName: "Northfield University Careers",
      cohorts: ["MSc Data 2026", "BA History 2026"],
    });
    const context = await (await chromium.get()).newContext(contextOptions({ viewport: PHONE }));
    const page = await context.newPage();
    await page.goto(`${suite.stack.appUrl}/c/heights`);
    expect(await shows(page, "#cohort")).toBe(true);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.info(`a centre's debrief form at 360 px: ${height} px tall`);
    expect(height).toBeLessThanOrEqual(FIRST_VIEW_MAX_PX);
    await context.close();
  });

  it("has no serious accessibility violations at 360 and 1280 px, closed and with every part open", async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const page = await open(true, viewport, true);
      expect(describeViolations(await seriousViolations(page))).toEqual([]);
      await page.evaluate(() => {
        for (const d of document.querySelectorAll("details")) d.open = true;
        for (const b of document.querySelectorAll<HTMLButtonElement>(".tz-search-toggle")) b.click();
      });
      expect(describeViolations(await seriousViolations(page))).toEqual([]);
      await page.context().close();
    }
  });

  for (const { javaScriptEnabled, label } of modes) {
    it(`opens each part from its heading with the keyboard, and the next Tab reaches its first field (${label})`, async () => {
      const page = await open(javaScriptEnabled);
      for (const id of PARTS) {
        await openPart(page, id);
        await page.keyboard.press("Tab");
        const inside = await page.evaluate(
          (partId) => document.getElementById(partId)?.contains(document.activeElement) ?? false,
          id,
        );
        expect(inside, `Tab after opening #${id} stays in it`).toBe(true);
        if (id === "part-interviewer") {
          // The interviewer's own time zone sits one level deeper.
          await openPart(page, "part-interviewer-zone");
          expect(await shows(page, '[name="interview.interviewer.timeZone"]')).toBe(true);
        }
      }
      await page.context().close();
    });

    it(`"Add another question" shows one more row at a time (${label})`, async () => {
      const page = await open(javaScriptEnabled);
      expect(await shows(page, "#questions-row-2 > summary")).toBe(true);
      expect(await shows(page, "#questions-row-3 > summary")).toBe(false);
      await tabTo(page, "#questions-row-2 > summary");
      await page.keyboard.press("Enter");
      expect(await shows(page, '[name="questions.1.question"]')).toBe(true);
      expect(await shows(page, '[name="questions.2.question"]')).toBe(false);
      // The button it was hides; the next one comes after the new row.
      expect(await shows(page, "#questions-row-2 > summary")).toBe(false);
      expect(await shows(page, "#questions-row-3 > summary")).toBe(true);
      // The script moves focus on the details' toggle event, which comes in a task of its own.
      if (javaScriptEnabled) await expect.poll(() => focused(page)).toBe("questions.1.question");
      else {
        await page.keyboard.press("Tab");
        expect(await focused(page)).toBe("questions.1.question");
      }
      await page.context().close();
    });

    it(`keeps typed values and open parts when a submission is refused (${label})`, async () => {
      const page = await open(javaScriptEnabled);
      await typeInto(page, '[name="interview.company"]', "Northwind Logistics");
      await tabTo(page, "#questions-row-2 > summary");
      await page.keyboard.press("Enter");
      await typeInto(page, '[name="questions.1.question"]', "Why logistics?");
      await openPart(page, "part-samples");
      await typeInto(page, '[name="samples.0.url"]', "not a link");
      await openPart(page, "part-notes");
      const response = await submitByKeyboard(page);
      expect(response.status()).toBe(422);
      expect(await page.locator('[name="interview.company"]').inputValue()).toBe("Northwind Logistics");
      expect(await page.locator('[name="questions.1.question"]').inputValue()).toBe("Why logistics?");
      expect(await page.locator('[name="samples.0.url"]').inputValue()).toBe("not a link");
      expect(await isOpen(page, "questions-row-2")).toBe(true);
      expect(await isOpen(page, "part-samples")).toBe(true);
      expect(await page.locator('[name="samples.0.url"]').getAttribute("aria-invalid")).toBe("true");
      // A part opened and left empty: only the script can tell the server it was open.
      expect(await isOpen(page, "part-notes")).toBe(javaScriptEnabled);
      expect(await isOpen(page, "part-references")).toBe(false);
      await page.context().close();
    });
  }

  it("submits and works with JavaScript off: a second question and the interviewer's zone from the grouped select", async () => {
    const page = await open(false);
    await openPart(page, "part-interviewer");
    await openPart(page, "part-interviewer-zone");
    await page.locator('select[name="interview.interviewer.timeZone"]').selectOption("Asia/Kathmandu");
    expect(await page.locator('select[name="interview.interviewer.timeZone"] optgroup').count()).toBeGreaterThan(5);
    await tabTo(page, "#questions-row-2 > summary");
    await page.keyboard.press("Enter");
    await typeInto(page, '[name="questions.1.question"]', "Why logistics?");
    await typeInto(page, '[name="questions.1.betterAnswer"]', "Because delays are puzzles I enjoy solving.");
    const typed = typedDebrief(`form-nojs-${Date.now()}@example.com`);
    // Back to the top of the form: the rest is filled in page order.
    await page.locator("#main").focus();
    await fillDebriefByKeyboard(page, typed);
    const stored = await storedDebrief(page.url());
    expect(stored.input.questions.map((q) => q.question)).toEqual([typed.question, "Why logistics?"]);
    expect(stored.input.interview.interviewer.timeZone).toBe("Asia/Kathmandu");
    expect(stored.input.candidate.timeZone).toBe("UTC");
    expect(stored.input.skills).toEqual(typed.skills);
    await page.context().close();
  });

  it("fills in the detected zone, offers the candidate's region first, and searches every zone only when asked", async () => {
    const context = await (await chromium.get()).newContext(contextOptions({ timezoneId: "Asia/Tokyo" }));
    const page = await context.newPage();
    await page.goto(`${suite.stack.appUrl}/`);
    const mine = page.locator('select[name="candidate.timeZone"]');
    expect(await mine.inputValue()).toBe("Asia/Tokyo");
    const theirs = page.locator('select[name="interview.interviewer.timeZone"]');
    expect(await theirs.inputValue()).toBe("");
    expect(await theirs.locator("optgroup").first().getAttribute("label")).toBe("Asia");

    await openPart(page, "part-interviewer");
    await openPart(page, "part-interviewer-zone");
    const toggle = page.locator("#part-interviewer-zone .tz-search-toggle");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator("datalist").count()).toBe(0);
    await tabTo(page, "#part-interviewer-zone .tz-search-toggle");
    await page.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await page.locator("datalist option").count()).toBeGreaterThan(400);
    expect(await focused(page)).toBe("interview.interviewer.timeZone-find");
    // A place typed alone, then Enter (which picks, and never sends the form).
    await page.keyboard.type("kathmandu");
    await page.keyboard.press("Enter");
    expect(await theirs.inputValue()).toBe("Asia/Kathmandu");
    expect(page.url()).toBe(`${suite.stack.appUrl}/`);
    expect(await focused(page)).toBe("interview.interviewer.timeZone");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await context.close();
  });

  it("puts the browser's draft back after a reload, with the parts and rows holding it open", async () => {
    const page = await open(true);
    await openPart(page, "part-samples");
    await typeInto(page, '[name="samples.0.title"]', "Delay dashboard");
    await tabTo(page, "#samples-row-2 > summary");
    await page.keyboard.press("Enter");
    await typeInto(page, '[name="samples.1.title"]', "Carrier report");
    await page.reload();
    // The script puts the draft back in a task of its own, just after the page's.
    await expect.poll(() => page.locator('[name="samples.1.title"]').inputValue()).toBe("Carrier report");
    expect(await isOpen(page, "part-samples")).toBe(true);
    expect(await isOpen(page, "samples-row-2")).toBe(true);
    expect(await isOpen(page, "part-references")).toBe(false);
    await page.context().close();
  });

  it("grows the example box with its text", async () => {
    const page = await open(true);
    const example = page.locator('[name="questions.0.example"]');
    const before = (await example.boundingBox())?.height ?? 0;
    await example.fill(
      "At my internship I traced 60% of late parcels to one depot's cut-off time. We moved the cut-off by an hour and late deliveries fell by a third within a month, which the regional manager then rolled out to two more depots.",
    );
    const after = (await example.boundingBox())?.height ?? 0;
    expect(after).toBeGreaterThan(before + 20);
    expect(await example.evaluate((t) => t.scrollHeight - t.clientHeight)).toBeLessThanOrEqual(1);
    await page.context().close();
  });
});
