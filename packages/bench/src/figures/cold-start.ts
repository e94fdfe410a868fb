import { execFileSync, spawn } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { apiBundling } from "@debrief/infra/bundling";
import { lambdaNode } from "@debrief/local";
import type { Metafile } from "esbuild";
import { type Bundle, bundleLikeSst } from "../bundle";
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
export type BundleSize = {
  /** What a cold start loads: the entry file and the chunks it imports statically. */
  bytes: number;
  /** Every file of the bundle, the chunks loaded on first use too (older saved runs: none). */
  totalBytes?: number;
  files?: number;
  zodBytes: number;
  sdkBytes: number;
};
export type ColdFigure = {
  /** The Node version the cold runs used. */
  node?: string;
  bundles: Record<"api" | "steps" | "baseline", BundleSize>;
  /** What the API loads at its cold start beyond the baseline, by package (KiB), largest first. */
  apiBeyondBaseline?: { part: string; bytes: number }[];
  emailRenderingInApi: number;
  runs: Record<"api" | "steps" | "baseline", ColdSummary>;
  /** The other functions, imported only (no event): what each one's cold start loads and evaluates (older saved runs: none). */
  others?: { name: string; bytes: number; importMs: number; n: number }[];
  /** The API with the form page (GET /) as its first event, the commonest first request from people (older saved runs: none). */
  apiForm?: ColdSummary;
};
export type ColdSummary = { importMs: number; callMs: number; processMs: number; n: number };

/** The functions other than the API and the send step: one bundle per entry file (the operations share one). */
const OTHER_ENTRIES = [
  { name: "record-failure", file: "record-failure.ts" },
  { name: "ses-events", file: "ses-events.ts" },
  { name: "operations", file: "operations.ts" },
];

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

/**
 * The output files a cold start loads: the bundle's entry file, and the chunks it imports
 * statically (not those of `import()`, which esbuild also marks as entry points).
 */
export function loadedAtImport(bundle: Bundle): string[] {
  const outputs = bundle.metafile.outputs;
  const entries = Object.keys(outputs).filter((o) => resolve(o) === resolve(bundle.file));
  if (entries.length !== 1) throw new Error(`No output of ${bundle.name} is its entry file ${bundle.file}`);
  const loaded = new Set(entries);
  const queue = [...entries];
  for (let o = queue.pop(); o !== undefined; o = queue.pop()) {
    for (const i of outputs[o]?.imports ?? []) {
      if (i.kind === "import-statement" && outputs[i.path] && !loaded.has(i.path)) {
        loaded.add(i.path);
        queue.push(i.path);
      }
    }
  }
  return [...loaded];
}

/** Bytes of the given outputs by the package (or, for our code, the folder) each input came from. */
export function partsOf(metafile: Metafile, outputs: string[]): Map<string, number> {
  const parts = new Map<string, number>();
  for (const o of outputs) {
    for (const [path, input] of Object.entries(metafile.outputs[o]?.inputs ?? {})) {
      const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
      const part =
        pkg ??
        path
          .replace(/^(?:\.\.\/)+/, "")
          .split("/")
          .slice(0, 4)
          .join("/");
      parts.set(part, (parts.get(part) ?? 0) + input.bytesInOutput);
    }
  }
  return parts;
}

/** An API Gateway HTTP API (payload 2.0) event: a real POST /api/debriefs, or without a body GET / (the form). */
function apiEvent(body?: unknown) {
  const [method, path] = body === undefined ? ["GET", "/"] : ["POST", "/api/debriefs"];
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: "",
    headers:
      body === undefined
        ? { accept: "text/html", host: "bench.local" }
        : { "content-type": "application/json", host: "bench.local" },
    requestContext: {
      accountId: "000000000000",
      apiId: "bench",
      domainName: "bench.local",
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "bench" },
      requestId: "bench",
      routeKey: "$default",
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    isBase64Encoded: false,
  };
}

/**
 * Figure 3: the API and send-step handlers bundled as SST v2 bundles them, against a
 * baseline bundle of `handle(new Hono())` with the same SDK clients and zod doing
 * nothing. Each run is a fresh Node process that imports the bundle and handles one
 * real event against the local stack (a submission, and the form page; a letter for a
 * stored debrief); the four run in turn, so drift on the machine falls on all of them.
 */
