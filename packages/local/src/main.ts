import { startLocalStack } from "./stack";

const int = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`${name} must be a whole number, got "${raw}"`);
    process.exit(2);
  }
  return n;
};

function lambdaMode(raw: string | undefined) {
  if (raw === undefined || raw === "" || raw === "in-process") return "in-process";
  if (raw === "bundled") return "bundled";
  console.error(`LOCAL_LAMBDA must be "bundled" or "in-process", got "${raw}"`);
  process.exit(2);
}

const stack = await startLocalStack({
  dataDir: process.env.DATA_DIR ?? ".data",
  port: int("PORT", 3000),
  dynamoPort: int("DYNAMODB_PORT", 8000),
  sesPort: int("SES_PORT", 8005),
  sfnPort: int("SFN_PORT", 8083),
  localDaySeconds: int("LOCAL_DAY_SECONDS", 60),
  publicUrl: process.env.PUBLIC_URL,
  lambda: lambdaMode(process.env.LOCAL_LAMBDA),
});

console.log(`
  Interview Debrief is running on an embedded local stack.

    Debrief form     ${stack.url}/
    Local inbox      ${stack.inboxUrl}/
    Health           ${stack.url}/health

    DynamoDB (dynalite)     http://127.0.0.1:${stack.ports.dynamo}
    SES v2 (aws-ses-v2-local) ${stack.inboxUrl}
    Step Functions (local)  http://127.0.0.1:${stack.ports.sfn}
    Data                    ${stack.dataDir}
    A workflow day lasts ${process.env.LOCAL_DAY_SECONDS ?? 60} s (LOCAL_DAY_SECONDS).
    Lambda code: ${stack.lambda === "bundled" ? "the deploy bundles on Node 22 (LOCAL_LAMBDA=bundled)" : "in-process from source (LOCAL_LAMBDA=bundled runs the deploy bundles)"}.

  Press Ctrl-C to stop.
`);

// Ctrl-C is how a developer ends `pnpm dev`: a clean stop (exit code 0) that keeps the data. The
// package script execs node itself, so the signal reaches this process and no shell dies of it.
let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  const timer = setTimeout(() => {
    console.error("\nThe local stack did not stop within 10 s: killed.");
    process.exit(1);
  }, 10_000);
  timer.unref();
  await stack.stop();
  console.log(`\nStopped. Your data stays in ${stack.dataDir} for the next pnpm dev.`);
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
