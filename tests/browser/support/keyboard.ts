import type { Page, Response } from "playwright-core";

/**
 * Presses Tab until the focused element matches `selector`, as a keyboard user
 * would. Fails when it is not reached within `maxPresses`, so an element that
 * cannot be reached by keyboard fails the test.
 */
export async function tabTo(page: Page, selector: string, maxPresses = 120): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  throw new Error(`${selector} was not reached after ${maxPresses} presses of Tab`);
}

/** Tabs to a text field, clears what is there (a detected time zone, say) and types. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text);
}

/** The element that has focus, described by id, or tag and name. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    return el.id || `${el.tagName.toLowerCase()}[name=${el.getAttribute("name")}]`;
  });
}

/** Tabs to the form's submit button and presses Enter: the POST's response, once the page it answered has loaded. */
export async function submitByKeyboard(page: Page): Promise<Response> {
  await tabTo(page, 'button[type="submit"]');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.waitForEvent("load"),
    page.keyboard.press("Enter"),
  ]);
  return response;
}
