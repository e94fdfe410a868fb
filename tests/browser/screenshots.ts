/**
 * `pnpm screenshots`: every page and each email at 360 px (a phone) and 1280 px
 * (a desktop), written to docs/screenshots/<name>-<width>.png. Runs the whole local
 * stack in-process on free ports with a throwaway data directory.
 * `pnpm screenshots form centre-form` writes only the files whose names start so.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { contextOptions, DESKTOP, launchChromium, PHONE } from "@debrief/testkit/chromium";
import { predictableSchedule } from "@debrief/testkit/env";
import { startTestStack } from "@debrief/testkit/stack";
import type { Page } from "playwright-core";
import { EMAILS, PAGES, prepareSite } from "./support/catalogue";
import { FAST_FORMS } from "./support/journey";

const OUT_DIR = resolve(import.meta.dirname, "../../docs/screenshots");
const DAY_S = 2;
/** Long pages also get a picture of what their first screen shows. */
const FIRST_SCREEN = new Set(["form", "form-errors", "candidate-page"]);
const ONLY = process.argv.slice(2);
const wanted = ({ file }: { file: string }) => ONLY.length === 0 || ONLY.some((start) => file.startsWith(start));

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const [stack, browser] = await Promise.all([
    startTestStack({ localDaySeconds: DAY_S, env: { ...predictableSchedule(), ...FAST_FORMS } }),
    launchChromium(),
  ]);
  try {
    const site = await prepareSite(stack, DAY_S * 1000);
    let written = 0;
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await browser.newContext(contextOptions({ viewport }));
      const shoot = async (page: Page, file: string) => {
        await page.screenshot({
          path: join(OUT_DIR, `${file}-${viewport.width}.png`),
          fullPage: true,
          animations: "disabled",
          caret: "hide",
        });
        written += 1;
        if (FIRST_SCREEN.has(file)) {
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({ path: join(OUT_DIR, `${file}-first-screen-${viewport.width}.png`), caret: "hide" });
          written += 1;
        }
      };
      for (const { file, open, act } of PAGES.filter(wanted)) {
        const page = await context.newPage();
        await open(page, site);
        await act?.(page, site);
        await shoot(page, file);
        await page.close();
      }
      for (const { file, of } of EMAILS.filter(wanted)) {
        const page = await context.newPage();
        await page.setContent(of(site)?.body.html ?? "");
        await shoot(page, file);
        await page.close();
      }
      await context.close();
    }
    console.log(`${written} screenshots in ${OUT_DIR}`);
  } finally {
    await browser.close();
    await stack.dispose();
  }
}

await main();
