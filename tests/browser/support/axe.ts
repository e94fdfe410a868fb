import { createRequire } from "node:module";
import type { AxeResults, Result } from "axe-core";
import type { Page } from "playwright-core";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** WCAG 2.x A and AA rules (2.2 included), the level career centres must meet. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Runs axe-core in the page and returns the serious and critical violations.
 * The page's context must bypass CSP: axe is injected as a script the page's
 * own policy (rightly) refuses.
 */
export async function seriousViolations(page: Page, { disableRules = [] as string[] } = {}): Promise<Result[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const results = (await page.evaluate(
    async ({ tags, disabled }) => {
      const axe = (globalThis as unknown as { axe: typeof import("axe-core") }).axe;
      return axe.run(document, {
        runOnly: { type: "tag", values: tags },
        rules: Object.fromEntries(disabled.map((id) => [id, { enabled: false }])),
        resultTypes: ["violations"],
      });
    },
    { tags: [...WCAG_TAGS, "best-practice"], disabled: disableRules },
  )) as AxeResults;
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** A readable summary for a failing assertion: rule, impact and the offending nodes. */
export function describeViolations(violations: Result[]): string[] {
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}
