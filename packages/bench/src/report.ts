import { PRICES } from "./cost";
import type { Results } from "./main";
import { kib, ms, ratio, table } from "./stats";

export type Machine = { nproc: number; cpu: string; node: string; date: string; loadAtStart: number };

const usd = (v: number) => `$${v.toFixed(4)}`;
/** "1027 KiB (1434 KiB in 48 files)" when a bundle has chunks loaded on first use. */
const sizeCell = (b: Results["cold"]["bundles"]["api"]) =>
  b.files && b.files > 1 ? `${kib(b.bytes)} (${kib(b.totalBytes ?? b.bytes)} in ${b.files} files)` : kib(b.bytes);
/** The load average as a figure started ("1@100": figure 1 with 100 stored), else at the run's start. */
const loadAt = (r: Results, figure: string) =>
  (r.loads?.find((l) => l.figure === figure)?.load1 ?? r.machine.loadAtStart).toFixed(1);
const verdict = (ok: boolean) => (ok ? "met" : "**missed**");

/** A cold start's import and first event together, against the baseline's (the same baseline for every route). */
const coldStartRatio = (
  t: Pick<Results["cold"]["runs"]["api"], "importMs" | "callMs">,
  baseline: Results["cold"]["runs"]["baseline"],
) => (t.importMs + t.callMs) / (baseline.importMs + baseline.callMs);
/** The send step's cold render (import and first letter) against react-email's one-paragraph baseline. */
const renderColdRatio = (r: Results) =>
  (r.render.cold.app.importMs + r.render.cold.app.firstRenderMs) /
  (r.render.cold.baseline.importMs + r.render.cold.baseline.firstRenderMs);

/** Budgets of issues 6 and 20, checked on the measured figures. */
/** App ÷ baseline throughput: the median of paired rounds (older saved runs: the ratio of the means). */
const apiRatio = (s: Results["scale"][number]) => s.api.ratio ?? s.api.app.rps / s.api.baseline.rps;

export function budgets(r: Results) {
  const first = r.scale[0]!;
  const last = r.scale.at(-1)!;
  return {
    timeToLetterP95: Math.max(...r.scale.map((s) => s.timeToLetter.app.p95)) < 1000,
    apiRatio: Math.min(...r.scale.map(apiRatio)) >= 0.8,
    apiBundleSize: r.cold.bundles.api.bytes <= 1.3 * r.cold.bundles.baseline.bytes,
    apiImport: r.cold.runs.api.importMs <= 1.3 * r.cold.runs.baseline.importMs,
    // Import and first event together: work moved from the import to the first request counts the same.
    apiColdStart: coldStartRatio(r.cold.runs.api, r.cold.runs.baseline) <= 1.5,
    formColdStart: r.cold.apiForm ? coldStartRatio(r.cold.apiForm, r.cold.runs.baseline) <= 1.5 : true,
    stepsBundle: r.cold.bundles.steps.bytes <= 1150 * 1024,
    stepsImport: r.cold.runs.steps.importMs <= 1.5 * r.cold.runs.baseline.importMs,
    renderCold: renderColdRatio(r) <= 1.5,
    noEmailInApi: r.cold.emailRenderingInApi === 0,
    renderMedian: ["letter", "nudge", "tips"].every((k) => (r.render.warm[k]?.p50 ?? Infinity) < 5),
    cost: r.cost.total <= 0.45,
    transitions: r.cost.transitions <= 5,
    // Sequential round trips (requests sent together count once; older saved runs: every request).
    roundTrips: Object.values(r.cost.roundTrips ?? {}).every((t) => (t.sequential ?? t.count) <= 5),
    // Against the minimal path measured in the same run (older saved runs have none).
    letterVsMinimal: r.scale.every((s) => !s.timeToLetter.minimal || letterRatios(s.timeToLetter).ok),
    // Compared through each figure's ratio to its own baseline, which the machine's drift cancels out of.
    flatTimeToLetter:
      last.timeToLetter.app.p50 / last.timeToLetter.floor.p50 <=
        1.5 * (first.timeToLetter.app.p50 / first.timeToLetter.floor.p50) ||
      last.timeToLetter.app.p50 <= 1.5 * first.timeToLetter.app.p50,
    flatApi: apiRatio(last) >= 0.8 * apiRatio(first),
    // Issue 24: the insights page answers p95 under 300 ms with 10,000 debriefs at one centre (older runs: none).
    insightsP95: !r.insights || r.insights.page.p95 < INSIGHTS_P95_MS,
  };
}

/** The insights page's p95 budget (issue 24). */
export const INSIGHTS_P95_MS = 300;

/** Time to letter against the minimal path: p50 within 3×, p95 within 4×. */
export function letterRatios(t: Results["scale"][number]["timeToLetter"]) {
  const p50 = t.minimal ? t.app.p50 / t.minimal.p50 : Number.NaN;
  const p95 = t.minimal ? t.app.p95 / t.minimal.p95 : Number.NaN;
  return { p50, p95, ok: p50 <= 3 && p95 <= 4 };
}

