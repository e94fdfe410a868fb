import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { join, resolve } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { loadConfig, systemClock } from "@debrief/core";
import {
  createDynamoCentreStore,
  createDynamoRateCounter,
  createDynamoStore,
  createSesMailer,
  createSfnWorkflow,
} from "@debrief/core/aws";
import { createApp } from "@debrief/functions/app";
import { sweepHandler } from "@debrief/functions/operations";
import { recordFailure } from "@debrief/functions/record-failure";
import { resetRuntime } from "@debrief/functions/runtime";
import { sendEmail } from "@debrief/functions/steps";
import { serve } from "@hono/node-server";
import { LOCAL_ACCOUNT, LOCAL_REGION, synthesizeLocalDefinition } from "../../../infra/local-definition";
import { WORKFLOW_FUNCTIONS } from "../../../infra/workflow-definition";
import { devRoutes } from "./dev-routes";
import { ensureTable, startDynamo } from "./dynamo";
import { close } from "./net";
import { startSes } from "./ses";
import { startLocalStepFunctions } from "./stepfunctions/service";
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
  /** How often the retention sweeper runs (the emulator has no TTL); 0 turns it off. Default 60 s. */
  sweepEverySeconds?: number;
};

export type LocalStack = Awaited<ReturnType<typeof startLocalStack>>;

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
  const tableName = options.tableName ?? "debriefs";

  const dynamo = await startDynamo(join(dataDir, "dynamodb"), options.dynamoPort ?? 0);
  const ses = await startSes(join(dataDir, "inbox.jsonl"), options.sesPort ?? 8005);
  // The app's port must be known before PUBLIC_URL is: bind it first, serve later.
  const appPort = await reservePort(options.port ?? 3000);
  const publicUrl = (options.publicUrl ?? `http://localhost:${appPort}`).replace(/\/+$/, "");

  Object.assign(process.env, {
    AWS_REGION: process.env.AWS_REGION ?? LOCAL_REGION,
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? "local",
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? "local",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_SESV2: ses.endpoint,
    TABLE_NAME: tableName,
    FROM_ADDRESS: options.fromAddress ?? "debrief@localhost.localdomain",
    PUBLIC_URL: publicUrl,
    ...options.env,
  });
  await ensureTable(new DynamoDBClient({}), tableName);

  // The step handlers build their wiring from the environment on first use, as on Lambda.
  resetRuntime();
  const sfn = await startLocalStepFunctions(
    {
      definition: synthesizeLocalDefinition() as Definition,
      stateMachineArn: STATE_MACHINE_ARN,
      handlers: { [WORKFLOW_FUNCTIONS.sendEmail]: sendEmail, [WORKFLOW_FUNCTIONS.recordFailure]: recordFailure },
      dataFile: join(dataDir, "stepfunctions", "executions.json"),
      localDaySeconds,
      also: [
        { stateMachineArn: CHECKIN_STATE_MACHINE_ARN, definition: synthesizeLocalDefinition("checkins") as Definition },
      ],
    },
    options.sfnPort ?? 0,
  );
  process.env.AWS_ENDPOINT_URL_SFN = sfn.endpoint;
  process.env.STATE_MACHINE_ARN = STATE_MACHINE_ARN;
  process.env.CHECKIN_STATE_MACHINE_ARN = CHECKIN_STATE_MACHINE_ARN;

  const config = loadConfig();
  const log = options.quiet ? silentLogger : consoleLogger;
  const app = createApp({
    store: createDynamoStore(config.tableName, undefined, { digestSecret: config.digestSecret }),
    centres: createDynamoCentreStore(config.tableName),
    mailer: createSesMailer(config.fromAddress),
    workflow: createSfnWorkflow(STATE_MACHINE_ARN),
    clock: systemClock,
    publicUrl: config.publicUrl,
    schedule: config.schedule,
    retentionDays: config.retentionDays,
    abuse: config.abuse,
    rateCounter: createDynamoRateCounter(config.tableName, undefined, { digestSecret: config.digestSecret }),
    log,
  });
  // Dev-only routes (SES event simulation, sweeper) sit beside the app, never inside it.
  const dev = devRoutes();
  const fetch = (req: Request, env: unknown) =>
    new URL(req.url).pathname.startsWith("/__dev/") ? dev.fetch(req, env) : app.fetch(req, env);
  const server = serve({ fetch, port: appPort, hostname: "127.0.0.1" }) as Server;
  const sweepMs = (options.sweepEverySeconds ?? 60) * 1000;
  // The sweep in flight is kept so stop() can let it finish before dynalite closes under its scan.
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweeper =
    sweepMs > 0
      ? setInterval(() => {
          sweeping = sweepHandler().catch((e) => log.warn("sweep failed", { error: (e as Error).name }));
        }, sweepMs)
      : undefined;
  sweeper?.unref();
  await new Promise<void>((done) => (server.listening ? done() : server.once("listening", () => done())));

  return {
    url: publicUrl,
    appUrl: `http://127.0.0.1:${appPort}`,
    inboxUrl: ses.endpoint,
    dataDir,
    ports: { app: appPort, dynamo: dynamo.port, ses: ses.port, sfn: sfn.port },
    sfn,
    async stop() {
      clearInterval(sweeper);
      await sweeping;
      await close(server);
      await sfn.close();
      await ses.close();
      await dynamo.close();
      resetRuntime();
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
