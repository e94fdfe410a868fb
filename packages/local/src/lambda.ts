import { type ChildProcess, fork } from "node:child_process";
import { join, resolve } from "node:path";
import type { SynthesizedFunction } from "@debrief/infra/synth";
import { type LambdaBundles, lambdaBundles, lambdaNode } from "./bundles";

export type Env = Record<string, string | undefined>;

export type BundledLambdasOptions = {
  /** The local settings of a function (endpoints, PUBLIC_URL, test settings), over its template's variables. */
  env: (name: string) => Env;
  /** Local values of the template's tokens, by variable name (TABLE_NAME, STATE_MACHINE_ARN). */
  tokens: Record<string, string>;
  /** Where each function's output goes (Lambda's CloudWatch); default: dropped. */
  log?: (line: string) => void;
  /** Default: built (or reused) by lambdaBundles(). */
  bundles?: LambdaBundles;
  /** Functions to start one instance of straight away, so the first call finds it warm. */
  warm?: string[];
};

type Worker = { child: ChildProcess; busy: boolean; retired: boolean; current?: number };

/** What Lambda's nodejs22.x runtime sets that the code may read, beside the function's own variables. */
function runtimeEnv(fn: SynthesizedFunction, taskRoot: string): Env {
  return {
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    LAMBDA_TASK_ROOT: taskRoot,
    LOCAL_LAMBDA_TIMEOUT_MS: String(fn.timeoutSeconds * 1000),
    TZ: ":UTC",
    LANG: "en_US.UTF-8",
    PATH: "/usr/local/bin:/usr/bin:/bin",
  };
}

/**
 * The template's variables with each token (an object such as Fn::ImportValue) replaced by its local value.
 * A bound SST secret is left out: there is no SSM here, so, as `sst bind` does, it takes the local setting of
 * its name (DIGEST_SECRET, FORM_SECRET, …) when one is given, and otherwise the function's local default.
 */
export function resolveEnvironment(fn: SynthesizedFunction, tokens: Record<string, string>): Env {
  return Object.fromEntries(
    Object.entries(fn.environment)
      .filter(([name]) => !name.startsWith("SST_Secret_value_"))
      .map(([name, value]) => {
        if (typeof value === "string") return [name, value];
        const local = tokens[name];
        if (local === undefined) throw new Error(`${fn.name}: no local value for ${name} (${JSON.stringify(value)})`);
        return [name, local];
      }),
  );
}

/**
 * The deployed functions run locally as Lambda runs them: each bundle on Node 22 in a
 * child process of its own (the function's folder as working directory, only its
 * environment), kept warm between invocations; a second invocation while one is
 * running starts another instance, as Lambda scales. Invocations take and return JSON.
 */