export function renderSummary(r: Results): string {
  const b = budgets(r);
  const first = r.scale[0]!;
  const rows: (string | number)[][] = [];
  for (const s of r.scale) {
    const t = s.timeToLetter;
    const vs = letterRatios(t);
    rows.push([
      `1. time to letter (${s.stored} stored)`,
      `p50 ${ms(t.app.p50)} / p95 ${ms(t.app.p95)} / max ${ms(t.app.max)} ms`,
      t.minimal
        ? `minimal path p50 ${ms(t.minimal.p50)} / p95 ${ms(t.minimal.p95)} ms (SES alone p50 ${ms(t.floor.p50)})`
        : `floor p50 ${ms(t.floor.p50)} ms`,
      t.minimal ? `${ratio(vs.p50, 1)} / ${ratio(vs.p95, 1)}` : ratio(t.app.p50, t.floor.p50),
      t.minimal ? `p50 ≤ 3×, p95 ≤ 4×: ${verdict(vs.ok)}` : `p95 < 1 s: ${verdict(t.app.p95 < 1000)}`,
    ]);
  }
  for (const s of r.scale) {
    rows.push([
      `2. POST /api/debriefs (${s.stored} stored)`,
      `${s.api.app.rps.toFixed(1)} req/s, p50 ${ms(s.api.app.p50)} / p99 ${ms(s.api.app.p99)} ms`,
      `${s.api.baseline.rps.toFixed(1)} req/s, p50 ${ms(s.api.baseline.p50)} / p99 ${ms(s.api.baseline.p99)} ms`,
      ratio(apiRatio(s), 1),
      `≥ 0.8: ${verdict(apiRatio(s) >= 0.8)}`,
    ]);
  }
  const c = r.cold;
  rows.push(
    [
      "3. api bundle, loaded at cold start",
      sizeCell(c.bundles.api),
      sizeCell(c.bundles.baseline),
      ratio(c.bundles.api.bytes, c.bundles.baseline.bytes),
      `≤ 1.3: ${verdict(b.apiBundleSize)}; react-email inside: ${c.emailRenderingInApi ? "**yes**" : "no"}`,
    ],
    [
      `3. api cold import / first event (Node ${c.node ?? r.machine.node})`,
      `${ms(c.runs.api.importMs)} / ${ms(c.runs.api.callMs)} ms`,
      `${ms(c.runs.baseline.importMs)} / ${ms(c.runs.baseline.callMs)} ms`,
      ratio(c.runs.api.importMs, c.runs.baseline.importMs),
      `import ≤ 1.3: ${verdict(b.apiImport)}`,
    ],
    [
      "3. api cold start, POST /api/debriefs: import + first event",
      `${ms(c.runs.api.importMs + c.runs.api.callMs)} ms`,
      `${ms(c.runs.baseline.importMs + c.runs.baseline.callMs)} ms`,
      ratio(coldStartRatio(c.runs.api, c.runs.baseline), 1),
      `≤ 1.5: ${verdict(b.apiColdStart)}`,
    ],
    ...(c.apiForm
      ? [
          [
            "3. api cold start, the form page (GET /): import + first event",
            `${ms(c.apiForm.importMs)} + ${ms(c.apiForm.callMs)} = ${ms(c.apiForm.importMs + c.apiForm.callMs)} ms`,
            `${ms(c.runs.baseline.importMs + c.runs.baseline.callMs)} ms`,
            ratio(coldStartRatio(c.apiForm, c.runs.baseline), 1),
            `≤ 1.5: ${verdict(b.formColdStart)}`,
          ],
        ]
      : []),
    [
      "3. send-step bundle",
      kib(c.bundles.steps.bytes),
      kib(c.bundles.baseline.bytes),
      ratio(c.bundles.steps.bytes, c.bundles.baseline.bytes),
      `≤ 1150 KiB: ${verdict(b.stepsBundle)}`,
    ],
    [
      "3. send-step cold import / first letter",
      `${ms(c.runs.steps.importMs)} / ${ms(c.runs.steps.callMs)} ms`,
      `${ms(c.runs.baseline.importMs)} ms`,
      ratio(c.runs.steps.importMs, c.runs.baseline.importMs),
      `import ≤ 1.5: ${verdict(b.stepsImport)}`,
    ],
  );
  for (const kind of ["letter", "nudge", "tips"]) {
    const w = r.render.warm[kind]!;
    rows.push([
      `4. render ${kind}, warm`,
      `p50 ${ms(w.p50)} / p99 ${ms(w.p99)} ms`,
      `p50 ${ms(r.render.warm.baseline!.p50)} ms`,
      ratio(w.p50, r.render.warm.baseline!.p50),
      `median < 5 ms: ${verdict(w.p50 < 5)}`,
    ]);
  }
  rows.push(
    [
      "4. render, cold (import + first letter)",
      `${ms(r.render.cold.app.importMs)} + ${ms(r.render.cold.app.firstRenderMs)} ms`,
      `${ms(r.render.cold.baseline.importMs)} + ${ms(r.render.cold.baseline.firstRenderMs)} ms`,
      ratio(renderColdRatio(r), 1),
      `≤ 1.5: ${verdict(b.renderCold)}`,
    ],
    [
      "5. cost per 1,000 debriefs",
      usd(r.cost.total),
      `floor ${usd(r.cost.floor)} (3 SES sends)`,
      ratio(r.cost.total, r.cost.floor),
      `≤ $0.45: ${verdict(b.cost)}`,
    ],
    [
      "5. state transitions per plain debrief",
      r.cost.transitions,
      "5 (letter, wait, nudge, wait, tips)",
      ratio(r.cost.transitions, 5),
      `≤ 5: ${verdict(b.transitions)}`,
    ],
  );
  if (r.cost.roundTrips) {
    const trips = r.cost.roundTrips;
    rows.push([
      "7. round trips per email, sequential (requests) (letter / nudge / tips / check-in)",
      [trips.letter, trips.nudge, trips.tips, trips.checkin7]
        .map((t) => `${t.sequential ?? t.count} (${t.count})`)
        .join(" / "),
      `minimal path 4 (get, claim, SES, record)${r.cost.firstOfInstance?.extra ? `; a fresh instance's first email ${r.cost.firstOfInstance.count} (+${r.cost.firstOfInstance.extra})` : ""}`,
      "",
      `≤ 5: ${verdict(b.roundTrips)}`,
    ]);
  }
  if (r.cost.checkins)
    rows.push([
      "5. check-in emails, per 1,000 centre debriefs",
      `+${usd(r.cost.checkins.usdPer1000)}`,
      `${r.cost.checkins.emails} emails`,
      "",
      "reported on its own",
    ]);
  const last = r.scale.at(-1)!;
  if (r.scale.length > 1) {
    rows.push([
      `6. scale ${first.stored} → ${last.stored} stored`,
      `time to letter p50 ×${ratio(last.timeToLetter.app.p50, first.timeToLetter.app.p50)}, API req/s ×${ratio(last.api.app.rps, first.api.app.rps)}`,
      `floor p50 ×${ratio(last.timeToLetter.floor.p50, first.timeToLetter.floor.p50)}, baseline req/s ×${ratio(last.api.baseline.rps, first.api.baseline.rps)}`,
      "",
      `no growth: ${verdict(b.flatTimeToLetter && b.flatApi)}`,
    ]);
  }
  const ins = r.insights;
  if (ins) {
    rows.push([
      `8. insights page, ${ins.debriefs} debriefs at one centre`,
      `p50 ${ms(ins.page.p50)} / p95 ${ms(ins.page.p95)} ms (filtered p95 ${ms(ins.filtered.p95)})`,
      `index Query alone p50 ${ms(ins.baseline.p50)} / p95 ${ms(ins.baseline.p95)} ms`,
      ratio(ins.page.p95, ins.baseline.p95),
      `p95 < ${INSIGHTS_P95_MS} ms: ${verdict(b.insightsP95)}`,
    ]);
  }
  return [
    `Interview Debrief benchmarks${r.quick ? " (--quick: fewer samples, one table size)" : ""}: ${r.machine.nproc} CPUs (${r.machine.cpu}), Node ${r.machine.node}, load ${r.machine.loadAtStart.toFixed(1)} at start, ${r.elapsedS.toFixed(0)} s`,
    "",
    table(["figure", "service", "baseline (same run)", "ratio", "budget"], rows),
  ].join("\n");
}

