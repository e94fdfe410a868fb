/** Summary of a set of timings (ms) or rates. */
export type Summary = { n: number; p50: number; p95: number; p99: number; max: number; mean: number };

/**
 * The p-th percentile (0-100) by the nearest-rank method: the smallest sample such
 * that at least p% of the samples are at or below it. No interpolation, so every
 * figure reported is a value that was actually measured.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error("percentile of no samples");
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile ${p} is not within 0-100`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: percentile(samples, 100),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** `value / baseline`, rounded for reports; a ratio against nothing is not a number. */
export function ratio(value: number, baseline: number): number {
  if (!(baseline > 0)) return Number.NaN;
  return Math.round((value / baseline) * 100) / 100;
}

/** Milliseconds for a table: one decimal below 10 ms, whole numbers above. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  return value < 10 ? value.toFixed(1) : Math.round(value).toString();
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

/** Renders rows as a GitHub markdown table (also readable in a terminal). */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const lines = [header, header.map(() => "---"), ...rows.map((r) => r.map(String))];
  return lines.map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}
