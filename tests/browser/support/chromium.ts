import { accessSync, constants } from "node:fs";
import { type Browser, type BrowserContextOptions, chromium } from "playwright-core";

/** Debian's Chromium; CHROMIUM_PATH points elsewhere when it lives somewhere else. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Flags that keep a headless Chromium quiet and offline (see DESIGN.md).
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launches Debian's Chromium with a fresh profile (playwright-core gives every
 * launch its own throwaway user-data-dir). Fails, never skips, when it is missing.
 */
export async function launchChromium(): Promise<Browser> {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. The browser tests need Debian's chromium: ` +
        "install it with `sudo apt-get update && sudo apt-get install -y chromium` " +
        "(or set CHROMIUM_PATH to a Chromium binary).",
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 900 };

/** A candidate's browser: UTC (the schedule tests rely on it), English, phone-sized unless told. */
export function contextOptions(extra: BrowserContextOptions = {}): BrowserContextOptions {
  return { locale: "en-US", timezoneId: "UTC", viewport: PHONE, ...extra };
}
