import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { centreFormFields, postCentreForm, provisionCentre, tokenOf } from "../support/centres";
import { postDebrief, validDebrief } from "../support/debriefs";
import { predictableSchedule } from "../support/env";
import { emailsTo, type StoredEmail, waitFor } from "../support/inbox";
import { startTestStack, type TestStack } from "../support/stack";
import { describeViolations, seriousViolations } from "./support/axe";
import { contextOptions, DESKTOP, launchChromium, PHONE } from "./support/chromium";
import { emailLink, FAST_FORMS } from "./support/journey";
import { focused, tabTo, typeInto } from "./support/keyboard";
import { horizontalOverflow, layoutShift, recordLayoutShifts, tabThroughPage } from "./support/layout";

// A short workflow day: the three emails arrive within seconds.
const DAY_S = 2;
const DAY_MS = DAY_S * 1000;

/**
 * Rules that never apply to an email's HTML: a mail client shows the subject, not
 * a <title>, and email markup has no page landmarks.
 */
const STUDENT = `student-${process.pid}@example.edu`;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const RULES_THAT_NEVER_APPLY_TO_EMAIL = ["document-title", "landmark-one-main", "region", "page-has-heading-one"];

describe("every page and email in Chromium", () => {
  let stack: TestStack;
  let browser: Browser;
  let candidatePage: string;
  let centreToken: string;
  let centreKey: string;
  let emails: StoredEmail[];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startTestStack({ localDaySeconds: DAY_S, env: { ...predictableSchedule(), ...FAST_FORMS } }),
      launchChromium(),
    ]);
    const centre = await provisionCentre({
      slug: "northfield",
      displayName: "Northfield University Careers",
      accentColour: "#7a1f5c",
      cohorts: ["MSc Data 2026", "BA History 2026"],
    });
    centreKey = centre.key;
    const shared = await postCentreForm(
      stack.appUrl,
      "northfield",
      // An interview eight days ago: the day-7 check-in email comes with the tips.
      centreFormFields(STUDENT, { shareWithCentre: "on", "interview.date": daysAgo(8) }),
    );
    centreToken = tokenOf(shared);

    const debrief = validDebrief();
    const res = await postDebrief(stack.appUrl, debrief);
    expect(res.status).toBe(201);
    candidatePage = ((await res.json()) as { page: string }).page;
    emails = await waitFor(
      async () => {
        const all = await emailsTo(stack.inboxUrl, debrief.candidate.email);
        return all.length >= 3 && all;
      },
      { timeoutMs: 4 * DAY_MS, what: "the letter, the nudge and the tips" },
    );
    const [checkin] = await waitFor(
      async () => {
        const all = await emailsTo(stack.inboxUrl, STUDENT);
        return all.length >= 4 && all.slice(3);
      },
      { timeoutMs: 4 * DAY_MS, what: "the centre student's day-7 check-in" },
    );
    if (checkin) emails.push(checkin);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  /** A context that lets axe in (the app's CSP rightly refuses injected scripts) and records layout shifts. */
  async function auditContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
    const context = await browser.newContext(contextOptions({ viewport, bypassCSP: true }));
    await recordLayoutShifts(context);
    return context;
  }

  /**
   * Each page a candidate (or a centre's advisor) can reach: how to open it and,
   * for a page that changes on use, what to do on it before it is checked.
   */
  const pages: { name: string; open: (page: Page) => Promise<unknown>; act?: (page: Page) => Promise<unknown> }[] = [
    { name: "form", open: (page) => page.goto(`${stack.appUrl}/`) },
    {
      name: "form with errors",
      open: async (page) => {
        await page.goto(`${stack.appUrl}/`);
        await Promise.all([page.waitForEvent("load"), page.locator('button[type="submit"]').press("Enter")]);
      },
    },
    { name: "confirmation", open: (page) => page.goto(`${candidatePage}?new=1`) },
    { name: "candidate page", open: (page) => page.goto(candidatePage) },
    { name: "not found", open: (page) => page.goto(`${stack.appUrl}/d/no-such-debrief`) },
    { name: "candidate page after marking sent", open: (page) => page.goto(`${candidatePage}?done=sent`) },
    {
      name: "candidate page with a draft error",
      open: (page) => page.goto(candidatePage),
      act: async (page) => {
        await page.locator("#edit-draft summary").click();
        await page.locator("#draft-body").fill("");
        await Promise.all([page.waitForEvent("load"), page.locator("#save-draft").press("Enter")]);
      },
    },
    {
      name: "one-use action link",
      open: (page) => page.goto(emailLink(emails[1]?.body.html, stack.url, "a")),
    },
    {
      name: "this wasn't me",
      open: (page) => page.goto(emailLink(emails[1]?.body.html, stack.url, "not-me")),
    },
    // Career centres (issue 8): the branded form, its errors, the student's sharing and check-in pages, the admin.
    { name: "centre form", open: (page) => page.goto(`${stack.appUrl}/c/northfield`) },
    {
      name: "centre form with errors",
      open: async (page) => {
        await page.goto(`${stack.appUrl}/c/northfield`);
        await Promise.all([page.waitForEvent("load"), page.locator('button[type="submit"]').press("Enter")]);
      },
    },
    { name: "centre sharing page", open: (page) => page.goto(`${stack.appUrl}/d/${centreToken}/centre`) },
    {
      name: "check-in page",
      open: (page) => page.goto(`${stack.appUrl}/d/${centreToken}/checkin/checkin7/second_interview`),
    },
    {
      name: "centre admin, signed in",
      open: (page) => page.goto(`${stack.appUrl}/c/northfield/admin`),
      act: async (page) => {
        await page.locator("#admin-key").fill(centreKey);
        await page.locator("#admin-key").press("Enter");
        await page.locator("#centre-data").waitFor({ state: "visible" });
      },
    },
  ];

  for (const viewport of [PHONE, DESKTOP]) {
    for (const { name, open, act } of pages) {
      it(`${name} at ${viewport.width} px: no serious accessibility violations, no sideways scrolling, no layout shift`, async () => {
        const context = await auditContext(viewport);
        const page = await context.newPage();
        await open(page);
        // Shifts while loading; what a person's own action changes afterwards is not a layout shift.
        expect(await layoutShift(page)).toBe(0);
        await act?.(page);
        expect(describeViolations(await seriousViolations(page))).toEqual([]);
        expect(await horizontalOverflow(page)).toBe(0);
        await context.close();
      });
    }
  }

  for (const { name, open } of pages.filter((p) => ["form", "candidate page"].includes(p.name))) {
    it(`reaches every control of the ${name} by keyboard and shows where focus is`, async () => {
      const context = await auditContext(PHONE);
      const page = await context.newPage();
      await open(page);
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

  const EMAIL_KINDS = ["letter", "nudge", "tips", "centre check-in"] as const;
  for (const kind of EMAIL_KINDS) {
    it(`the ${kind} email has no serious accessibility violations and fits a 360 px screen`, async () => {
      const email = emails[EMAIL_KINDS.indexOf(kind)];
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

  for (const javaScriptEnabled of [true, false]) {
    it(`announces field errors and keeps typed values (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const context = await browser.newContext(contextOptions({ javaScriptEnabled }));
      const page = await context.newPage();
      await page.goto(`${stack.appUrl}/`);
      await typeInto(page, '[name="interview.company"]', "Northwind Logistics");
      await typeInto(page, '[name="questions.0.betterAnswer"]', "Start with the largest delay segment.");
      await typeInto(page, '[name="candidate.email"]', "amira-at-example");
      await tabTo(page, 'button[type="submit"]');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.waitForEvent("load"),
        page.keyboard.press("Enter"),
      ]);
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
