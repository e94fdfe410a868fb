import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startBaselineApi } from "./baseline/api-server";
import { startMinimalPath } from "./baseline/minimal-path";
import { debriefBody, readDebrief, seedDebriefs } from "./debriefs";
import { type ApiFigure, measureApi } from "./figures/api";
import { type ColdFigure, measureColdStart } from "./figures/cold-start";
import { type CostFigure, measureCost } from "./figures/cost";
import { type InsightsFigure, measureInsights } from "./figures/insights";
import { measureRender, type RenderFigure } from "./figures/render";
import { measureTimeToLetter, type TimeToLetter } from "./figures/time-to-letter";
import { type Machine, renderReport, renderSummary } from "./report";
import { describe, label } from "./requests";
import { startBenchStack } from "./stack";

/**
 * `pnpm bench`: every figure of BENCHMARKS.md on the local stack, each beside its
 * baseline measured in the same run. `pnpm bench --quick`: fewer samples, one table
 * size, prints the summary and leaves BENCHMARKS.md alone (`--quick --write` writes it,
 * marked as a quick run).
 */
const quick = process.argv.includes("--quick");
const plan = quick
  ? {
      levels: [100],
      submissions: 30,
      concurrency: 2,
      connections: 10,
      durationS: 2,
      rounds: 1,
      coldRuns: 1,
      renders: 30,
      costSamples: 4,
      insightsDebriefs: 2000,
      insightsSamples: 8,
    }
  : {
      levels: [100, 1000, 5000],
      submissions: 200,
      concurrency: 2,
      connections: 10,
      durationS: 3,
      rounds: 4,
      coldRuns: 7,
      renders: 200,
      costSamples: 10,
      insightsDebriefs: 10_000,
      insightsSamples: 40,
    };

export type ScaleRow = {
  stored: number;
  timeToLetter: TimeToLetter;
  api: ApiFigure;
  submissionCalls: string;
  baselineCalls: string;
};

