import { randomBytes } from "node:crypto";
import { z } from "zod";
import { type BotCheckConfig, TURNSTILE_VERIFY_URL } from "./abuse/bot-check";
import { DEFAULT_RATE_LIMITS, type RateLimits } from "./abuse/rate-limit";
import { DEFAULT_SCHEDULE } from "./schedule";

/**
 * The API's tunable settings (the schedule of the follow-ups and the abuse limits),
 * one schema each. A function validates them at its cold start (below); a deploy
 * validates the same schemas earlier, as `DEBRIEF_<name>`, and binds the values to
 * the API, the one function that reads them (infra/config.ts, infra/api.ts).
 */
export const API_SETTINGS = {
  NUDGE_HOUR: z.coerce.number().int().min(0).max(23).default(DEFAULT_SCHEDULE.nudgeHour),
  NUDGE_AFTER_DAYS: z.coerce.number().int().min(0).max(14).default(DEFAULT_SCHEDULE.nudgeAfterDays),
  TIPS_AFTER_DAYS: z.coerce.number().int().min(0).max(14).default(DEFAULT_SCHEDULE.tipsAfterDays),
  RATE_LIMIT_PER_ADDRESS_PER_DAY: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.perAddressPerDay),
  RATE_LIMIT_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.perIpPerHour),
  FORM_MIN_FILL_SECONDS: z.coerce.number().int().min(0).max(600).default(3),
};
export type ApiSettingName = keyof typeof API_SETTINGS;

/** The table the local stack makes, and what an operator's command reads without TABLE_NAME. */
export const LOCAL_TABLE_NAME = "debriefs";

const configSchema = z.object({
  TABLE_NAME: z.string().min(1),
  FROM_ADDRESS: z.email(),
  STATE_MACHINE_ARN: z.string().min(1).optional(),
  CHECKIN_STATE_MACHINE_ARN: z.string().min(1).optional(),
  PUBLIC_URL: z.url().transform((u) => u.replace(/\/+$/, "")),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  ...API_SETTINGS,
  /** Signs the form's ticket; without it each instance signs with its own random key (fine for one process). */
  FORM_SECRET: z.string().min(32).optional(),
  /** Keys the address and IP digests (digest.ts); without it, a key made once and kept in the table. */
  DIGEST_SECRET: z.string().min(32).optional(),
  /** Behind CloudFront (infra/edge.ts): the origin header's secret, beside which the viewer's address is trusted. */
  EDGE_ORIGIN_SECRET: z.string().min(32).optional(),
  BOT_CHECK_SECRET: z.string().min(1).optional(),
  BOT_CHECK_SITE_KEY: z.string().min(1).optional(),
  BOT_CHECK_URL: z.url().default(TURNSTILE_VERIFY_URL),
});

export type Config = {
  tableName: string;
  fromAddress: string;
  /** Only the API starts workflows; the send steps have no use for it. */
  stateMachineArn?: string;
  /** The check-in workflow, started by the tips step of a career-centre debrief. */
  checkinStateMachineArn?: string;
  publicUrl: string;
  retentionDays: number;
  /** DIGEST_SECRET, if set: the stores use it rather than the table's digest key. */
  digestSecret?: string;
  /** Behind the edge: the secret of CloudFront's origin header (functions/api/web/client-ip.ts). */
  edgeOriginSecret?: string;
  schedule: { nudgeHour: number; nudgeAfterDays: number; tipsAfterDays: number };
  abuse: AbuseConfig;
};

/** The abuse controls' settings (see SECURITY.md). */
export type AbuseConfig = {
  rateLimits: RateLimits;
  formMinFillSeconds: number;
  formSecret: string;
  /** False when FORM_SECRET is not set and `formSecret` is this process's own random key. */
  formSecretConfigured: boolean;
  /** Only when a bot-check secret and site key are configured. */
  botCheck?: BotCheckConfig;
};

// One random key per process when FORM_SECRET is not set: forms then only verify on the instance that served them.
const processFormSecret = randomBytes(32).toString("base64url");

/**
 * SST binds a `Config.Parameter` named X to a function as `SST_Parameter_value_X`
 * (the value itself), and a `Config.Secret` as `SST_Secret_value_X` set to a
 * placeholder until the value is fetched from SSM at cold start (adapters/aws
 * loadSstSecrets) and written in its place. See infra/storage.ts.
 */
const SST_BINDING = /^SST_(?:Parameter|Secret)_value_(.+)$/;
export const SST_SECRET_PLACEHOLDER = "__FETCH_FROM_SSM__";
const SST_SECRET = /^SST_Secret_value_(.+)$/;

/** The SST Config parameters and secrets bound to this function, by their plain names. */
export function sstParameters(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(env).flatMap(([key, value]) => {
      const name = SST_BINDING.exec(key)?.[1];
      return name ? [[name, value]] : [];
    }),
  );
}

/** The bound SST secrets whose values have not been fetched yet. */
export function pendingSstSecrets(env: Record<string, string | undefined>): string[] {
  return Object.entries(env).flatMap(([key, value]) => {
    const name = SST_SECRET.exec(key)?.[1];
    return name && value === SST_SECRET_PLACEHOLDER ? [name] : [];
  });
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and validates the service's settings once; the error names every missing or bad value. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const unfetched = pendingSstSecrets(env);
  if (unfetched.length) {
    throw new ConfigError(`Secrets not loaded (call loadSstSecrets first): ${unfetched.join(", ")}`);
  }
  const parsed = configSchema.safeParse({ ...sstParameters(env), ...env });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const c = parsed.data;
  return {
    tableName: c.TABLE_NAME,
    fromAddress: c.FROM_ADDRESS,
    stateMachineArn: c.STATE_MACHINE_ARN,
    checkinStateMachineArn: c.CHECKIN_STATE_MACHINE_ARN,
    publicUrl: c.PUBLIC_URL,
    retentionDays: c.RETENTION_DAYS,
    digestSecret: c.DIGEST_SECRET,
    edgeOriginSecret: c.EDGE_ORIGIN_SECRET,
    schedule: { nudgeHour: c.NUDGE_HOUR, nudgeAfterDays: c.NUDGE_AFTER_DAYS, tipsAfterDays: c.TIPS_AFTER_DAYS },
    abuse: {
      rateLimits: { perAddressPerDay: c.RATE_LIMIT_PER_ADDRESS_PER_DAY, perIpPerHour: c.RATE_LIMIT_PER_IP_PER_HOUR },
      formMinFillSeconds: c.FORM_MIN_FILL_SECONDS,
      formSecret: c.FORM_SECRET ?? processFormSecret,
      formSecretConfigured: c.FORM_SECRET !== undefined,
      botCheck:
        c.BOT_CHECK_SECRET && c.BOT_CHECK_SITE_KEY
          ? { secret: c.BOT_CHECK_SECRET, siteKey: c.BOT_CHECK_SITE_KEY, verifyUrl: c.BOT_CHECK_URL }
          : undefined,
    },
  };
}
