import { readFileSync } from "node:fs";
import { isoWeek } from "@debrief/core";
import { proveAddress, provisionCentre, SESSION_COOKIE } from "@debrief/testkit/centres";
import { contextOptions, DESKTOP, launchChromium, PHONE } from "@debrief/testkit/chromium";
import { centreFormFields, postForm, tokenOf } from "@debrief/testkit/forms";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe";
import { signInInBrowser } from "./support/centres";
import { tabTo, typeInto } from "./support/keyboard";
import { horizontalOverflow } from "./support/layout";

const OWNER = "owner@riverside.example.edu";

describe("a centre's pages in Chromium", () => {
  let stack: TestStack;
  let browser: Browser;
  let studentToken: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startTestStack({ env: { FORM_MIN_FILL_SECONDS: "0", RATE_LIMIT_PER_IP_PER_HOUR: "1000" } }),
      launchChromium(),
    ]);
    await provisionCentre({
      slug: "riverside",
      displayName: "Riverside Careers",
      accentColour: "#b45309",
      cohorts: ["Class of 2026"],
      minGroupSize: 5,
      advisor: { name: "Rui Costa", email: OWNER },
    });
    for (let i = 0; i < 6; i++) {
      const res = await postForm(
        stack.appUrl,
        "/c/riverside",
        centreFormFields(`river-${i}-${process.pid}@example.com`, {
          cohort: "Class of 2026",
          ...(i === 0 ? { shareWithCentre: "on" } : {}),
        }),
      );
      if (i === 0) studentToken = tokenOf(res);
    }
    // Only students who proved their address count in the statistics.
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        proveAddress(stack.appUrl, stack.inboxUrl, `river-${i}-${process.pid}@example.com`),
      ),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  it("signs an advisor in by emailed link with the keyboard, shows the figures, opens a shared debrief and signs out, within the CSP", async () => {
    const context = await browser.newContext(contextOptions({ viewport: DESKTOP }));
    const page = await context.newPage();
    const refused: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    // The address the emailed link points at (PUBLIC_URL), so the session cookie is this host's.
    await page.goto(`${stack.url}/c/riverside/admin`);
    await typeInto(page, "#email", OWNER);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    const mail = await waitFor(async () => (await emailsTo(stack.inboxUrl, OWNER)).at(-1), {
      timeoutMs: 10_000,
      what: "the sign-in link",
    });
    const link = /(https?:\/\/\S+\/sign-in\/[A-Za-z0-9_-]{43})/.exec(mail.body.text ?? "")?.[1] ?? "";
    await page.goto(link);
    await tabTo(page, 'button[type="submit"].primary');
    await Promise.all([page.waitForURL(/\/c\/riverside\/admin$/), page.keyboard.press("Enter")]);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
    });

    // The insights: each chart an image with its name, its figures in the table beside it.
    const weekly = page.getByRole("img", { name: /^Students per week, all cohorts, every week/ });
    expect(await weekly.count()).toBe(1);
    const row = page.locator("table").first().locator("tbody tr").first();
    expect(await row.locator("td").allTextContents()).toEqual(["6", "0 (0%)", "0 (0%)", "0 (0%)"]);
    // The filter is a GET form, worked with the keyboard: the cohort, then "Show".
    await tabTo(page, "#cohort");
    await page.keyboard.press("ArrowDown");
    await tabTo(page, "form.filters button");
    await Promise.all([page.waitForURL(/\/admin\?cohort=Class\+of\+2026&from=&to=$/), page.keyboard.press("Enter")]);
    expect(await page.locator(".shown-for").textContent()).toContain("Showing Class of 2026, every week: 6 students.");

    await tabTo(page, 'a[href="/c/riverside/admin/shared"]');
    await Promise.all([page.waitForURL(/\/shared$/), page.keyboard.press("Enter")]);
    await tabTo(page, 'a[href^="/c/riverside/admin/shared/"]');
    await Promise.all([page.waitForURL(/\/shared\/[0-9a-f-]{36}$/), page.keyboard.press("Enter")]);
    expect(await page.locator("dl.facts").textContent()).toContain("Lena Okafor");

    await tabTo(page, "form[action$='/sign-out'] button");
    await Promise.all([page.waitForURL(/\/c\/riverside\/admin$/), page.keyboard.press("Enter")]);
    await page.getByRole("button", { name: "Email me a sign-in link" }).waitFor();
    expect(refused).toEqual([]);
    await context.close();

    // The student sees that access.
    const sharing = await (await fetch(`${stack.appUrl}/d/${studentToken}/centre`)).text();
    expect(sharing.match(/An advisor at Riverside Careers/g)).toHaveLength(1);
  });

  it("filters the insights by weeks and downloads what they show with the keyboard alone, within the CSP", async () => {
    const context = await browser.newContext(contextOptions({ viewport: DESKTOP, acceptDownloads: true }));
    const page = await context.newPage();
    const refused: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await signInInBrowser(page, stack, "riverside", OWNER);
    // Every student debriefed this week: the one week each list offers after "The first" and "The latest".
    const week = isoWeek(new Date().toISOString());
    await tabTo(page, "#from");
    await page.keyboard.press("ArrowDown");
    await tabTo(page, "#to");
    await page.keyboard.press("ArrowDown");
    await tabTo(page, "form.filters button");
    await Promise.all([
      page.waitForURL(new RegExp(`/admin\\?cohort=&from=${week}&to=${week}$`)),
      page.keyboard.press("Enter"),
    ]);
    expect(await page.locator(".shown-for").textContent()).toContain(
      `Showing all cohorts, weeks ${week} to ${week}: 6 students.`,
    );
    // The form keeps the choice, so the next change starts from it.
    expect(await page.locator("#from").inputValue()).toBe(week);
    expect(await page.locator("#to").inputValue()).toBe(week);

    // The download link is the next stop after the form: the same figures as CSV, for that filter.
    await tabTo(page, ".shown-for a");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("CSV");
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    const csv = readFileSync((await download.path()) ?? "", "utf8");
    expect(csv).toMatch(/^table,group,suppressed,students,/);
    expect(csv).toMatch(new RegExp(`\r\nweek,${week},false,6,`));
    expect(refused).toEqual([]);
    await context.close();
  });

  it("has no serious accessibility violations on the branded form, the advisors' pages, the sharing and check-in pages and the API reference", async () => {
    const context = await browser.newContext(contextOptions({ bypassCSP: true }));
    const page = await context.newPage();
    await signInInBrowser(page, stack, "riverside", OWNER);
    // The insights, all of them and one week's, at a phone's width and a desktop's.
    const week = isoWeek(new Date().toISOString());
    for (const viewport of [PHONE, DESKTOP]) {
      await page.setViewportSize(viewport);
      for (const query of ["", `?cohort=&from=${week}&to=${week}`]) {
        await page.goto(`${stack.url}/c/riverside/admin${query}`);
        const where = `insights${query} at ${viewport.width} px`;
        expect(describeViolations(await seriousViolations(page)), where).toEqual([]);
        expect(await horizontalOverflow(page), `sideways scrolling: ${where}`).toBe(0);
      }
    }
    await page.setViewportSize(PHONE);
    const urls = [
      "/c/riverside",
      "/c/riverside/admin?cohort=Class+of+2026",
      "/c/riverside/admin/shared",
      "/c/riverside/admin/team",
      "/c/riverside/admin/activity",
      `/d/${studentToken}/centre`,
      `/d/${studentToken}/checkin/checkin7/offer`,
      "/api/docs",
    ];
    for (const url of urls) {
      // On the address the sign-in link set the session cookie for.
      await page.goto(`${stack.url}${url}`);
      expect(describeViolations(await seriousViolations(page)), url).toEqual([]);
    }
    await context.close();
  });
});
