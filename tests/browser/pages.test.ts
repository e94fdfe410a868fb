import { stackWithChromium } from "@debrief/testkit/browser-suite";
import { contextOptions, DESKTOP, NARROWEST, PHONE } from "@debrief/testkit/chromium";
import { predictableSchedule } from "@debrief/testkit/env";
import type { BrowserContext } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe";
import { EMAILS, PAGES, prepareSite, type Site } from "./support/catalogue";
import { FAST_FORMS } from "./support/journey";
import { focused, submitByKeyboard, tabTo, typeInto } from "./support/keyboard";
import { horizontalOverflow, layoutShift, recordLayoutShifts, tabThroughPage } from "./support/layout";

// A short workflow day: the emails arrive within seconds.
const DAY_S = 2;
const DAY_MS = DAY_S * 1000;

/**
 * Rules that never apply to an email's HTML: a mail client shows the subject, not
 * a <title>, and email markup has no page landmarks.
 */
const RULES_THAT_NEVER_APPLY_TO_EMAIL = ["document-title", "landmark-one-main", "region", "page-has-heading-one"];

describe("every page and email in Chromium", () => {
  const suite = stackWithChromium({ localDaySeconds: DAY_S, env: { ...predictableSchedule(), ...FAST_FORMS } });
  const { chromium } = suite;
  let site: Site;
  beforeAll(async () => {
    site = await prepareSite(suite.stack, DAY_MS);
  });

  /** A context that lets axe in (the app's CSP rightly refuses injected scripts) and records layout shifts. */
  async function auditContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
    const context = await (await chromium.get()).newContext(contextOptions({ viewport, bypassCSP: true }));
    await recordLayoutShifts(context);
    return context;
  }

  // axe runs on the phone layout, the tighter one (colours do not change with the width); every width must
  // load without shifting and never scroll sideways, down to the 320 px that WCAG's reflow rule names.
  for (const { name, open, act } of PAGES) {
    it(`${name}: no serious accessibility violations; no layout shift or sideways scrolling at 320, 360 and 1280 px`, async () => {
      for (const viewport of [NARROWEST, PHONE, DESKTOP]) {
        const context = await auditContext(viewport);
        const page = await context.newPage();
        await open(page, site);
        // Shifts while loading; what a person's own action changes afterwards is not a layout shift.
        expect(await layoutShift(page), `layout shift at ${viewport.width} px`).toBe(0);
        await act?.(page, site);
        if (viewport === PHONE) expect(describeViolations(await seriousViolations(page))).toEqual([]);
        expect(await horizontalOverflow(page), `sideways scrolling at ${viewport.width} px`).toBe(0);
        await context.close();
      }
    });
  }

  for (const { name, open } of PAGES.filter((p) => ["form", "candidate page"].includes(p.name))) {
    it(`reaches every control of the ${name} by keyboard and shows where focus is`, async () => {
      const context = await auditContext(PHONE);
      const page = await context.newPage();
      await open(page, site);
      const { stops, unreached } = await tabThroughPage(page);
      expect(unreached).toEqual([]);
      expect(stops[0]?.element).toBe("a:#main");
      for (const stop of stops) {
        expect(stop.outlineStyle, `focus style on ${stop.element}`).toBe("solid");
        expect(stop.outlineWidth, `focus outline on ${stop.element}`).toBeGreaterThanOrEqual(2);
      }
      await context.close();
    });
  }

  for (const { name, of } of EMAILS) {
    it(`the ${name} email has no serious accessibility violations and fits a 360 px screen`, async () => {
      const email = of(site);
      expect(email?.body.html).toBeTruthy();
      const context = await auditContext(PHONE);
      const page = await context.newPage();
      await page.setContent(email?.body.html ?? "");
      const violations = await seriousViolations(page, { disableRules: RULES_THAT_NEVER_APPLY_TO_EMAIL });
      expect(describeViolations(violations)).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
      await context.close();
    });
  }

  it("shows the words kept as typed on the candidate page and in the letter email, and none for a tidy debrief", async () => {
    const context = await auditContext(PHONE);
    const page = await context.newPage();
    await page.goto(site.typedPage);
    const list = page.locator("#check-before-sending");
    expect(await list.isVisible()).toBe(true);
    expect(await list.locator("h3").textContent()).toBe("Kept as you typed it — check before sending");
    expect(await list.locator("li").allTextContents()).toEqual([
      '“ur” in your better answer to question 1: chat spelling: "your" or "you\'re"?',
    ]);
    await page.setContent(site.typedLetter.body.html ?? "");
    expect(await page.getByRole("heading", { name: "Kept as you typed it — check before sending" }).isVisible()).toBe(
      true,
    );
    expect(await page.getByText("“ur” in your better answer to question 1").isVisible()).toBe(true);
    await page.goto(site.candidatePage);
    expect(await page.locator("#check-before-sending").count()).toBe(0);
    await page.setContent(site.emails[0]?.body.html ?? "");
    expect(await page.getByText("check before sending").count()).toBe(0);
    await context.close();
  });

  it("moves focus to the candidate page's draft error, whose link leads to the field (JavaScript off)", async () => {
    const context = await (await chromium.get()).newContext(contextOptions({ javaScriptEnabled: false }));
    const page = await context.newPage();
    await page.goto(site.candidatePage);
    await tabTo(page, "#edit-draft summary");
    await page.keyboard.press("Enter");
    await tabTo(page, "#draft-body");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    await tabTo(page, "#save-draft");
    await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
    expect(await focused(page)).toBe("error-summary");
    await expect(page.locator("#draft-body").getAttribute("aria-invalid")).resolves.toBe("true");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe("draft-body");
    await context.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`announces field errors and keeps typed values (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const context = await (await chromium.get()).newContext(contextOptions({ javaScriptEnabled }));
      const page = await context.newPage();
      await page.goto(`${suite.stack.appUrl}/`);
      await typeInto(page, '[name="interview.company"]', "Northwind Logistics");
      await typeInto(page, '[name="questions.0.betterAnswer"]', "Start with the largest delay segment.");
      await typeInto(page, '[name="candidate.email"]', "amira-at-example");
      const response = await submitByKeyboard(page);
      expect(response.status()).toBe(422);

      // Focus lands on the error summary, which screen readers announce with its list of problems.
      expect(await focused(page)).toBe("error-summary");
      const summary = page.locator("#error-summary");
      await expect(summary.getAttribute("role")).resolves.toBe("alert");

      // Every invalid field says so and is described by its own message.
      const invalid = page.locator('[aria-invalid="true"]');
      const invalidIds = await invalid.evaluateAll((els) => els.map((el) => el.id));
      expect(invalidIds).toEqual(expect.arrayContaining(["interview.role", "candidate.email", "consent"]));
      expect(invalidIds).not.toContain("interview.company");
      for (const id of invalidIds) {
        const messages = await page.evaluate((fieldId) => {
          const field = document.getElementById(fieldId);
          return (field?.getAttribute("aria-describedby") ?? "")
            .split(/\s+/)
            .map((ref) => document.getElementById(ref))
            .filter((el): el is HTMLElement => el?.classList.contains("error") ?? false)
            .map((el) => el.textContent ?? "");
        }, id);
        expect(messages, `${id} is described by its error message`).toHaveLength(1);
        expect(messages[0]).not.toBe("");
      }
      await expect(page.locator("#err-candidate-email").textContent()).resolves.toBe("Must be a valid email address");

      // The summary lists problems in page order: its first link leads to the first invalid field.
      const links = await summary.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      expect(links).toHaveLength(invalidIds.length);
      // Each link says which field it leads to: no two read the same.
      const texts = await summary.locator("a").allTextContents();
      expect(new Set(texts).size).toBe(texts.length);
      expect(texts).toContain("Your email: Must be a valid email address");
      expect(links[0]).toBe(`#${invalidIds[0]}`);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      expect(await focused(page)).toBe(invalidIds[0]);

      // What was typed is still there.
      await expect(page.locator('[name="interview.company"]').inputValue()).resolves.toBe("Northwind Logistics");
      await expect(page.locator('[name="questions.0.betterAnswer"]').inputValue()).resolves.toBe(
        "Start with the largest delay segment.",
      );
      await expect(page.locator('[name="candidate.email"]').inputValue()).resolves.toBe("amira-at-example");
      await context.close();
    });
  }
});
