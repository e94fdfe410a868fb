import { stackWithChromium } from "@debrief/testkit/browser-suite";
import { contextOptions } from "@debrief/testkit/chromium";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { startFaultProxy } from "@debrief/testkit/fault-proxy";
import { waitFor } from "@debrief/testkit/inbox";
import { afterAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe";

const DAY_S = 30;
const DAY_MS = DAY_S * 1000;

/**
 * The candidate's page right after submitting, while the letter is on its way: SES's SendEmail is
 * held by a proxy in front of the emulator until the test lets it through.
 */
describe("the candidate page's email statuses while the letter is on its way (Chromium)", () => {
  const suite = stackWithChromium({ localDaySeconds: DAY_S, env: predictableSchedule() });
  const held: (() => void)[] = [];
  let holding = true;
  const release = () => {
    holding = false;
    for (const go of held.splice(0)) go();
  };
  let proxy: Awaited<ReturnType<typeof startFaultProxy>> | undefined;
  afterAll(async () => {
    release();
    await proxy?.close();
  });

  async function submittedWithLetterHeld(javaScriptEnabled: boolean) {
    holding = true;
    proxy ??= await startFaultProxy(
      process.env.AWS_ENDPOINT_URL_SESV2 ?? "",
      (req) =>
        holding && req.path.startsWith("/v2/email/outbound-emails")
          ? new Promise((go) => held.push(() => go("pass")))
          : "pass",
      () => ({ status: 500, body: "{}" }),
    );
    await suite.stack.rewireSteps({ AWS_ENDPOINT_URL_SESV2: proxy.url });
    const res = await postDebrief(suite.stack.appUrl, validDebrief());
    const { page: pageUrl } = (await res.json()) as { page: string };
    // axe is injected as a script, which the page's own policy refuses: bypassed where scripts run.
    const context = await (await suite.chromium.get()).newContext(
      contextOptions({ javaScriptEnabled, bypassCSP: javaScriptEnabled }),
    );
    const page = await context.newPage();
    const polls: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/status.json")) polls.push(r.url());
    });
    await page.goto(`${pageUrl.replace(suite.stack.url, suite.stack.appUrl)}?new=1`);
    const letterStatus = () => page.locator("#status-letter strong").textContent();
    // The step claimed the letter and its SendEmail waits at the proxy: the page says so.
    await waitFor(async () => held.length > 0, { timeoutMs: DAY_MS / 2, what: "the letter's SendEmail" });
    await page.reload();
    expect(await letterStatus()).toBe("Sending");
    return { page, letterStatus, polls };
  }

  it("turns to sent by itself once SES took the letter, with no reload, then stops asking; axe clean", async () => {
    const { page, letterStatus, polls } = await submittedWithLetterHeld(true);
    // A mark that a reload or a navigation would wipe.
    await page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    expect(await seriousViolations(page)).toEqual([]);
    release();

    await waitFor(async () => /^Sent/.test((await letterStatus()) ?? ""), {
      timeoutMs: DAY_MS / 2,
      what: "the letter's status to turn to sent",
    });
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    // Nothing pending: the script stopped and took its note away.
    await waitFor(async () => (await page.locator("#emails").getAttribute("data-polling")) === "done", {
      timeoutMs: DAY_MS / 6,
      what: "polling to stop",
    });
    expect(await page.locator("#statuses-pending").count()).toBe(0);
    expect(polls.length).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("offers a Refresh link without JavaScript, which shows the letter sent", async () => {
    const { page, letterStatus, polls } = await submittedWithLetterHeld(false);
    const refresh = page.getByRole("link", { name: "Refresh" });
    await expect(refresh.count()).resolves.toBe(1);
    release();
    await waitFor(
      async () => {
        await refresh.click();
        return /^Sent/.test((await letterStatus()) ?? "");
      },
      { timeoutMs: DAY_MS / 2, intervalMs: 500, what: "the letter sent after Refresh" },
    );
    expect(polls).toEqual([]);
    await expect(page.getByRole("link", { name: "Refresh" }).count()).resolves.toBe(0);
    await page.context().close();
  });
});
