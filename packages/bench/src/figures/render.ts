import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Debrief, EMAIL_KINDS } from "@debrief/core";
import { bundleLikeSst } from "../bundle";
import { median, type Summary, summarize } from "../stats";
import { coldNode, coldRun } from "./cold-start";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const runner = fileURLToPath(new URL("../render-run.mjs", import.meta.url));

export type RenderFigure = {
  warm: Record<string, Summary>;
  cold: Record<"app" | "baseline", { importMs: number; firstRenderMs: number }>;
};

/** The first render in a fresh process: importing the bundle, then one call. */
async function coldRender(bundle: string, exportName: string, args: unknown[]) {
  const r = await coldRun(bundle, exportName, args);
  return { importMs: r.importMs, firstRenderMs: r.callMs };
}

/**
 * The warm loop in a fresh Node 22 process (as the cold runs): `render-run.mjs` imports
 * the bundles and renders each email kind then the baseline, round after round.
 */
async function warmRenders(
  app: string,
  baseline: string,
  args: { kinds: readonly string[]; debrief: Debrief; links: unknown; iterations: number; warmup: number },
): Promise<Record<string, number[]>> {
  const bin = await coldNode();
  const { stdout } = await promisify(execFile)(bin, [runner, app, baseline, JSON.stringify(args)], {
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: "WARN" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = stdout.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
  if (!line) throw new Error(`The warm render run printed no result: ${stdout.slice(-300)}`);
  return JSON.parse(line.slice("BENCH_RESULT ".length));
}

/**
 * Figure 4: each email rendered (HTML and plain text, as the send step does) warm,
 * interleaved with the baseline (react-email's render of a one-paragraph email), both
 * as Lambda runs them: from bundles built like SST's (so with production React) on
 * the Lambda runtime's Node, in a process of their own; then the first render in a
 * fresh process, from the same bundles.
 */
export async function measureRender(
  debrief: Debrief,
  { iterations, coldRuns }: { iterations: number; coldRuns: number },
  outDir: string,
): Promise<RenderFigure> {
  const links = { page: "http://localhost/d/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" };
  const [app, baseline] = await Promise.all([
    bundleLikeSst("emails", `${root}emails/src/index.ts`, outDir),
    bundleLikeSst("render-baseline", `${root}packages/bench/src/baseline/render.ts`, outDir),
  ]);
  const samples = await warmRenders(app.file, baseline.file, {
    kinds: EMAIL_KINDS,
    debrief,
    links,
    iterations,
    warmup: 5,
  });
  const warm = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]));

  const runs: Record<"app" | "baseline", { importMs: number; firstRenderMs: number }[]> = { app: [], baseline: [] };
  for (let i = 0; i < coldRuns; i++) {
    runs.app.push(await coldRender(app.file, "renderEmail", ["letter", debrief, links]));
    runs.baseline.push(await coldRender(baseline.file, "renderMinimal", []));
  }
  const mid = (rs: { importMs: number; firstRenderMs: number }[]) => ({
    importMs: median(rs.map((r) => r.importMs)),
    firstRenderMs: median(rs.map((r) => r.firstRenderMs)),
  });
  return { warm, cold: { app: mid(runs.app), baseline: mid(runs.baseline) } };
}
