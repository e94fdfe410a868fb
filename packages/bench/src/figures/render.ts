import { fileURLToPath } from "node:url";
import { type Debrief, EMAIL_KINDS } from "@debrief/core";
import { renderEmail } from "@debrief/emails";
import { renderMinimal } from "../baseline/render";
import { bundleLikeSst } from "../bundle";
import { median, type Summary, summarize } from "../stats";
import { coldRun } from "./cold-start";

const root = fileURLToPath(new URL("../../../../", import.meta.url));

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
 * Figure 4: each email rendered (HTML and plain text, as the send step does) warm in
 * this process, interleaved with the baseline (react-email's render of a one-paragraph
 * email); then the first render in a fresh process, from the same bundles Lambda runs.
 */
export async function measureRender(
  debrief: Debrief,
  { iterations, coldRuns }: { iterations: number; coldRuns: number },
  outDir: string,
): Promise<RenderFigure> {
  const links = { page: "http://localhost/d/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" };
  const samples: Record<string, number[]> = { baseline: [] };
  for (const kind of EMAIL_KINDS) samples[kind] = [];
  // A few untimed renders first: the warm figure is about steady state.
  for (const kind of EMAIL_KINDS) await renderEmail(kind, debrief, links);
  await renderMinimal();
  for (let i = 0; i < iterations; i++) {
    for (const kind of EMAIL_KINDS) {
      const t0 = performance.now();
      await renderEmail(kind, debrief, links);
      samples[kind]!.push(performance.now() - t0);
    }
    const t0 = performance.now();
    await renderMinimal();
    samples.baseline!.push(performance.now() - t0);
  }
  const warm = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]));

  const [app, baseline] = await Promise.all([
    bundleLikeSst("emails", `${root}emails/src/index.ts`, outDir),
    bundleLikeSst("render-baseline", `${root}packages/bench/src/baseline/render.ts`, outDir),
  ]);
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