export async function measureColdStart(outDir: string, runs: number): Promise<ColdFigure> {
  const [api, steps, baseline, ...others] = await Promise.all([
    bundleLikeSst("api", `${root}packages/functions/src/api.ts`, outDir, apiBundling),
    bundleLikeSst("steps", `${root}packages/functions/src/steps.ts`, outDir),
    // The baseline is bundled as the API is, so that splitting's gain on the SDK's own lazy imports falls on both.
    bundleLikeSst("baseline", `${root}packages/bench/src/baseline/lambda.ts`, outDir, apiBundling),
    // The other functions' entries (infra/workflow.ts, infra/operations.ts), bundled as they deploy.
    ...OTHER_ENTRIES.map((e) => bundleLikeSst(e.name, `${root}packages/functions/src/${e.file}`, outDir)),
  ]);
  const sizes = (b: Bundle): BundleSize => {
    const loaded = loadedAtImport(b);
    const parts = partsOf(b.metafile, loaded);
    const from = (pattern: RegExp) => [...parts].filter(([p]) => pattern.test(p)).reduce((n, [, v]) => n + v, 0);
    const all = Object.keys(b.metafile.outputs).filter((o) => !o.endsWith(".map"));
    return {
      bytes: loaded.reduce((n, o) => n + (b.metafile.outputs[o]?.bytes ?? 0), 0),
      totalBytes: all.reduce((n, o) => n + (b.metafile.outputs[o]?.bytes ?? 0), 0),
      files: all.length,
      zodBytes: from(/^zod$/),
      sdkBytes: from(/^@aws-sdk\/|^@smithy\//),
    };
  };
  const apiParts = partsOf(api.metafile, loadedAtImport(api));
  const baseParts = partsOf(baseline.metafile, loadedAtImport(baseline));
  const apiBeyondBaseline = [...apiParts]
    .map(([part, bytes]) => ({ part, bytes: bytes - (baseParts.get(part) ?? 0) }))
    .filter((p) => p.bytes >= 1024)
    .sort((a, b) => b.bytes - a.bytes);

  const samples: Record<"api" | "apiForm" | "steps" | "baseline", ColdRun[]> = {
    api: [],
    apiForm: [],
    steps: [],
    baseline: [],
  };
  const letterFor = await seedDebriefs(runs);
  for (let i = 0; i < runs; i++) {
    const order = (["baseline", "api", "apiForm", "steps"] as const).map((_, k, all) => all[(k + i) % all.length]!);
    for (const which of order) {
      if (which === "steps") {
        const r = await coldRun(steps.file, "sendEmail", [{ debriefId: letterFor[i], kind: "letter" }]);
        samples.steps.push(r);
      } else if (which === "apiForm") {
        const r = await coldRun(api.file, "handler", [apiEvent(), {}]);
        if (r.detail !== "200") throw new Error(`api cold run of GET / answered ${r.detail}, expected 200`);
        samples.apiForm.push(r);
      } else {
        const r = await coldRun((which === "api" ? api : baseline).file, "handler", [apiEvent(debriefBody()), {}]);
        const expected = which === "api" ? "201" : "404";
        if (r.detail !== expected) throw new Error(`${which} cold run answered ${r.detail}, expected ${expected}`);
        samples[which].push(r);
      }
    }
  }
  const otherImports = new Map<string, number[]>(others.map((b) => [b.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const b of others) otherImports.get(b.name)?.push((await coldRun(b.file, "-", [])).importMs);
  }
  const summary = (rs: ColdRun[]): ColdSummary => ({
    importMs: median(rs.map((r) => r.importMs)),
    callMs: median(rs.map((r) => r.callMs)),
    processMs: median(rs.map((r) => r.processMs)),
    n: rs.length,
  });
  return {
    node: execFileSync(await coldNode(), ["--version"], { encoding: "utf8" }).trim(),
    bundles: { api: sizes(api), steps: sizes(steps), baseline: sizes(baseline) },
    apiBeyondBaseline,
    emailRenderingInApi: Object.keys(api.metafile.inputs).filter((p) => EMAIL_RENDERING.test(p)).length,
    runs: { api: summary(samples.api), steps: summary(samples.steps), baseline: summary(samples.baseline) },
    apiForm: summary(samples.apiForm),
    others: others.map((b) => ({
      name: b.name,
      bytes: sizes(b).bytes,
      importMs: median(otherImports.get(b.name) ?? []),
      n: otherImports.get(b.name)?.length ?? 0,
    })),
  };
}