export function renderReport(r: Results): string {
  const first = r.scale[0]!;
  const costRows = r.cost.lines.map((l) => [l.item, Number(l.perDebrief.toPrecision(4)), usd(l.usdPer1000)]);
  return `# Benchmarks${r.quick ? " (quick run)" : ""}

Figures of the service on the embedded local stack, each measured beside a baseline in the same run so that
the noise of a shared machine falls on both. This whole file is written by \`pnpm bench\` from one run
(\`packages/bench/src/report.ts\`, notes included): edit that, not this.
${r.quick ? "\n**This is a quick run** (`pnpm bench --quick --write`): fewer samples, one table size, one cold run per bundle. Its figures are indicative only; a full `pnpm bench` replaces them.\n" : ""}
- Command: \`pnpm bench${r.quick ? " --quick --write" : ""}\` (${r.elapsedS.toFixed(0)} s for this run; \`pnpm bench --quick\` prints a smaller run and leaves this file alone)
- Date: ${r.machine.date}
- Machine: ${r.machine.nproc} CPUs (\`nproc\`), ${r.machine.cpu} (\`/proc/cpuinfo\`), Node ${r.machine.node}; load average ${r.machine.loadAtStart.toFixed(1)} at the start${r.loads?.length ? ` and ${r.loads.map((l) => `${l.load1.toFixed(1)} (figure ${l.figure.replace("@", " at ")}${l.figure.includes("@") ? " stored" : ""})`).join(", ")} as each figure started` : ""} (the machine is shared: other work runs alongside, which is why ratios to the baselines matter more than absolute numbers)

## Summary

${renderSummary(r).split("\n").slice(2).join("\n")}

${missedNotes(r)}

## 1. Time to letter

From the POST of a debrief to its letter being written into the SES emulator's store (observed in-process at the
store's write, no polling), ${r.plan.submissions} submissions per table size with ${r.plan.concurrency} submitters in a closed loop, half of them to the
service and half to the **minimal path** in alternating rounds (service, minimal, minimal, service), so drift on
the shared machine falls on both. The minimal path (\`packages/bench/src/baseline/minimal-path.ts\`) is a bare
\`node:http\` handler chain doing exactly the I/O any implementation needs, through the same SDK clients and
emulators: validate (the service's own schema), \`PutItem\` the debrief, \`StartExecution\` of a one-state machine
on the same local Step Functions service; in its step, \`GetItem\` the debrief, \`UpdateItem\` the claim, render the
letter (the service's renderer), \`SendEmail\`, \`UpdateItem\` the message id. SES alone is one \`SendEmail\` of a
letter-sized message.

${table(
  [
    "stored debriefs",
    "p50 ms",
    "p95 ms",
    "max ms",
    "201 answered, p50 ms",
    "minimal path p50 / p95 ms",
    "ratio p50 / p95",
    "SES alone p50 ms",
  ],
  r.scale.map((s) => {
    const vs = letterRatios(s.timeToLetter);
    return [
      s.stored,
      ms(s.timeToLetter.app.p50),
      ms(s.timeToLetter.app.p95),
      ms(s.timeToLetter.app.max),
      ms(s.timeToLetter.accepted.p50),
      s.timeToLetter.minimal ? `${ms(s.timeToLetter.minimal.p50)} / ${ms(s.timeToLetter.minimal.p95)}` : "",
      s.timeToLetter.minimal ? `${ratio(vs.p50, 1)} / ${ratio(vs.p95, 1)}` : "",
      ms(s.timeToLetter.floor.p50),
    ];
  }),
)}

**What limits it**: everything runs in one Node process on a shared 2-CPU machine: the app, dynalite, the local
Step Functions service and the letter's send step, for the service and the minimal path alike. Beyond the minimal
path, the service makes the submission's rate-limit counters and its \`workflowStartedAt\` mark (figure 2), and in
the send step one more read (the suppression list); its links are derived from the debrief's key, so no token is
written (${r.cost.requests.letter}). On AWS the Lambda invocation adds its own latency (tens of ms warm, the
cold start of figure 3 otherwise).

## 2. API throughput

autocannon, ${r.plan.connections} connections, ${r.plan.rounds} pairs of rounds of ${r.plan.durationS} s (app then baseline, then
baseline then app, ...)${r.scale[0]?.api.ratio === undefined ? "; the ratio is that of the mean rates" : "; the ratio is the median of the pairs' ratios"}; each request is a different candidate. The baseline is a bare \`node:http\` server in the same process whose
\`POST /api/debriefs\` replays, through the same SDK clients, the exact DynamoDB and Step Functions requests one
real submission made (same bodies, order and parallelism, fresh ids): no Hono, no zod, no app code. Between
rounds the bench waits until every accepted submission's letter is stored, so each round starts quiet.

${table(
  ["stored debriefs", "app req/s", "app p50 / p99 ms", "baseline req/s", "baseline p50 / p99 ms", "ratio"],
  r.scale.map((s) => [
    s.stored,
    s.api.app.rps.toFixed(1),
    `${ms(s.api.app.p50)} / ${ms(s.api.app.p99)}`,
    s.api.baseline.rps.toFixed(1),
    `${ms(s.api.baseline.p50)} / ${ms(s.api.baseline.p99)}`,
    ratio(apiRatio(s), 1),
  ]),
)}

Round trips of one submission, as recorded at the emulators (in order): ${first.submissionCalls}.

${ROUND_TRIPS}

**What limits it**: the local emulators, not the app. Each submission is ${first.submissionCalls.split(" → ").length} sequential round trips to
dynalite (LevelDB, in this process) and the local Step Functions service, and every accepted submission starts a
workflow whose letter is rendered and sent in this same process during the measurement, for the app and the
baseline alike. On AWS, DynamoDB and Step Functions calls take a few ms each and run elsewhere.

## 3. Lambda cold start

Each handler bundled exactly as SST v2 bundles it for deploy (esbuild 0.18.13, the functions' own \`nodejs\` settings
from \`infra/bundling.ts\`: esm, minify, platform node, everything including \`@aws-sdk\` bundled, the createRequire
banner). The API is bundled with code splitting (\`apiBundling\`, infra/api.ts): what only some requests need
is in chunks its code imports on first use, so "loaded at cold start" is the entry file and the chunks it
imports statically. The baseline is \`handle(new Hono())\` with the same SDK clients (DynamoDB document client,
SFN, SESv2) and zod, doing nothing, bundled with the API's settings. Each run is a fresh \`node\` process that
imports the bundle and handles one event against the local stack (the API: a real submission, and in runs of its
own the form page; the send step: a letter for a stored debrief; the baseline: the same API event, answered 404), on Node ${r.cold.node ?? r.machine.node} (Lambda's
nodejs22.x version, from \`.cache/node22\` as the bundle tests install it, or \`BENCH_NODE\`). Medians of ${r.plan.coldRuns} runs each,
all in turn. Every route group of the API (the JSON API, the form, the pages, the API reference) is loaded on its
first request, so the first event's time includes loading its group; the form-ticket key is read from the table on
the first form, not at import.

${table(
  [
    "bundle",
    "loaded at cold start",
    "all files",
    "of which zod",
    "of which AWS SDK",
    "import ms",
    "first event ms",
    "whole process ms",
  ],
  (["api", "steps", "baseline"] as const).map((k) => [
    k === "steps" ? "send steps" : k,
    kib(r.cold.bundles[k].bytes),
    `${kib(r.cold.bundles[k].totalBytes ?? r.cold.bundles[k].bytes)}${(r.cold.bundles[k].files ?? 1) > 1 ? ` in ${r.cold.bundles[k].files} files` : ""}`,
    kib(r.cold.bundles[k].zodBytes),
    kib(r.cold.bundles[k].sdkBytes),
    ms(r.cold.runs[k].importMs),
    ms(r.cold.runs[k].callMs),
    ms(r.cold.runs[k].processMs),
  ]),
)}

API against baseline: loaded at cold start ×${ratio(r.cold.bundles.api.bytes, r.cold.bundles.baseline.bytes)}, import ×${ratio(r.cold.runs.api.importMs, r.cold.runs.baseline.importMs)}, import and first event together ×${ratio(r.cold.runs.api.importMs + r.cold.runs.api.callMs, r.cold.runs.baseline.importMs + r.cold.runs.baseline.callMs)}. Email rendering (react-email, react-dom) in the API bundle's metafile: ${r.cold.emailRenderingInApi === 0 ? "none" : `**${r.cold.emailRenderingInApi} inputs**`}.
${r.cold.others?.length ? `\nThe other functions, imported only (no event; medians of ${r.cold.others[0]?.n ?? 0} fresh processes): ${r.cold.others.map((o) => `${o.name} ${kib(o.bytes)}, ${ms(o.importMs)} ms`).join("; ")} (operations: the reconciler, the sweeper and the redrive, one entry).\n` : ""}${r.cold.apiForm ? `\nThe form page (GET /) as the first event: import ${ms(r.cold.apiForm.importMs)} ms, first event ${ms(r.cold.apiForm.callMs)} ms (its route group loaded, the form-ticket key read from the table), ${ms(r.cold.apiForm.importMs + r.cold.apiForm.callMs)} ms together, ×${ratio(coldStartRatio(r.cold.apiForm, r.cold.runs.baseline), 1)} the baseline's import and first event.\n` : ""}${r.cold.apiBeyondBaseline?.length ? `\nWhat the API loads at cold start beyond the baseline, by package or folder (KiB of minified output): ${r.cold.apiBeyondBaseline.map((p) => `${p.part} ${(p.bytes / 1024).toFixed(0)}`).join(", ")}.\n` : ""}
**What limits it**: parsing and evaluating what is loaded. zod is the largest single part of the API and of the
baseline alike. Beyond the baseline, the API evaluates its configuration (parsed with zod), the SSM client (a deployed
function fetches its bound secrets, the digest and form keys, first), a Powertools logger, its stores and the Hono
app's shell (security headers, CSRF guard, compression, the document shell). Loaded on first
use instead: every route group (the JSON API with its zod schemas and OpenAPI metadata, the centre admin API, the
debrief form, the candidate's and the centres' pages with the letter's composer and its tokenizer (compromise), the
one-use links, unsubscribe, the API reference) and the SDK's rarer credential providers. The first event's time includes loading its route group, the first request's own
work (a real submission: its DynamoDB and Step Functions calls; the form: reading the form-ticket key) and the JIT's
warm-up. On Lambda the runtime's own init
(~100-200 ms) comes on top and arm64 CPUs are slower than this one.

## 4. Email rendering

\`renderEmail\` (HTML, and the plain text converted from it, as the send step calls it), ${r.plan.renders} renders of each
email warm, interleaved with the baseline: react-email's \`render\` of a one-paragraph email and its plain text. Both run
as Lambda runs them: bundled like SST's build (so with production React) and imported by the Lambda runtime's Node in
a process of their own.

${table(
  ["email", "p50 ms", "p99 ms", "max ms"],
  [...["letter", "nudge", "tips"], "baseline"].map((k) => [
    k,
    ms(r.render.warm[k]!.p50),
    ms(r.render.warm[k]!.p99),
    ms(r.render.warm[k]!.max),
  ]),
)}

Cold, in a fresh process from the bundles Lambda would run (medians of ${r.plan.coldRuns}): import ${ms(r.render.cold.app.importMs)} ms and first
letter ${ms(r.render.cold.app.firstRenderMs)} ms, against ${ms(r.render.cold.baseline.importMs)} ms and ${ms(r.render.cold.baseline.firstRenderMs)} ms for the baseline.

**What limits it**: React's server rendering, for the service and the baseline alike (the baseline is one
paragraph through react-email's own \`render\`). The first render in a fresh process also pays for loading
react-dom and for the JIT's warm-up.

## 5. Cost per 1,000 debriefs on AWS

Prices: ${PRICES.listDate}. Lambda at 512 MB on arm64, durations measured warm on the local stack (medians of
${r.plan.costSamples}: API ${ms(r.cost.durations.api)} ms, letter ${ms(r.cost.durations.letter)} ms, nudge ${ms(r.cost.durations.nudge)} ms, tips ${ms(r.cost.durations.tips)} ms), billed per started ms.
State transitions from the synthesized state machine (\`synthesizeLocalDefinition()\`), walked along the success
path: ${r.cost.path.join(" → ")} = ${r.cost.transitions} transitions. Requests counted at the emulators for one debrief
from submission to tips (${r.cost.dynamo.requests} of them to DynamoDB): submission ${r.cost.requests.submission}; letter ${r.cost.requests.letter};
nudge ${r.cost.requests.nudge}; tips ${r.cost.requests.tips}. Units from item sizes: the debrief item at its largest is
${r.cost.dynamo.debriefItemBytes} bytes, so each write to it costs ${Math.ceil(r.cost.dynamo.debriefItemBytes / 1024)} WRU (a failed conditional write is billed too).

${table(["line", "per debrief", "per 1,000 debriefs"], [...costRows, ["**total**", "", `**${usd(r.cost.total)}**`], ["floor: three SES sends", 3, usd(r.cost.floor)]])}

${r.cost.checkins ? `Check-in emails (centre debriefs that opt in): ${r.cost.checkins.emails} more emails and ${r.cost.checkins.transitions} more transitions, **+${usd(r.cost.checkins.usdPer1000)} per 1,000** such debriefs, priced like the reminder.` : "Check-in emails: none in the synthesized state machine."}

**What limits it**: Step Functions transitions and SES are nearly all of it: ${r.cost.transitions} transitions per plain debrief
(${r.cost.path.join(", ")}; a centre debrief's check-ins run as their own execution, started by its tips step) and
three emails. Each email's links are derived from a key stored in the debrief, so no token is written; per email
the send step makes ${r.cost.requests.letter}.${r.cost.firstOfInstance ? ` A fresh send-step instance's first email makes ${r.cost.firstOfInstance.count} requests (${r.cost.firstOfInstance.extra ? `beyond the others: ${r.cost.firstOfInstance.extra}, read once per instance` : "no more than the others"}); it is counted apart, as Lambda instances each send many emails.` : ""} Retries add transitions; data transfer and the free tiers are left out.

## 6. Scale

Figures 1 and 2 with 100, 1,000 and 5,000 debriefs stored before the run (a fresh stack per size, seeded
through the real submission code with a workflow port that starts nothing; the runs add their own).

${table(
  ["stored", "time to letter p50 / p95 ms", "floor p50 ms", "API req/s (app / baseline)", "ratio"],
  r.scale.map((s) => [
    s.stored,
    `${ms(s.timeToLetter.app.p50)} / ${ms(s.timeToLetter.app.p95)}`,
    ms(s.timeToLetter.floor.p50),
    `${s.api.app.rps.toFixed(1)} / ${s.api.baseline.rps.toFixed(1)}`,
    ratio(apiRatio(s), 1),
  ]),
)}

**What limits it**: every request is by key (GetItem, PutItem, UpdateItem on \`pk\`): no Scan or Query is on these
paths, so the table's size does not enter. Differences between rows are the machine's drift; the ratios to the
baselines measured alongside are what to compare.
${r.insights ? insightsSection(r, r.insights) : ""}`;
}

function insightsSection(r: Results, f: NonNullable<Results["insights"]>) {
  return `
## 8. Career centre insights

The advisors' insights page (\`GET /c/{slug}/admin\`, signed in) of one centre with ${f.debriefs.toLocaleString("en")} debriefs by
${f.students.toLocaleString("en")} students over ${f.weeks} weeks (the retention period) and ${f.cohorts} cohorts (one debrief in seven a returning student's), stored
through the real centre submission and each student proven as an emailed link does, on a stack of its own.
${f.samples} requests of each kind one after another (an advisor's page loads, not a load test), in four interleaved
rounds with the **baseline**: the Query of the centre's counted students on the \`byCentreStudent\` index alone,
through the same client and emulator, which every page view makes and no implementation can skip. The load
average was ${loadAt(r, "8")} as the figure started.

${table(
  ["", "p50 ms", "p95 ms", "max ms"],
  [
    ["the page, every student", ms(f.page.p50), ms(f.page.p95), ms(f.page.max)],
    ["the page, one cohort and 13 weeks", ms(f.filtered.p50), ms(f.filtered.p95), ms(f.filtered.max)],
    ["baseline: the index Query alone", ms(f.baseline.p50), ms(f.baseline.p95), ms(f.baseline.max)],
  ],
)}

The page showed ${f.shown} figures and hid ${f.hidden} (distinct students, a minimum group of 10 in every week-and-cohort
cell). **What limits it**: the Query reads every counted student of the centre (in pages of up to 1 MB from
dynalite, which parses JSON in the same Node process as the app); the suppression (a bit mask per property per
cell) and the server-rendered SVG add the rest. A filter reads the same index, so it costs
about as much. What would make it faster at many more debriefs: a Query bounded by the filter's weeks (the index's
sort key is \`createdAt\`), or a per-week summary item written as students are proven.
`;
}

const ROUND_TRIPS = `Why each round trip:

- \`UpdateItem RATE\` ×2: the per-IP (hourly) and per-address (daily) submission counters; the IP is counted first,
  so a client already over its limit cannot use up an address's allowance.
- \`PutItem DEBRIEF\`: the debrief, conditional on its id being new.
- No token item: the page token is derived from a random key stored in the debrief (an HMAC over the debrief id
  and the link's purpose, \`packages/core/src/tokens.ts\`), so the debrief's one write carries it; a replay of the
  same \`Idempotency-Key\` answers the same page link and writes nothing.
- \`StartExecution\`: the workflow, named after the debrief so that a second start is refused.
- \`UpdateItem DEBRIEF\` (\`workflowStartedAt\`): the put and the start cannot be one transaction; this mark is how
  the reconciler tells a debrief whose workflow never started.`;

/** Requests of one email's send step, from its described calls ("… ×2, … ×1"). */
const requestsIn = (calls: string) => [...calls.matchAll(/×(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);

/** "5 sequential round trips (6 requests: …)" for the letter, as measured (older saved runs: every request in turn). */
function letterTrips(r: Results): string {
  const requests = requestsIn(r.cost.requests.letter);
  const sequential = r.cost.roundTrips?.letter.sequential ?? requests;
  return sequential === requests
    ? `${requests} sequential requests (${r.cost.requests.letter})`
    : `${sequential} sequential round trips (${requests} requests: ${r.cost.requests.letter})`;
}

/**
 * For each goal the run missed: the result, why (from this run's own figures), and what
 * would meet it. Everything said here is computed from the run or true of the code
 * measured; nothing is kept by hand in BENCHMARKS.md.
 */
function missedNotes(r: Results): string {
  const b = budgets(r);
  const notes: string[] = [];
  const cpus = r.machine.nproc;
  if (!b.timeToLetterP95) {
    const worst = [...r.scale].sort((x, y) => y.timeToLetter.app.p95 - x.timeToLetter.app.p95)[0]!;
    const minimalP95 = worst.timeToLetter.minimal?.p95;
    notes.push(
      `- **Time to letter p95 < 1 s**: ${ms(worst.timeToLetter.app.p95)} ms with ${worst.stored} stored (p50 ${ms(worst.timeToLetter.app.p50)} ms; every size: ${r.scale.map((x) => `${ms(x.timeToLetter.app.p95)} ms at ${x.stored}`).join(", ")}), the load average ${loadAt(r, `1@${worst.stored}`)} on ${cpus} CPUs as that figure started. ` +
        `Why: the letter's send step is ${letterTrips(r)} to emulators that share one Node process with the app, the workflow and the render${minimalP95 !== undefined ? `; the minimal path, measured in the same rounds, had a p95 of ${ms(minimalP95)} ms there, so ${minimalP95 >= 800 ? "the machine, not the service, sets most of it" : "the service adds the rest"}` : ""}. ` +
        "What would meet it: a machine not shared with other work (this absolute figure is the machine's as much as the service's; the ratio to the minimal path below is the one to judge the service by).",
    );
  }
  if (!b.apiRatio) {
    const ratios = r.scale.map((x) => ratio(apiRatio(x), 1));
    notes.push(
      `- **API throughput ≥ 0.8 of the baseline**: ${ratios.join(", ")} at ${r.scale.map((x) => x.stored).join(", ")} stored (load average ${r.scale.map((x) => loadAt(r, `2@${x.stored}`)).join(", ")} as each started). ` +
        `Why: the spread between sizes in this one run (${Math.min(...ratios)} to ${Math.max(...ratios)}) is larger than anything the app adds: both serve the same ${r.scale[0]?.submissionCalls.split(" → ").length ?? 0} round trips per submission, and the app's own work (Hono routing and middleware, JSON parsing, zod validation, marshalling) is a few ms next to them; rounds of ${r.plan.durationS} s alternate between the two while the machine's load changes faster than that. ` +
        "What would settle it: a quieter machine, and more pairs of shorter rounds.",
    );
  }
  const c = r.cold;
  if (!b.apiBundleSize) {
    const over = c.bundles.api.bytes - 1.3 * c.bundles.baseline.bytes;
    const parts = (c.apiBeyondBaseline ?? []).slice(0, 6).map((p) => `${p.part} ${kib(p.bytes)}`);
    notes.push(
      `- **API bundle ≤ 1.3× the baseline** (×${ratio(c.bundles.api.bytes, c.bundles.baseline.bytes)}: ${kib(c.bundles.api.bytes)} loaded at cold start against ${kib(c.bundles.baseline.bytes)}, ${kib(over)} over). ` +
        `Why: what the API loads beyond the baseline${parts.length ? `, largest first: ${parts.join(", ")}` : ""}. ` +
        "What would meet it: that much more out of what a cold start loads: every route group is already loaded on first use, so what is left is the shell (Hono, its middleware and the document shell), the wiring (configuration, Powertools logger, stores) and the SDK clients.",
    );
  }
  if (!b.apiImport) {
    const t = c.runs;
    notes.push(
      `- **API cold import ≤ 1.3× the baseline** (×${ratio(t.api.importMs, t.baseline.importMs)}: ${ms(t.api.importMs)} against ${ms(t.baseline.importMs)} ms, medians of ${t.api.n} fresh processes on Node ${c.node ?? r.machine.node}, load average ${loadAt(r, "3")} as the figure started). ` +
        `Why: the API parses ${kib(c.bundles.api.bytes)} at import (×${ratio(c.bundles.api.bytes, c.bundles.baseline.bytes)} the baseline's bytes) and then runs its own initialisation, which the baseline does not have: the configuration parsed with zod, the Powertools logger, the stores, and the Hono app with its middleware (every route group is loaded on its first request). ` +
        "What would meet it: a configuration check without zod's first-parse cost, and a lighter logger; both are small, so a quieter machine may be what separates the two.",
    );
  }
  const coldStarts = [
    { ok: b.apiColdStart, route: "POST /api/debriefs", t: c.runs.api },
    { ok: b.formColdStart, route: "GET / (the form)", t: c.apiForm },
  ];
  for (const { route, t } of coldStarts.filter((x) => !x.ok && x.t)) {
    if (!t) continue;
    const base = c.runs.baseline;
    notes.push(
      `- **API cold start on ${route}, import and first event ≤ 1.5× the baseline** (×${ratio(coldStartRatio(t, base), 1)}: ${ms(t.importMs)} + ${ms(t.callMs)} ms against ${ms(base.importMs)} + ${ms(base.callMs)} ms, medians of ${t.n} fresh processes on Node ${c.node ?? r.machine.node}, load average ${loadAt(r, "3")} as the figure started). ` +
        `Why: beyond the baseline's import, the first event loads its route group (${kib(c.bundles.api.totalBytes ?? c.bundles.api.bytes)} in all files against ${kib(c.bundles.api.bytes)} at cold start) and makes the request's own round trips to the local stack, which the baseline's 404 does not. ` +
        "What would meet it: less evaluated on the first request of that route (profile a cold run with `--cpu-prof`), never by moving it into the import.",
    );
  }
  if (!b.stepsBundle)
    notes.push(
      `- **Send-step bundle ≤ 1,150 KiB** (${kib(c.bundles.steps.bytes)}): what the send step bundles beyond the baseline's SDK clients and zod is react-email, React's server renderer and the letter's composer. What would meet it: that much less of them bundled.`,
    );
  if (!b.stepsImport)
    notes.push(
      `- **Send-step cold import ≤ 1.5× the baseline** (×${ratio(c.runs.steps.importMs, c.runs.baseline.importMs)}: ${ms(c.runs.steps.importMs)} against ${ms(c.runs.baseline.importMs)} ms, load average ${loadAt(r, "3")}). Why: it evaluates ${kib(c.bundles.steps.bytes)} at import against the baseline's ${kib(c.bundles.baseline.bytes)}. What would meet it: less evaluated at import (render on first use).`,
    );
  if (!b.renderCold)
    notes.push(
      `- **Cold render ≤ 1.5× the baseline** (×${ratio(renderColdRatio(r), 1)}: ${ms(r.render.cold.app.importMs)} + ${ms(r.render.cold.app.firstRenderMs)} ms against ${ms(r.render.cold.baseline.importMs)} + ${ms(r.render.cold.baseline.firstRenderMs)} ms, load average ${loadAt(r, "4")}). Why: the email module's import (templates, the letter's composer) and the first letter's composition, which the one-paragraph baseline does not have. What would meet it: less evaluated at the renderer's import.`,
    );
  if (!b.renderMedian) {
    const worst =
      ["letter", "nudge", "tips"].sort((x, y) => (r.render.warm[y]?.p50 ?? 0) - (r.render.warm[x]?.p50 ?? 0))[0] ??
      "tips";
    notes.push(
      `- **Render median < 5 ms**: the ${worst} email takes ${ms(r.render.warm[worst]?.p50 ?? Number.NaN)} ms at the median, ×${ratio(r.render.warm[worst]?.p50 ?? 0, r.render.warm.baseline?.p50 ?? 0)} the one-paragraph baseline, which itself takes ${ms(r.render.warm.baseline?.p50 ?? Number.NaN)} ms here (load average ${loadAt(r, "4")} as the figure started). ` +
        "Why: React's server rendering, which the baseline pays too; the emails have more markup than its one paragraph. " +
        "What would meet it: a quieter machine first (the baseline alone is over the budget here), then less markup per email.",
    );
  }
  if (!b.cost) {
    notes.push(
      `- **Cost ≤ $0.45 per 1,000 plain debriefs** (${usd(r.cost.total)}): the floor is three SES sends (${usd(r.cost.floor)}) and ${r.cost.transitions} transitions; the rest is Lambda duration and DynamoDB units (the debrief item is ${r.cost.dynamo.debriefItemBytes} bytes, so each write to it costs ${Math.ceil(r.cost.dynamo.debriefItemBytes / 1024)} WRU), with Lambda durations measured on this loaded machine (send steps ${ms(r.cost.durations.letter)} ms warm). What would meet it: fewer writes per email, or a smaller debrief item.`,
    );
  }
  if (!b.transitions) {
    notes.push(
      `- **5 state transitions per plain debrief**: the success path is ${r.cost.path.join(" → ")}. What would meet it: only the three sends and two waits on a plain debrief's path.`,
    );
  }
  if (!b.roundTrips && r.cost.roundTrips) {
    const t = r.cost.roundTrips;
    const over = (Object.entries(t) as [string, { count: number; sequential?: number; calls: string }][]).filter(
      ([, v]) => (v.sequential ?? v.count) > 5,
    );
    notes.push(
      `- **At most 5 round trips per email**: ${over.map(([k, v]) => `${k} ${v.sequential ?? v.count} sequential, ${v.count} requests (${v.calls})`).join("; ")}, counted on a warm send-step instance. What would meet it: one sequential read or write fewer on that email's path.`,
    );
  }
  if (!b.letterVsMinimal) {
    const missed = r.scale.filter((x) => !letterRatios(x.timeToLetter).ok);
    notes.push(
      `- **Time to letter within 3× (p50) and 4× (p95) of the minimal path**: ${missed
        .map((x) => {
          const v = letterRatios(x.timeToLetter);
          return `${ratio(v.p50, 1)} / ${ratio(v.p95, 1)} at ${x.stored} stored (service p95 ${ms(x.timeToLetter.app.p95)} and max ${ms(x.timeToLetter.app.max)} ms, minimal path p95 ${ms(x.timeToLetter.minimal?.p95 ?? Number.NaN)} ms; load average ${loadAt(r, `1@${x.stored}`)})`;
        })
        .join("; ")}; the other sizes met it (${r.scale
        .filter((x) => letterRatios(x.timeToLetter).ok)
        .map((x) => {
          const v = letterRatios(x.timeToLetter);
          return `${ratio(v.p50, 1)} / ${ratio(v.p95, 1)} at ${x.stored}`;
        })
        .join(", ")}). ` +
        `Why: ${missed.some((x) => letterRatios(x.timeToLetter).p50 > 3) ? "the median itself is over (look at the service's extra work per letter first); beyond that, " : ""}a p95 over ${r.plan.submissions / 2} letters per side is decided by its slowest few, and on a shared machine those are the ones a burst of other work lands on; the service's own extra work per letter is small (beyond the minimal path: the submission's rate counters and its \`workflowStartedAt\` mark, and in the send step the suppression-list read). ` +
        "What would settle it: a quieter machine, and more, shorter alternating rounds so that bursts fall on both sides alike.",
    );
  }
  if (!(b.flatTimeToLetter && b.flatApi)) {
    notes.push(
      "- **Scale**: a figure grew with the table size beyond the machine's drift; every path reads and writes by key, so look for a Scan or Query that entered one.",
    );
  }
  if (!b.insightsP95 && r.insights) {
    const f = r.insights;
    notes.push(
      `- **Insights page p95 < ${INSIGHTS_P95_MS} ms with ${f.debriefs.toLocaleString("en")} debriefs**: ${ms(f.page.p95)} ms (p50 ${ms(f.page.p50)} ms; load average ${loadAt(r, "8")}), of which the index Query alone takes p95 ${ms(f.baseline.p95)} ms on dynalite in this run. ` +
        "Why: every page view reads every counted student of the centre and then computes each figure's suppression; on a shared machine dynalite's JSON parsing is the larger part. " +
        "What would meet it: a Query bounded by the filter's weeks, a per-week summary written as students are proven, or a short-lived cache of the Query per instance (figures a minute old); DynamoDB itself, not measured here, would also answer the Query in other times than dynalite.",
    );
  }
  if (!b.noEmailInApi)
    notes.push("- **react-email in the API bundle**: an import from `@debrief/emails` reached the API's graph.");
  return notes.length
    ? `## Goals missed in this run\n\nEach with its result, why, and what would meet it (all of it written by \`packages/bench/src/report.ts\` from this run's figures).\n\n${notes.join("\n")}`
    : "## Goals\n\nEvery goal is met in this run.";
}
