import type { App } from "sst/constructs";
import { z } from "zod";

/** Stages whose data must survive a mistaken `sst remove`, and whose settings must all be given. */
export const PRODUCTION_STAGES = ["prod", "production"];
export const isProductionStage = (stage: string) => PRODUCTION_STAGES.includes(stage);

const list = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url()));
const hostname = z.string().regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i, "Must be a domain name");

const schema = z.object({
  /** The SES domain identity the emails are sent from (DKIM records go in its DNS). */
  DEBRIEF_SES_DOMAIN: hostname,
  /** The sender; defaults to debrief@<DEBRIEF_SES_DOMAIN>. */
  DEBRIEF_FROM_ADDRESS: z.email().optional(),
  /** Where candidates reach the service: the start of every link in an email. */
  DEBRIEF_PUBLIC_URL: z.url(),
  /** Who receives the alarms (an SNS email subscription, confirmed once by mail). */
  DEBRIEF_ALARM_EMAIL: z.email(),
  /** Origins allowed to call the JSON API from a browser (comma-separated); the public URL's origin is always allowed. */
  DEBRIEF_CORS_ORIGINS: list.default([]),
  /** Days a debrief and its traces are kept. */
  DEBRIEF_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** Optional custom domain of the API, with the ACM certificate that covers it (same region); DNS stays yours. */
  DEBRIEF_API_DOMAIN: hostname.optional(),
  DEBRIEF_API_CERTIFICATE_ARN: z
    .string()
    .regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/, "Must be an ACM certificate ARN")
    .optional(),
  /** Steady requests per second and burst allowed to the whole API. */
  DEBRIEF_API_RATE: z.coerce.number().int().min(1).default(20),
  DEBRIEF_API_BURST: z.coerce.number().int().min(1).default(50),
  /**
   * Optional bot check (Cloudflare Turnstile): its public site key. Its secret is an SST secret,
   * `pnpm sst secrets set BOT_CHECK_SECRET <secret> --stage <stage>`, read from SSM at cold start.
   */
  DEBRIEF_BOT_CHECK_SITE_KEY: z.string().min(1).optional(),
});

/** Throwaway stages run with harmless placeholders; production stages must set every required value. */
const THROWAWAY_DEFAULTS = {
  DEBRIEF_SES_DOMAIN: "example.com",
  DEBRIEF_PUBLIC_URL: "https://debrief.example.com",
  DEBRIEF_ALARM_EMAIL: "alarms@example.com",
};

export type StageConfig = {
  stage: string;
  production: boolean;
  sesDomain: string;
  fromAddress: string;
  publicUrl: string;
  alarmEmail: string;
  corsOrigins: string[];
  retentionDays: number;
  apiDomain?: { name: string; certificateArn: string };
  throttle: { rate: number; burst: number };
  botCheckSiteKey?: string;
};

export class StageConfigError extends Error {
  override name = "StageConfigError";
}

/** Reads the deploy-time settings of a stage from the environment; the error names every missing or bad value. */
export function loadStageConfig(stage: string, env: Record<string, string | undefined> = process.env): StageConfig {
  const production = isProductionStage(stage);
  const given = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith("DEBRIEF_") && v !== ""));
  const parsed = schema.safeParse(production ? given : { ...THROWAWAY_DEFAULTS, ...given });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new StageConfigError(`Stage "${stage}" is not configured: ${problems.join("; ")}`);
  }
  const c = parsed.data;
  if (Boolean(c.DEBRIEF_API_DOMAIN) !== Boolean(c.DEBRIEF_API_CERTIFICATE_ARN)) {
    throw new StageConfigError(
      `Stage "${stage}" is not configured: DEBRIEF_API_DOMAIN and DEBRIEF_API_CERTIFICATE_ARN go together`,
    );
  }
  const publicUrl = c.DEBRIEF_PUBLIC_URL.replace(/\/+$/, "");
  return {
    stage,
    production,
    sesDomain: c.DEBRIEF_SES_DOMAIN,
    fromAddress: c.DEBRIEF_FROM_ADDRESS ?? `debrief@${c.DEBRIEF_SES_DOMAIN}`,
    publicUrl,
    alarmEmail: c.DEBRIEF_ALARM_EMAIL,
    corsOrigins: [...new Set([new URL(publicUrl).origin, ...c.DEBRIEF_CORS_ORIGINS.map((u) => new URL(u).origin)])],
    retentionDays: c.DEBRIEF_RETENTION_DAYS,
    apiDomain:
      c.DEBRIEF_API_DOMAIN && c.DEBRIEF_API_CERTIFICATE_ARN
        ? { name: c.DEBRIEF_API_DOMAIN, certificateArn: c.DEBRIEF_API_CERTIFICATE_ARN }
        : undefined,
    throttle: { rate: c.DEBRIEF_API_RATE, burst: c.DEBRIEF_API_BURST },
    botCheckSiteKey: c.DEBRIEF_BOT_CHECK_SITE_KEY,
  };
}

const configs = new WeakMap<App, StageConfig>();

/** Loads the stage's settings once per app (stacks.ts), for every stack function to read. */
export function setStageConfig(app: App, config: StageConfig) {
  configs.set(app, config);
}

export function stageConfig(app: App): StageConfig {
  const config = configs.get(app);
  if (!config) throw new Error("stacks() sets the stage config before any stack is defined");
  return config;
}
