import { execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { lambdaNode } from "@debrief/local";
import { type Bundle, bundleLikeSst, bytesFrom } from "../bundle";
import { debriefBody, seedDebriefs } from "../debriefs";
import { median } from "../stats";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const runner = fileURLToPath(new URL("../cold-run.mjs", import.meta.url));

/**
 * The Node that runs cold starts: BENCH_NODE, else the Lambda runtime's exact version that the
 * bundle tests use (`lambdaNode()` installs it into .cache/node22 when missing).
 */
let node: Promise<string> | undefined;
export function coldNode(): Promise<string> {
  node ??= process.env.BENCH_NODE ? Promise.resolve(process.env.BENCH_NODE) : lambdaNode();
  return node;
}

/** What must never be bundled into the API: the email renderer and its React. */
export const EMAIL_RENDERING = /(?:^|\/)(?:@react-email|react-email|react-dom|emails\/src)\//;

export type ColdRun = { importMs: number; callMs: number; processMs: number };
export type ColdFigure = {
  /** The Node version the cold runs used. */
  node?: string;
  bundles: Record<"api" | "steps" | "baseline", { bytes: number; zodBytes: number; sdkBytes: number }>;
  emailRenderingInApi: number;
  runs: Record<"api" | "steps" | "baseline", { importMs: number; callMs: number; processMs: number; n: number }>;
};

/** One fresh `node` process: import the bundle, call `exportName(...args)` once. */
export async function coldRun(
  bundle: string,
  exportName: string,
  args: unknown[],
): Promise<ColdRun & { detail: string }> {
  const bin = await coldNode();
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(bin, [runner, bundle, exportName, JSON.stringify(args)], {
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: "WARN" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", () => {
      const processMs = performance.now() - t0;
      const line = out.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
      if (!line) return reject(new Error(`Cold run of ${bundle} printed no result: ${out.slice(-300)}`));
      const r = JSON.parse(line.slice("BENCH_RESULT ".length)) as ColdRun & { ok: boolean; detail: string };
      if (!r.ok) return reject(new Error(`Cold run of ${bundle} failed: ${r.detail}`));
      resolve({ importMs: r.importMs, callMs: r.callMs, processMs, detail: r.detail });
    });
  });
}

/** An API Gateway HTTP API (payload 2.0) event: a real POST /api/debriefs. */
function apiEvent(body: unknown) {
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: "/api/debriefs",
    rawQueryString: "",
    headers: { "content-type": "application/json", host: "bench.local" },
    requestContext: {
      accountId: "000000000000",
      apiId: "bench",
      domainName: "bench.local",
      http: { method: "POST", path: "/api/debriefs", protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "bench" },
      requestId: "bench",
      routeKey: "$default",
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}

/**
 * Figure 3: the API and send-step handlers bundled as SST v2 bundles them, against a
 * baseline bundle of `handle(new Hono())` with the same SDK clients and zod doing
 * nothing. Each run is a fresh Node process that imports the bundle and handles one
 * real event against the local stack (a submission; a letter for a stored debrief);
 * the three run in turn, so drift on the machine falls on all of them.
 */
export async function measureColdStart(outDir: string, runs: number): Promise<ColdFigure> {
  const [api, steps, baseline] = await Promise.all([
    bundleLikeSst("api", `${root}packages/functions/src/api.ts`, outDir),
    bundleLikeSst("steps", `${root}packages/functions/src/steps.ts`, outDir),
    bundleLikeSst("baseline", `${root}packages/bench/src/baseline/lambda.ts`, outDir),
  ]);
  const sizes = (b: Bundle) => ({
    bytes: b.bytes,
    zodBytes: bytesFrom(b, /\/zod[@/]/),
    sdkBytes: bytesFrom(b, /@aws-sdk|@smithy/),
  });

  const samples: Record<"api" | "steps" | "baseline", ColdRun[]> = { api: [], steps: [], baseline: [] };
  const letterFor = await seedDebriefs(runs);
  for (let i = 0; i < runs; i++) {
    const order = (["baseline", "api", "steps"] as const).map((_, k, all) => all[(k + i) % all.length]!);
    for (const which of order) {
      if (which === "steps") {
        const r = await coldRun(steps.file, "sendEmail", [{ debriefId: letterFor[i], kind: "letter" }]);
        samples.steps.push(r);
      } else {
        const r = await coldRun((which === "api" ? api : baseline).file, "handler", [apiEvent(debriefBody()), {}]);
        const expected = which === "api" ? "201" : "404";
        if (r.detail !== expected) throw new Error(`${which} cold run answered ${r.detail}, expected ${expected}`);
        samples[which].push(r);
      }
    }
  }
  const summary = (rs: ColdRun[]) => ({
    importMs: median(rs.map((r) => r.importMs)),
    callMs: median(rs.map((r) => r.callMs)),
    processMs: median(rs.map((r) => r.processMs)),
    n: rs.length,
  });
  return {
    node: execFileSync(await coldNode(), ["--version"], { encoding: "utf8" }).trim(),
    bundles: { api: sizes(api), steps: sizes(steps), baseline: sizes(baseline) },
    emailRenderingInApi: Object.keys(api.metafile.inputs).filter((p) => EMAIL_RENDERING.test(p)).length,
    runs: { api: summary(samples.api), steps: summary(samples.steps), baseline: summary(samples.baseline) },
  };
}
