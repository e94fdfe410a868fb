import { proveAddress, provisionCentre } from "@debrief/testkit/centres";
import { contextOptions, DESKTOP, launchChromium } from "@debrief/testkit/chromium";
import { centreFormFields, postForm, tokenOf } from "@debrief/testkit/forms";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe";

describe("a centre's pages in Chromium", () => {
  let stack: TestStack;
  let browser: Browser;
  let key: string;
  let studentToken: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startTestStack({ env: { FORM_MIN_FILL_SECONDS: "0", RATE_LIMIT_PER_IP_PER_HOUR: "1000" } }),
      launchChromium(),
    ]);
    const centre = await provisionCentre({
      slug: "riverside",
      displayName: "Riverside Careers",
      accentColour: "#b45309",
      cohorts: ["Class of 2026"],
      minGroupSize: 5,
    });
    key = centre.key;
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

  it("signs an advisor in with the key, draws the funnel and opens a shared debrief, all within the CSP", async () => {
    const context = await browser.newContext(contextOptions({ viewport: DESKTOP }));
    const page = await context.newPage();
    const refused: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(`${stack.appUrl}/c/riverside/admin`);

    await page.getByLabel("Admin key").fill(`cak_${"x".repeat(43)}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.locator("#centre-status").textContent()).toBe("That key does not open this centre.");
    expect(await page.locator("#centre-data").isHidden()).toBe(true);

    await page.getByLabel("Admin key").fill(key);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.locator("#centre-status").textContent()).toBe("Signed in.");
    const row = page.locator("table.funnel tbody tr").first();
    expect(await row.locator("td").allTextContents()).toEqual(["6", "0", "0", "0"]);
    // One bar per non-zero count.
    expect(await row.locator(".bar").count()).toBe(1);

    await page.getByRole("button", { name: /Open the debrief of/ }).click();
    await expect.poll(() => page.locator("#shared-list").textContent()).toContain("Lena Okafor: Junior Analyst");
    expect(refused).toEqual([]);
    await context.close();

    // The student sees that access.
    const sharing = await (await fetch(`${stack.appUrl}/d/${studentToken}/centre`)).text();
    expect(sharing.match(/An advisor at Riverside Careers/g)).toHaveLength(1);
  });

  it("has no serious accessibility violations on the branded form, the admin page, the sharing and check-in pages and the API reference", async () => {
    const context = await browser.newContext(contextOptions({ bypassCSP: true }));
    const page = await context.newPage();
    const urls = [
      "/c/riverside",
      "/c/riverside/admin",
      `/d/${studentToken}/centre`,
      `/d/${studentToken}/checkin/checkin7/offer`,
      "/api/docs",
    ];
    for (const url of urls) {
      await page.goto(`${stack.appUrl}${url}`);
      expect(describeViolations(await seriousViolations(page)), url).toEqual([]);
    }
    await context.close();
  });
});
