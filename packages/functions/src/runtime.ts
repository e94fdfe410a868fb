import { Logger } from "@aws-lambda-powertools/logger";
import { type Config, loadConfig, systemClock } from "@debrief/core";
import {
  createDynamoCentreStore,
  createDynamoClient,
  createDynamoRateCounter,
  createDynamoStore,
  createSesMailer,
  createSfnWorkflow,
} from "@debrief/core/aws";
import type { AppLogger } from "./api/deps";

/** Powertools' JSON logger behind the app's small logger interface. */
function structuredLogger(logger: Logger): AppLogger {
  return {
    info: (message, extra = {}) => logger.info(message, extra),
    warn: (message, extra = {}) => logger.warn(message, extra),
    error: (message, extra = {}) => logger.error(message, extra),
  };
}

/**
 * Production wiring, built once per cold start. Endpoints come from the standard
 * AWS_ENDPOINT_URL_* variables, which is how the local stack points these same
 * adapters at its emulators.
 */
let cached: ReturnType<typeof build> | undefined;

function build(config: Config) {
  // One client, so the three stores share its connections.
  const dynamo = createDynamoClient();
  return {
    config,
    clock: systemClock,
    log: structuredLogger(new Logger({ serviceName: "interview-debrief" })),
    store: createDynamoStore(config.tableName, dynamo, { digestSecret: config.digestSecret }),
    centres: createDynamoCentreStore(config.tableName, dynamo),
    rateCounter: createDynamoRateCounter(config.tableName, dynamo, { digestSecret: config.digestSecret }),
    mailer: createSesMailer(config.fromAddress),
    workflow: createSfnWorkflow(config.stateMachineArn ?? ""),
    checkins: createSfnWorkflow(config.checkinStateMachineArn ?? ""),
  };
}

export function runtime() {
  cached ??= build(loadConfig());
  return cached;
}

/** Drops the cached wiring (the local stack calls this when it restarts with new settings). */
export function resetRuntime() {
  cached = undefined;
}
