import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { join, resolve } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { type Clock, LOCAL_TABLE_NAME, type RepairTiming } from "@debrief/core";
import { createApp } from "@debrief/functions/app";
import { weeklyDigest } from "@debrief/functions/digest";
import type { AppMetrics } from "@debrief/functions/metrics";
import { type OperationsTiming, operationsHandlers } from "@debrief/functions/operations";
import { recordFailureStep } from "@debrief/functions/record-failure";
import { repairSendsHandler } from "@debrief/functions/repair-sends";
import { sesEventsHandler } from "@debrief/functions/ses-events";
import { sendEmailStep } from "@debrief/functions/steps";
import { type Adapters, apiDeps, type Env, wire } from "@debrief/functions/wiring";
import { LOCAL_ACCOUNT, LOCAL_REGION, synthesizeLocalDefinition } from "@debrief/infra/local-definition";
import type { ScheduledJob } from "@debrief/infra/schedules";
import { WORKFLOW_FUNCTIONS } from "@debrief/infra/workflow-definition";
import { serve } from "@hono/node-server";
import { devRoutes } from "./dev-routes";
import { ensureTable, startDynamo } from "./dynamo";
import { startScheduledJobs } from "./jobs";
import { startBundledLambdas } from "./lambda";
import { close } from "./net";
import { startSes } from "./ses";
import { startSesEventFeed } from "./ses-events";
import { startLocalStepFunctions, type TaskHandler } from "./stepfunctions/service";
import type { Definition } from "./stepfunctions/timing";

export type LocalStackOptions = {
  dataDir?: string;
  port?: number;
  dynamoPort?: number;
  sesPort?: number;
  sfnPort?: number;
  /** How many seconds a workflow day lasts locally. */
  localDaySeconds?: number;
  publicUrl?: string;
  tableName?: string;
  fromAddress?: string;
  /** Extra settings for the app (e.g. NUDGE_HOUR), as environment variables. */
  env?: Record<string, string>;
  quiet?: boolean;
  /**
   * Whether the jobs AWS runs on a schedule (the reconciler, the retention sweeper: the emulator
   * has no TTL) run here too, each on a timer of its rate scaled by the local day (jobs.ts).
   * Default true; tests that run them when they want turn them off.
   */
  scheduledJobs?: boolean;
  /**
   * Whether SES's Send and Delivery events of what the emulator accepts are fed to the SES event
   * handler, as EventBridge does on AWS. Default true; the bench, which counts the send path's own
   * requests, turns them off (on AWS another function handles them, after the send).
   */
  sesEvents?: boolean;
  /** How long the scheduled jobs leave what may still be finishing; default LOCAL_OPERATIONS_TIMING. */
  operationsTiming?: Partial<LocalOperationsTiming>;
  /**
   * Where the Lambda code runs: "in-process" (default) wires the handlers' source here;
   * "bundled" (LOCAL_LAMBDA=bundled) runs the bundles `pnpm synth` builds for deploy, each on
   * Node 22 in a child process kept warm like a Lambda instance (see lambda.ts).
   */
  lambda?: "in-process" | "bundled";
  /** Tests (in-process only): a deterministic clock for the app, the steps and the operations. */
  clock?: Clock;
  /** Fault tests (in-process only): adapters in place of the ones the settings build, e.g. a failing store. */
  adapters?: Partial<Adapters>;
};

export type LocalStack = Awaited<ReturnType<typeof startLocalStack>>;

/** The deployed functions' names (construct ids in infra/) the bundled mode runs. */
const API_FUNCTION = "ApiHandler";
const STEP_FUNCTIONS: string[] = [WORKFLOW_FUNCTIONS.sendEmail, WORKFLOW_FUNCTIONS.recordFailure];

export type LocalOperationsTiming = OperationsTiming & { repair: RepairTiming };

/**
 * How long the scheduled jobs leave what may still be finishing, shorter than on AWS where a
 * Lambda's cold start, retries and timeout and EventBridge's delivery set them: locally the API
 * starts a workflow within milliseconds of storing its debrief (the reconciler leaves it 20 s,
 * not 5 min), a send's claim is answered within milliseconds (20 s with no answer means its
 * process died: the in-process step has no Lambda timeout, so this is what bounds it), and the
 * SES events of an accepted message are published at once, or at the start after a crash,
 * before any job runs (an unconfirmed claim is sent again after 45 s, not 15 min).
 */
export const LOCAL_OPERATIONS_TIMING: LocalOperationsTiming = {
  reconcileGraceMs: 20_000,
  repair: { stuckAfterMs: 20_000, confirmWithinMs: 45_000 },
};

