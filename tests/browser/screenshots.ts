/**
 * `pnpm screenshots`: every page and each email at 360 px (a phone) and 1280 px
 * (a desktop), written to docs/screenshots/<name>-<width>.png. Runs the whole local
 * stack in-process on free ports with a throwaway data directory.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { postDebrief, validDebrief } from "../support/debriefs";
import { predictableSchedule } from "../support/env";
import { emailsTo, waitFor } from "../support/inbox";
import { startTestStack } from "../support/stack";
import { contextOptions, DESKTOP, launchChromium, PHONE } from "./support/chromium";
import { FAST_FORMS } from "./support/journey";

const OUT_DIR = resolve(import.meta.dirname, "../../docs/screenshots");
const DAY_S = 2;

/** A page or email to capture; long pages also get a shot of what the first screen shows. */
type Shot = { name: string; open: (page: Page) => Promise<unknown>; firstScreen?: boolean };

async function capture(browser: Browser, shots: Shot[]): Promise<string[]> {
  const written: string[] = [];
  for (const viewport of [PHONE, DESKTOP]) {
    const context = await browser.newContext(contextOptions({ viewport }));
    for (const { name, open, firstScreen } of shots) {
      const page = await context.newPage();
      await open(page);
      const path = join(OUT_DIR, `${name}-${viewport.width}.png`);
      await page.screenshot({ path, fullPage: true, animations: "disabled", caret: "hide" });
      written.push(path);
      if (firstScreen) {
        const top = join(OUT_DIR, `${name}-first-screen-${viewport.width}.png`);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: top, animations: "disabled", caret: "hide" });
        written.push(top);
      }
      await page.close();
    }
    await context.close();
  }
  return written;
}

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const [stack, browser] = await Promise.all([
    startTestStack({ localDaySeconds: DAY_S, env: { ...predictableSchedule(), ...FAST_FORMS } }),
    launchChromium(),
  ]);
  try {
    const debrief = validDebrief({
      candidate: { name: "Amira Haddad", email: "amira@example.com", timeZone: "Europe/Berlin" },
    });
    const res = await postDebrief(stack.appUrl, debrief);
    if (res.status !== 201) throw new Error(`The debrief was refused: ${res.status} ${await res.text()}`);
    const { page: candidatePage } = (await res.json()) as { page: string };
    const emails = await waitFor(
      async () => {
        const all = await emailsTo(stack.inboxUrl, debrief.candidate.email);
        return all.length >= 3 && all;
      },
      { timeoutMs: 4 * DAY_S * 1000, what: "the letter, the nudge and the tips" },
    );

    const pages: Shot[] = [
      { name: "form", open: (page) => page.goto(`${stack.appUrl}/`), firstScreen: true },
      {
        name: "form-errors",
        firstScreen: true,
        open: async (page) => {
          await page.goto(`${stack.appUrl}/`);
          await page.locator('[name="interview.company"]').fill("Northwind Logistics");
          await page.locator('[name="candidate.email"]').fill("amira-at-example");
          await Promise.all([page.waitForEvent("load"), page.locator('button[type="submit"]').press("Enter")]);
        },
      },
      { name: "confirmation", open: (page) => page.goto(`${candidatePage}?new=1`) },
      { name: "candidate-page", open: (page) => page.goto(candidatePage) },
      { name: "not-found", open: (page) => page.goto(`${stack.appUrl}/d/no-such-debrief`) },
    ];
    const kinds = ["letter", "nudge", "tips"];
    const mails: Shot[] = emails.slice(0, 3).map((email, i) => ({
      name: `email-${kinds[i]}`,
      open: (page) => page.setContent(email.body.html ?? ""),
    }));

    const written = await capture(browser, [...pages, ...mails]);
    console.log(`${written.length} screenshots in ${OUT_DIR}`);
  } finally {
    await browser.close();
    await stack.dispose();
  }
}

await main();
