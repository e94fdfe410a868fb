import type { BrowserContext, Page } from "playwright-core";

/** How far the page is wider than the viewport (0 = no sideways scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Records every layout shift from the first moment of each page the context opens
 * (an init script, so it needs JavaScript on); read the total with `layoutShift`.
 */
export async function recordLayoutShifts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __layoutShift: number };
    w.__layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) w.__layoutShift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** The page's cumulative layout shift so far (see `recordLayoutShifts`). */
export async function layoutShift(page: Page): Promise<number> {
  const total = await page.evaluate(() => (window as unknown as { __layoutShift?: number }).__layoutShift);
  if (total === undefined) throw new Error("Layout shifts are not recorded: call recordLayoutShifts on the context");
  return total;
}

type FocusStop = { element: string; outlineWidth: number; outlineStyle: string };

/**
 * Tabs through every control of the page, from the top to its last control, and
 * returns how each focus stop showed focus, and the controls never reached.
 */
export async function tabThroughPage(page: Page): Promise<{ stops: FocusStop[]; unreached: string[] }> {
  const describe = `(el) => el.id || (el.getAttribute("name") ? el.getAttribute("name") + "=" + (el.getAttribute("value") ?? "") : el.tagName.toLowerCase() + ":" + (el.getAttribute("href") ?? el.textContent.trim()))`;
  const tabbable: string[] = await page.evaluate(
    `[...document.querySelectorAll("a[href], input, select, textarea, button, [tabindex]")]
      .filter((el) => el.tabIndex >= 0 && !el.disabled && el.type !== "hidden" && el.checkVisibility())
      .map(${describe})`,
  );
  const last = tabbable.at(-1);
  const stops: FocusStop[] = [];
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < tabbable.length * 4 && stops.at(-1)?.element !== last; i++) {
    await page.keyboard.press("Tab");
    stops.push(
      await page.evaluate(`(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return { element: "body", outlineWidth: 0, outlineStyle: "none" };
        const style = getComputedStyle(el);
        return { element: (${describe})(el), outlineWidth: parseFloat(style.outlineWidth), outlineStyle: style.outlineStyle };
      })()`),
    );
  }
  const reached = new Set(stops.map((s) => s.element));
  return { stops, unreached: tabbable.filter((t) => !reached.has(t)) };
}