const STATE_MACHINE_ARN = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:DebriefWorkflow`;
const CHECKIN_STATE_MACHINE_ARN = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:CheckinWorkflow`;

/**
 * The whole service on loopback: dynalite, aws-ses-v2-local, the local Step
 * Functions service running the workflow that infra synthesizes, and the app.
 * Production code reaches the emulators only through AWS_ENDPOINT_URL_* settings.
 */
export async function startLocalStack(options: LocalStackOptions = {}) {
  const dataDir = resolve(options.dataDir ?? ".data");
  mkdirSync(dataDir, { recursive: true });
  const localDaySeconds = options.localDaySeconds ?? 60;
  const tableName = options.tableName ?? LOCAL_TABLE_NAME;

  const dynamo = await startDynamo(join(dataDir, "dynamodb"), options.dynamoPort ?? 0);
  const ses = await startSes(join(dataDir, "inbox.jsonl"), options.sesPort ?? 8005);
  // The app's port must be known before PUBLIC_URL is: bind it first, serve later.
  const appPort = await reservePort(options.port ?? 3000);
  const publicUrl = (options.publicUrl ?? `http://localhost:${appPort}`).replace(/\/+$/, "");

  // The stack's settings: the app, the steps and the operations read them (bundled: as their only settings).
  const localEnv: Env = {
    AWS_REGION: process.env.AWS_REGION ?? LOCAL_REGION,
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? "local",
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? "local",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_SESV2: ses.endpoint,
    TABLE_NAME: tableName,
    FROM_ADDRESS: options.fromAddress ?? "debrief@localhost.localdomain",
    PUBLIC_URL: publicUrl,
    STATE_MACHINE_ARN,
    CHECKIN_STATE_MACHINE_ARN,
    ...options.env,
  };
  Object.assign(process.env, localEnv);
  await ensureTable(new DynamoDBClient({}), tableName);

  const log = options.quiet ? silentLogger : consoleLogger;
  const bundled = (options.lambda ?? "in-process") === "bundled";
  if (bundled && (options.clock || options.adapters)) {
    throw new Error("A clock or adapters can only be injected when the Lambda code runs in-process");
  }
  // The one wiring Lambda uses, from this environment; only the endpoints point at the emulators.
  const wiring = (env: Env = {}) =>
    wire({ env: { ...process.env, ...env }, clock: options.clock, log, adapters: options.adapters });

  // The workflow's steps, once wired (executions resumed at start wait for them); rewired by fault tests.
  type Steps = { sendEmail: TaskHandler; recordFailure: TaskHandler };
  let wired!: (steps: Steps) => void;
  let steps = new Promise<Steps>((resolve) => {
    wired = resolve;
  });
  let stepEnv: Env = {};
  const sfn = await startLocalStepFunctions(
    {
      definition: synthesizeLocalDefinition() as Definition,
      stateMachineArn: STATE_MACHINE_ARN,
      handlers: {
        [WORKFLOW_FUNCTIONS.sendEmail]: async (input) => (await steps).sendEmail(input),
        [WORKFLOW_FUNCTIONS.recordFailure]: async (input) => (await steps).recordFailure(input),
      },
      dataFile: join(dataDir, "stepfunctions", "executions.json"),
      localDaySeconds,
      also: [
        { stateMachineArn: CHECKIN_STATE_MACHINE_ARN, definition: synthesizeLocalDefinition("checkins") as Definition },
      ],
    },
    options.sfnPort ?? 0,
  );
  localEnv.AWS_ENDPOINT_URL_SFN = sfn.endpoint;
  process.env.AWS_ENDPOINT_URL_SFN = sfn.endpoint;

  const lambdas = bundled
    ? await startBundledLambdas({
        env: (name) => ({ ...localEnv, ...(STEP_FUNCTIONS.includes(name) ? stepEnv : {}) }),
        tokens: { TABLE_NAME: tableName, STATE_MACHINE_ARN, CHECKIN_STATE_MACHINE_ARN },
        log: options.quiet ? undefined : (line) => process.stderr.write(line),
        warm: [API_FUNCTION, ...STEP_FUNCTIONS],
      })
    : undefined;
  const stepsOf = (): Steps => {
    if (lambdas) {
      return {
        sendEmail: (input) => lambdas.invoke(WORKFLOW_FUNCTIONS.sendEmail, input),
        recordFailure: (input) => lambdas.invoke(WORKFLOW_FUNCTIONS.recordFailure, input),
      };
    }
    const w = wiring(stepEnv);
    return { sendEmail: sendEmailStep(w), recordFailure: recordFailureStep(w) };
  };
  wired(stepsOf());

  const w = wiring();
  const timing = { ...LOCAL_OPERATIONS_TIMING, ...options.operationsTiming };
  const operations = operationsHandlers(w, timing);
  // The counts Lambda writes as CloudWatch metrics, as log lines.
  const metrics: AppMetrics = {
    count: (metric, value) => value && log.info("metric", { metric, value }),
    publish() {},
  };
  const sesEvents = sesEventsHandler(w, metrics);
  // SES's Send and Delivery events of what the emulator accepted, to the handler EventBridge invokes on AWS;
  // those of messages accepted before a crash first.
  const sesFeed = startSesEventFeed({
    ses: (options.sesEvents ?? true) ? ses : { emails: () => [], onAccepted() {}, onCleared() {} },
    cursorFile: join(dataDir, "ses-events.json"),
    deliver: sesEvents,
    log,
  });
  const api = lambdas
    ? (req: Request) => lambdas.fetch(API_FUNCTION, req)
    : (
        (app) => (req: Request, env: unknown) =>
          app.fetch(req, env)
      )(createApp(apiDeps(w)));
  // Dev-only routes (SES event simulation, sweeper) sit beside the app, never inside it.
  const dev = devRoutes({ sesEvents, sweep: operations.sweep });
  const fetch = (req: Request, env: unknown) =>
    new URL(req.url).pathname.startsWith("/__dev/") ? dev.fetch(req, env) : api(req, env);
  const server = serve({ fetch, port: appPort, hostname: "127.0.0.1" }) as Server;
  // Every job AWS runs on a schedule, through the handler its schedule invokes.
  const jobs =
    (options.scheduledJobs ?? true)
      ? startScheduledJobs(
          {
            reconcile: operations.reconcile,
            // Not before the events of what SES accepted before a crash are recorded on their claims.
            repairSends: async () => sesFeed.backlog.then(repairSendsHandler(w, timing.repair, metrics)),
            sweep: operations.sweep,
            weeklyDigest: weeklyDigest(w),
          },
          localDaySeconds,
          log,
        )
      : undefined;
  await new Promise<void>((done) => (server.listening ? done() : server.once("listening", () => done())));

  return {
    url: publicUrl,
    appUrl: `http://127.0.0.1:${appPort}`,
    inboxUrl: ses.endpoint,
    dataDir,
    ports: { app: appPort, dynamo: dynamo.port, ses: ses.port, sfn: sfn.port },
    sfn,
    /** How many runs of a scheduled job have finished (0 while the jobs are off). */
    jobRuns: (job: ScheduledJob) => jobs?.finished(job) ?? 0,
    /** The local EventBridge of SES's events (`idle()`: until those of every accepted message are handled). */
    sesEvents: sesFeed,
    /** Where the Lambda code runs (see LocalStackOptions.lambda). */
    lambda: bundled ? ("bundled" as const) : ("in-process" as const),
    /** Bundled mode: the deployed functions, to invoke with any event as Lambda would. */
    lambdas,
    /**
     * Fault tests: wires the workflow's steps again with these settings on top, e.g.
     * AWS_ENDPOINT_URL_DYNAMODB of a proxy that fails chosen calls; `{}` undoes it.
     */
    async rewireSteps(env: Env) {
      stepEnv = env;
      // Bundled: new instances with these settings, as a configuration change on Lambda starts.
      await lambdas?.restart(STEP_FUNCTIONS);
      steps = Promise.resolve(stepsOf());
    },
    async stop() {
      // Runs in flight finish before dynalite closes under their scans.
      await jobs?.stop();
      await close(server);
      await sfn.close();
      await lambdas?.close();
      await sesFeed.stop();
      await ses.close();
      await dynamo.close();
    },
  };
}

/** Finds the port to serve on (0 = any free one) without keeping it. */
async function reservePort(port: number): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(port, "127.0.0.1", () => {
      const address = probe.address();
      const actual = typeof address === "object" && address ? address.port : port;
      probe.close(() => done(actual));
    });
  });
}

const consoleLogger = {
  info: (message: string, extra?: Record<string, unknown>) =>
    console.log(JSON.stringify({ level: "INFO", message, ...extra })),
  warn: (message: string, extra?: Record<string, unknown>) =>
    console.warn(JSON.stringify({ level: "WARN", message, ...extra })),
  error: (message: string, extra?: Record<string, unknown>) =>
    console.error(JSON.stringify({ level: "ERROR", message, ...extra })),
};
const silentLogger = { info() {}, warn() {}, error() {} };
