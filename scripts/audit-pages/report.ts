/**
 * What `pnpm audit:pages` makes of Lighthouse's results: per page and form factor, the median of
 * each score and metric over the runs, the audits the median run failed, and docs/lighthouse.md.
 */

/** The parts of a Lighthouse result (LHR) read here. */
export type LighthouseResult = {
  lighthouseVersion: string;
  environment?: { hostUserAgent?: string };
  categories: Record<string, { title: string; score: number | null }>;
  audits: Record<
    string,
    {
      id: string;
      title: string;
      score: number | null;
      scoreDisplayMode: string;
      displayValue?: string;
      numericValue?: number;
    }
  >;
};

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export const METRICS = [
  ["first-contentful-paint", "FCP", "ms"],
  ["largest-contentful-paint", "LCP", "ms"],
  ["total-blocking-time", "TBT", "ms"],
  ["cumulative-layout-shift", "CLS", ""],
  ["speed-index", "Speed Index", "ms"],
] as const;

export type Audited = { page: string; formFactor: "mobile" | "desktop"; runs: LighthouseResult[] };

export type Summary = {
  page: string;
  formFactor: "mobile" | "desktop";
  runs: number;
  /** Each category's median score, 0-100. */
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Each metric's median value (ms, or unitless for CLS). */
  metrics: Record<(typeof METRICS)[number][0], number>;
  /** What the median run (by Performance) failed: its title and what it measured. */
  failed: { id: string; title: string; displayValue?: string }[];
};

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const score = (r: LighthouseResult, category: string) =>
  Math.round((r.categories[category]?.score ?? Number.NaN) * 100);

/** An audit fails when it is scored and under Lighthouse's pass mark (0.9), as its report shows it. */
export function failedAudits(r: LighthouseResult): Summary["failed"] {
  return Object.values(r.audits)
    .filter((a) => ["binary", "numeric", "metricSavings"].includes(a.scoreDisplayMode) && a.score !== null)
    .filter((a) => (a.score as number) < 0.9)
    .map((a) => ({ id: a.id, title: a.title, displayValue: a.displayValue }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function summarise({ page, formFactor, runs }: Audited): Summary {
  if (runs.length === 0) throw new Error(`No Lighthouse run of ${page} (${formFactor})`);
  const byPerformance = [...runs].sort((a, b) => score(a, "performance") - score(b, "performance"));
  const medianRun = byPerformance[Math.floor((byPerformance.length - 1) / 2)] as LighthouseResult;
  return {
    page,
    formFactor,
    runs: runs.length,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => score(r, c)))])) as Summary["scores"],
    metrics: Object.fromEntries(
      METRICS.map(([id]) => [id, median(runs.map((r) => r.audits[id]?.numericValue ?? Number.NaN))]),
    ) as Summary["metrics"],
    failed: failedAudits(medianRun),
  };
}

/** The goal the form is held to (issue 26): on a phone, Performance 95 or more and under 200 ms of blocking. */
export const FORM_GOAL = { performance: 95, totalBlockingTimeMs: 200 } as const;

export function meetsFormGoal(s: Summary): boolean {
  return (
    s.scores.performance >= FORM_GOAL.performance && s.metrics["total-blocking-time"] < FORM_GOAL.totalBlockingTimeMs
  );
}

const metric = (value: number, unit: string) =>
  Number.isNaN(value) ? "n/a" : unit === "ms" ? `${Math.round(value)} ms` : value.toFixed(3);

export function report(
  summaries: Summary[],
  about: { command: string; date: string; lighthouse: string; chromium: string; machine: string; notes: string[] },
): string {
  const rows = summaries.map(
    (s) =>
      `| ${s.page} | ${s.formFactor} | ${CATEGORIES.map((c) => s.scores[c]).join(" | ")} | ${METRICS.map(([id, , unit]) => metric(s.metrics[id], unit)).join(" | ")} |`,
  );
  const failures = summaries.map((s) => {
    const list = s.failed.length
      ? s.failed.map((f) => `  - \`${f.id}\`: ${f.title}${f.displayValue ? ` (${f.displayValue})` : ""}`).join("\n")
      : "  - none";
    return `- **${s.page}, ${s.formFactor}**\n${list}`;
  });
  const form = summaries.find((s) => s.page === "debrief form" && s.formFactor === "mobile");
  const goal = form
    ? `The debrief form on a phone: Performance ${form.scores.performance}, Total Blocking Time ${Math.round(form.metrics["total-blocking-time"])} ms, against the goal of ${FORM_GOAL.performance} or more and under ${FORM_GOAL.totalBlockingTimeMs} ms: **${meetsFormGoal(form) ? "met" : "not met"}**.`
    : "The debrief form was not audited on a phone.";
  return `# Lighthouse

\`${about.command}\` (scripts/audit-pages.ts), ${about.date}: Lighthouse ${about.lighthouse} in ${about.chromium},
each page ${summaries[0]?.runs ?? 0} times as a phone (Lighthouse's default: Moto G Power, simulated slow 4G and a 4× slower
CPU) and ${summaries[0]?.runs ?? 0} times as a desktop (\`--preset=desktop\`), each run in a fresh Chromium, against the
embedded stack the script starts on free ports with a temporary data directory. Every figure is the median of the
runs; the failed audits are those of the median run by Performance (scored under 0.9). ${about.machine}

${goal}

| page | form factor | Performance | Accessibility | Best Practices | SEO | ${METRICS.map(([, label]) => label).join(" | ")} |
| --- | --- | --- | --- | --- | --- | ${METRICS.map(() => "---").join(" | ")} |
${rows.join("\n")}

## Failed audits

${failures.join("\n")}
${about.notes.length ? `\n## Notes\n\n${about.notes.map((n) => `- ${n}`).join("\n")}\n` : ""}`;
}
