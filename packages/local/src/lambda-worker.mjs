// One warm Lambda instance: run by Node 22 (never through tsx) with the function's
// folder as its working directory (Lambda's /var/task) and only its environment.
// Usage: node lambda-worker.mjs <bundle file> <export name>. Talks over the IPC channel:
// in {id, event}, out {id, ok, result} | {id, ok: false, error: {errorType, errorMessage}};
// at start {init: "ok"} or {init: "error", error}. One invocation at a time, as on Lambda.
import { pathToFileURL } from "node:url";

const [file, exportName] = process.argv.slice(2);
const asError = (e) => ({
  errorType: e instanceof Error ? e.name : "Error",
  errorMessage: e instanceof Error ? e.message : String(e),
});

let handler;
try {
  const mod = await import(pathToFileURL(file).href);
  handler = mod[exportName];
  if (typeof handler !== "function") throw new Error(`${file} exports no function ${exportName}`);
  process.send({ init: "ok" });
} catch (e) {
  process.send({ init: "error", error: asError(e) });
  process.exit(1);
}

// The local stack went away (even killed): so does its instance.
process.on("disconnect", () => process.exit(0));

let invocations = 0;
process.on("message", async ({ id, event }) => {
  const started = Date.now();
  const context = {
    awsRequestId: `local-${process.pid}-${++invocations}`,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: "$LATEST",
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Number(process.env.LOCAL_LAMBDA_TIMEOUT_MS) - (Date.now() - started),
  };
  try {
    process.send({ id, ok: true, result: (await handler(event, context)) ?? null });
  } catch (e) {
    process.send({ id, ok: false, error: asError(e) });
  }
});
