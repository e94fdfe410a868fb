import { Logger } from "@aws-lambda-powertools/logger";
import {
  type AccountStore,
  type CentreStore,
  type Clock,
  type Config,
  type DebriefStore,
  LOCAL_TABLE_NAME,
  loadConfig,
  type Mailer,
  type RateCounter,
  systemClock,
  type Workflow,
} from "@debrief/core";
import {
  type AwsClients,
  createAwsClients,
  createDynamoAccountStore,
  createDynamoCentreStore,
  createDynamoRateCounter,
  createDynamoStore,
  createSesMailer,
  createSfnWorkflow,
  formSecretFor,
} from "@debrief/core/aws";
import type { AppDeps } from "./api/deps";
import type { AppLogger } from "./log";

export type Env = Record<string, string | undefined>;

export type Adapters = {
  store: DebriefStore;
  centres: CentreStore;
  /** A centre's advisors, their sign-in links, sessions, keys and log. */
  accounts: AccountStore;
  rateCounter: RateCounter;
  mailer: Mailer;
  workflow: Workflow;
  /** The check-in workflow, which the tips step starts for a centre debrief. */
  checkins: Workflow;
};

export type WiringOptions = {
  /** The settings (default: process.env). Endpoints too: AWS_ENDPOINT_URL_DYNAMODB, _SESV2, _SFN, AWS_MAX_ATTEMPTS. */
  env?: Env;
  /** Tests: a deterministic clock. */
  clock?: Clock;
  /** Default: Powertools' JSON logger (CloudWatch). */
  log?: AppLogger;
  /** Fault tests: adapters to use instead of the ones built from the settings (e.g. a store that fails). */
  adapters?: Partial<Adapters>;
};

export type Wiring = Adapters & {
  config: Config;
  clock: Clock;
  log: AppLogger;
  /**
   * The key that signs form tickets: FORM_SECRET, else the one kept in the table for every
   * instance, read on first use (only the HTML forms need it) and kept; a failed read is tried again.
   */
  formSecret(): Promise<string>;
};

/**
 * THE composition root: every Lambda entry (api, steps, record-failure, operations,
 * ses-events) and the local stack build their adapters here, from settings alone.
 * A function with SST secrets bound fetches them first (bound-secrets.ts, at its cold start).
 */
export function wire(options: WiringOptions = {}): Wiring {
  const env = options.env ?? process.env;
  const config = loadConfig(env);
  const clients = createAwsClients(env);
  const given = options.adapters ?? {};
  return {
    config,
    clock: options.clock ?? systemClock,
    log: options.log ?? structuredLogger(new Logger({ serviceName: "interview-debrief" })),
    ...tableAdapters(config, clients, given),
    mailer: given.mailer ?? createSesMailer(config.fromAddress, clients.ses),
    workflow: given.workflow ?? createSfnWorkflow(config.stateMachineArn ?? "", clients.sfn),
    checkins: given.checkins ?? createSfnWorkflow(config.checkinStateMachineArn ?? "", clients.sfn),
    formSecret: formSecretFor(
      config.tableName,
      clients.dynamo,
      config.abuse.formSecretConfigured ? config.abuse.formSecret : undefined,
    ),
  };
}

/** The stores over the table, each with the digest key the settings give (else the table's). */
function tableAdapters(
  settings: Pick<Config, "tableName" | "digestSecret">,
  clients: AwsClients,
  given: Partial<Adapters> = {},
): Pick<Adapters, "store" | "centres" | "accounts" | "rateCounter"> {
  const { tableName, digestSecret } = settings;
  return {
    store: given.store ?? createDynamoStore(tableName, clients.dynamo, { digestSecret }),
    centres: given.centres ?? createDynamoCentreStore(tableName, clients.dynamo, { digestSecret }),
    accounts: given.accounts ?? createDynamoAccountStore(tableName, clients.dynamo, { digestSecret }),
    rateCounter: given.rateCounter ?? createDynamoRateCounter(tableName, clients.dynamo, { digestSecret }),
  };
}

export type OperatorWiring = Pick<Adapters, "store" | "centres" | "accounts" | "workflow"> & { clock: Clock };

/**
 * The adapters of an operator's command (`pnpm centre`, `pnpm redrive`), built as the
 * functions build theirs, from the settings such a command has: TABLE_NAME (default: the
 * local stack's table), DIGEST_SECRET (a deployed stage's, so its digests match the
 * functions'), STATE_MACHINE_ARN, and the AWS_ENDPOINT_URL_* of the local stack. No sender:
 * a command sends no email.
 */
export function wireOperator(env: Env = process.env): OperatorWiring {
  const clients = createAwsClients(env);
  const tableName = env.TABLE_NAME || LOCAL_TABLE_NAME;
  const digestSecret = env.DIGEST_SECRET || undefined;
  const { store, centres, accounts } = tableAdapters({ tableName, digestSecret }, clients);
  return {
    store,
    centres,
    accounts,
    workflow: createSfnWorkflow(env.STATE_MACHINE_ARN ?? "", clients.sfn),
    clock: systemClock,
  };
}

/**
 * What the HTTP app (createApp) is built from. No request is made here: at a cold start
 * the first request pays for the SDK's first call, not the import.
 */
export function apiDeps(w: Wiring): AppDeps {
  return {
    store: w.store,
    centres: w.centres,
    accounts: w.accounts,
    rateCounter: w.rateCounter,
    mailer: w.mailer,
    workflow: w.workflow,
    checkins: w.checkins,
    clock: w.clock,
    log: w.log,
    publicUrl: w.config.publicUrl,
    schedule: w.config.schedule,
    retentionDays: w.config.retentionDays,
    abuse: w.config.abuse,
    formSecret: w.formSecret,
    edgeOriginSecret: w.config.edgeOriginSecret,
  };
}

let cached: Wiring | undefined;

/** A Lambda instance's wiring, from its environment, built once per cold start (on first use). */
export function runtime(): Wiring {
  cached ??= wire();
  return cached;
}

/** Powertools' JSON logger behind the app's small logger interface. */
function structuredLogger(logger: Logger): AppLogger {
  return {
    info: (message, extra = {}) => logger.info(message, extra),
    warn: (message, extra = {}) => logger.warn(message, extra),
    error: (message, extra = {}) => logger.error(message, extra),
  };
}
