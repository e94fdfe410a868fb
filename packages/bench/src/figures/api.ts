import autocannon from "autocannon";
import { debriefBody } from "../debriefs";
import type { SesWatch } from "../letters";
import { median } from "../stats";

export type LoadResult = {
  /** Accepted submissions (2xx) per second. */
  rps: number;
  p50: number;
  p99: number;
  accepted: number;
  failed: number;
};
export type ApiFigure = {
  app: LoadResult;
  baseline: LoadResult;
  /** Median over pairs of adjacent rounds of app req/s ÷ baseline req/s: drift slower than a pair cancels out. */
  ratio?: number;
  connections: number;
  durationS: number;
  drainS: number;
};

async function load(url: string, connections: number, durationS: number): Promise<LoadResult> {
  const result = await autocannon({
    url: `${url}/api/debriefs`,
    connections,
    duration: durationS,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        // Each request is a different candidate, as in real traffic (and per-address limits).
        setupRequest: (req) => ({ ...req, body: JSON.stringify(debriefBody()) }),
      },
    ],
  });
  return {
    rps: result["2xx"] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    accepted: result["2xx"],
    failed: result.non2xx + result.errors,
  };
}

function combine(rounds: LoadResult[]): LoadResult {
  const mean = (f: (r: LoadResult) => number) => rounds.reduce((s, r) => s + f(r), 0) / rounds.length;
  return {
    rps: mean((r) => r.rps),
    p50: mean((r) => r.p50),
    p99: mean((r) => r.p99),
    accepted: rounds.reduce((s, r) => s + r.accepted, 0),
    failed: rounds.reduce((s, r) => s + r.failed, 0),
  };
}

/**
 * Figure 2: POST /api/debriefs under `connections` concurrent clients, against the
 * baseline server in the same process, in `rounds` pairs of short rounds (app then
 * baseline, then baseline then app, ...); the ratio is the median of the pairs' ratios,
 * so drift on a shared machine slower than a pair cancels out. Every accepted submission starts a real
 * workflow whose letter is sent in this same process: between rounds the bench waits
 * until those letters are stored, so each round starts quiet.
 */
export async function measureApi(
  appUrl: string,
  baselineUrl: string,
  ses: SesWatch,
  { connections, durationS, rounds }: { connections: number; durationS: number; rounds: number },
): Promise<ApiFigure> {
  const results: Record<"app" | "baseline", LoadResult[]> = { app: [], baseline: [] };
  const pairRatios: number[] = [];
  let drainMs = 0;
  for (let i = 0; i < rounds; i++) {
    const pair = i % 2 === 0 ? (["app", "baseline"] as const) : (["baseline", "app"] as const);
    for (const which of pair) {
      const before = ses.saved();
      const r = await load(which === "app" ? appUrl : baselineUrl, connections, durationS);
      results[which].push(r);
      const t0 = performance.now();
      await drain(ses, before + r.accepted);
      drainMs += performance.now() - t0;
    }
    pairRatios.push((results.app.at(-1)?.rps ?? 0) / (results.baseline.at(-1)?.rps ?? Number.NaN));
  }
  return {
    app: combine(results.app),
    baseline: combine(results.baseline),
    ratio: median(pairRatios),
    connections,
    durationS,
    drainS: drainMs / 1000 / (rounds * 2),
  };
}

/**
 * Waits until `expected` messages have been stored (every accepted submission's letter)
 * and then until none has been stored for `quietMs` (requests still in flight when the
 * round ended were answered too, uncounted, and send their letters as well).
 */
export async function drain(ses: SesWatch, expected: number, { quietMs = 500, timeoutMs = 180_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = ses.saved();
  let quietSince = Date.now();
  while (ses.saved() < expected || Date.now() - quietSince < quietMs) {
    if (Date.now() > deadline) throw new Error(`Only ${ses.saved()} of ${expected} letters were stored in time`);
    await new Promise((r) => setTimeout(r, 50));
    if (ses.saved() !== last) {
      last = ses.saved();
      quietSince = Date.now();
    }
  }
}
