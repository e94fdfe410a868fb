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

/** WCAG 1.4.10 (reflow): content must fit 320 CSS px without scrolling sideways. */
export const NARROWEST = { width: 320, height: 640 };
export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 900 };

/** A candidate's browser: UTC (the schedule tests rely on it), English, phone-sized unless told. */
export function contextOptions(extra: BrowserContextOptions = {}): BrowserContextOptions {
  return { locale: "en-US", timezoneId: "UTC", viewport: PHONE, ...extra };
}

/**
 * One Chromium for a test file, launched on first use. Without Chromium every test
 * that needs it fails with the install message (a failing beforeAll would leave
 * them reported as skipped).
 */
export function sharedChromium() {
  let launched: Promise<Browser> | undefined;
  const get = () => {
    launched ??= launchChromium();
    return launched;
  };
  return {
    get,
    /** Starts the launch early (beside the stack's start) without failing the hook. */
    warmUp: () => void get().catch(() => undefined),
    async close() {
      const browser = await launched?.catch(() => undefined);
      await browser?.close();
    },
  };
}