async function main() {
  const started = Date.now();
  const machine: Machine = {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    node: process.version,
    date: new Date().toISOString(),
    loadAtStart: loadavg()[0] ?? 0,
  };
  // The machine's load average as each figure starts: the report quotes it beside what it may explain.
  const loads: LoadSample[] = [];
  const log = (message: string, figure?: string) => {
    if (figure) loads.push({ figure, load1: loadavg()[0] ?? 0 });
    console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);
  };
  const bundles = mkdtempSync(join(tmpdir(), "debrief-bench-bundles-"));
  const scale: ScaleRow[] = [];
  let cost: CostFigure | undefined;
  let cold: ColdFigure | undefined;
  let render: RenderFigure | undefined;
  let insights: InsightsFigure | undefined;

  try {
    for (const [i, level] of plan.levels.entries()) {
      const stack = await startBenchStack();
      try {
        log(`stack up; storing ${level} debriefs`);
        await seedDebriefs(level);

        // One real submission, recorded request by request: the baseline replays exactly these.
        stack.requests.take();
        const body = debriefBody();
        const letter = stack.ses.firstTo(body.candidate.email, 30_000);
        const res = await fetch(`${stack.appUrl}/api/debriefs`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        if (res.status !== 201) throw new Error(`POST /api/debriefs answered ${res.status}: ${await res.text()}`);
        await letter;
        const submission = stack.requests.take().filter((r) => r.source === "api");
        const baseline = await startBaselineApi(submission);
        try {
          // Check that the baseline does make the same calls.
          stack.requests.take();
          const check = await fetch(`${baseline.url}/api/debriefs`, { method: "POST", body: JSON.stringify(body) });
          if (check.status !== 201) throw new Error(`The baseline answered ${check.status}: ${await check.text()}`);
          const baselineCalls = stack.requests.take().filter((r) => r.source === "bench" && r.service !== "ses");
          if (describe(baselineCalls) !== describe(submission)) {
            log(`warning: the baseline made ${describe(baselineCalls)}; the app made ${describe(submission)}`);
          }

          log(
            `figure 1: ${plan.submissions} submissions to their letters, half of them through the minimal path`,
            `1@${level}`,
          );
          const minimal = await startMinimalPath({
            tableName: process.env.TABLE_NAME ?? "",
            fromAddress: process.env.FROM_ADDRESS ?? "",
            dataDir: stack.dataDir,
          });
          let timeToLetter: TimeToLetter;
          try {
            timeToLetter = await measureTimeToLetter(stack.appUrl, stack.ses, plan, minimal.url);
          } finally {
            await minimal.close();
          }
          log(
            `figure 2: ${plan.connections} connections, ${plan.rounds} pairs of ${plan.durationS} s rounds`,
            `2@${level}`,
          );
          const api = await measureApi(stack.appUrl, baseline.url, stack.ses, plan);
          scale.push({
            stored: level,
            timeToLetter,
            api,
            submissionCalls: submission.map(label).join(" → "),
            baselineCalls: describe(baselineCalls),
          });
        } finally {
          await baseline.close();
        }

        if (i === 0) {
          log("figure 5: one debrief counted, handler durations", "5");
          cost = await measureCost(stack, plan.costSamples);
          log("figure 3: bundles and cold starts", "3");
          cold = await measureColdStart(join(bundles, "lambda"), plan.coldRuns);
          log("figure 4: email rendering", "4");
          const [seeded] = await seedDebriefs(1);
          render = await measureRender(
            await readDebrief(seeded as string),
            { iterations: plan.renders, coldRuns: plan.coldRuns },
            join(bundles, "emails"),
          );
        }
      } finally {
        await stack.dispose();
      }
    }
    // A stack of its own: one centre with many debriefs, and nothing else in the table.
    const stack = await startBenchStack();
    try {
      log(`figure 8: the insights page of a centre with ${plan.insightsDebriefs} debriefs`, "8");
      insights = await measureInsights(stack, { count: plan.insightsDebriefs, samples: plan.insightsSamples });
    } finally {
      await stack.dispose();
    }
  } finally {
    rmSync(bundles, { recursive: true, force: true });
  }

  if (!cost || !cold || !render || !insights) throw new Error("A figure is missing");
  const elapsedS = (Date.now() - started) / 1000;
  const results = { machine, plan, quick, elapsedS, scale, cost, cold, render, insights, loads };
  // The raw figures, for a closer look (and `--from` to write the report again): BENCH_JSON=/tmp/bench.json pnpm bench
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, 1));
  console.log(renderSummary(results));
  // A quick run writes BENCHMARKS.md only when asked (`--write`), and the file then says it was quick.
  if (!quick || process.argv.includes("--write")) {
    const file = fileURLToPath(new URL("../../../BENCHMARKS.md", import.meta.url));
    writeFileSync(file, renderReport(results));
    log(`wrote ${file}`);
  }
  // A budget the bench can check without timing: no email renderer in the API bundle.
  if (cold.emailRenderingInApi > 0) {
    console.error("FAIL: the API bundle contains the email renderer (react-email / react-dom)");
    process.exitCode = 1;
  }
}

/** The 1-minute load average as a figure started (`figure`: "1@100" is figure 1 with 100 stored). */
export type LoadSample = { figure: string; load1: number };

export type Results = {
  machine: Machine;
  /** Older saved runs have none. */
  loads?: LoadSample[];
  plan: typeof plan;
  quick: boolean;
  elapsedS: number;
  scale: ScaleRow[];
  cost: CostFigure;
  cold: ColdFigure;
  render: RenderFigure;
  /** Older saved runs have none. */
  insights?: InsightsFigure;
};

/** `--from <results.json>`: writes BENCHMARKS.md again from a saved run (after editing the notes), measuring nothing. */
function fromSaved(file: string) {
  const results = JSON.parse(readFileSync(file, "utf8")) as Results;
  console.log(renderSummary(results));
  writeFileSync(fileURLToPath(new URL("../../../BENCHMARKS.md", import.meta.url)), renderReport(results));
}

const from = process.argv.indexOf("--from");
(from > 0 ? Promise.resolve(fromSaved(process.argv[from + 1] ?? "")) : main()).then(
  () => process.exit(),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