export async function startBundledLambdas(opts: BundledLambdasOptions) {
  const bundles = opts.bundles ?? (await lambdaBundles());
  const node = await lambdaNode();
  const workerScript = resolve(import.meta.dirname, "lambda-worker.mjs");
  const byName = new Map(bundles.functions.map((fn) => [fn.name, fn]));
  const pools = new Map<string, Worker[]>();
  let nextId = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  const spawn = (fn: SynthesizedFunction): Promise<Worker> => {
    const taskRoot = join(bundles.dir, fn.dir);
    const [file, exportName] = splitHandler(fn.handler);
    const child = fork(workerScript, [join(taskRoot, file), exportName], {
      execPath: node,
      execArgv: [],
      cwd: taskRoot,
      env: { ...runtimeEnv(fn, taskRoot), ...resolveEnvironment(fn, opts.tokens), ...opts.env(fn.name) },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "json",
    });
    const out = (chunk: Buffer) => opts.log?.(chunk.toString("utf8"));
    child.stdout?.on("data", out);
    child.stderr?.on("data", out);
    const worker: Worker = { child, busy: true, retired: false };
    return new Promise((ready, fail) => {
      child.once("exit", (code) => {
        fail(new Error(`${fn.name} exited during init (code ${code})`));
        // A crash mid-invocation is a failed invocation (Lambda: Runtime.ExitError).
        const call = worker.current === undefined ? undefined : pending.get(worker.current);
        if (worker.current !== undefined) pending.delete(worker.current);
        call?.reject(Object.assign(new Error(`${fn.name} exited (code ${code})`), { name: "Runtime.ExitError" }));
      });
      child.on("message", (m: { init?: string; error?: LambdaError; id?: number; ok?: boolean; result?: unknown }) => {
        if (m.init === "ok") return ready(worker);
        if (m.init === "error") return fail(lambdaError(m.error));
        const call = m.id === undefined ? undefined : pending.get(m.id);
        if (!call || m.id === undefined) return;
        pending.delete(m.id);
        if (m.ok) call.resolve(m.result);
        else call.reject(lambdaError(m.error));
      });
    });
  };

  /** A new instance of the function, busy until its caller is done with it. */
  const start = async (name: string): Promise<Worker> => {
    const fn = byName.get(name);
    if (!fn) throw new Error(`No bundled function ${name} (have ${[...byName.keys()].join(", ")})`);
    const pool = pools.get(name) ?? [];
    pools.set(name, pool);
    const worker = await spawn(fn);
    pool.push(worker);
    worker.child.once("exit", () => pool.splice(pool.indexOf(worker), 1));
    return worker;
  };

  const acquire = async (name: string): Promise<Worker> => {
    const idle = pools.get(name)?.find((w) => !w.busy && !w.retired && w.child.exitCode === null);
    if (!idle) return start(name);
    idle.busy = true;
    return idle;
  };

  const invoke = async (name: string, event: unknown): Promise<unknown> => {
    const worker = await acquire(name);
    const id = nextId++;
    try {
      return await new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.current = id;
        worker.child.send({ id, event });
      });
    } finally {
      worker.current = undefined;
      worker.busy = false;
      if (worker.retired) worker.child.kill();
    }
  };

  const retire = (names: string[]) => {
    for (const name of names) {
      for (const w of pools.get(name) ?? []) {
        w.retired = true;
        if (!w.busy) w.child.kill();
      }
    }
  };

  const warmUp = async (names: string[]) => {
    for (const w of await Promise.all(names.map(start))) w.busy = false;
  };
  await warmUp(opts.warm ?? []);

  return {
    functions: bundles.functions,
    invoke,
    /** An HTTP request through the API function, as API Gateway's HTTP API (payload 2.0) hands it over. */
    async fetch(name: string, req: Request): Promise<Response> {
      return fromHttpResult((await invoke(name, await toHttpEvent(req))) as HttpResult);
    },
    /** New instances from now on (with the settings `env` gives then), as a deploy of new configuration does. */
    async restart(names: string[] = [...byName.keys()]) {
      retire(names);
      await warmUp(names.filter((n) => opts.warm?.includes(n)));
    },
    async close() {
      const all = [...pools.values()].flat();
      retire([...pools.keys()]);
      for (const w of all) w.child.kill();
      await Promise.all(
        all.map((w) => (w.child.exitCode !== null ? undefined : new Promise((done) => w.child.once("exit", done)))),
      );
    },
  };
}

export type BundledLambdas = Awaited<ReturnType<typeof startBundledLambdas>>;

type LambdaError = { errorType: string; errorMessage: string };
const lambdaError = (e: LambdaError | undefined) =>
  Object.assign(new Error(e?.errorMessage ?? "Unknown error"), { name: e?.errorType ?? "Error" });

/** `packages/functions/src/api.handler` → [`packages/functions/src/api.mjs`, `handler`] (SST writes .mjs). */
function splitHandler(handler: string): [string, string] {
  const dot = handler.lastIndexOf(".");
  return [`${handler.slice(0, dot)}.mjs`, handler.slice(dot + 1)];
}

const TEXT = /^(text\/|application\/(json|xml|javascript)|[^;]*\+json)/;

/**
 * The HTTP API's payload 2.0 event for a request: headers lower-cased, cookies apart,
 * a body that is not text (a form, a file) base64-encoded, as API Gateway does.
 */
export async function toHttpEvent(req: Request, sourceIp = "127.0.0.1") {
  const url = new URL(req.url);
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  req.headers.forEach((value, key) => {
    if (key === "cookie") cookies = value.split(/;\s*/).filter(Boolean);
    else headers[key] = value;
  });
  const raw = Buffer.from(await req.arrayBuffer());
  const text = TEXT.test(headers["content-type"] ?? "");
  const now = new Date();
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies,
    headers,
    queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      domainName: url.host,
      domainPrefix: url.hostname.split(".")[0],
      http: {
        method: req.method,
        path: url.pathname,
        protocol: "HTTP/1.1",
        sourceIp,
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: `local-${now.getTime()}-${Math.random().toString(36).slice(2, 10)}`,
      routeKey: "$default",
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: raw.length ? (text ? raw.toString("utf8") : raw.toString("base64")) : undefined,
    isBase64Encoded: raw.length > 0 && !text,
  };
}

export type HttpResult = {
  statusCode: number;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
};

/** The HTTP response API Gateway makes of a payload 2.0 result. */
export function fromHttpResult(result: HttpResult): Response {
  const headers = new Headers();
  for (const [k, v] of Object.entries(result.headers ?? {})) headers.set(k, v);
  for (const [k, vs] of Object.entries(result.multiValueHeaders ?? {})) for (const v of vs) headers.append(k, v);
  for (const cookie of result.cookies ?? []) headers.append("set-cookie", cookie);
  const body = result.body ? (result.isBase64Encoded ? Buffer.from(result.body, "base64") : result.body) : null;
  const empty = [204, 304].includes(result.statusCode) || body === null;
  return new Response(empty ? null : body, { status: result.statusCode, headers });
}
