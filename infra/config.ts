import { API_SETTINGS, type ApiSettingName } from "@debrief/core";
import type { App } from "sst/constructs";
import { z } from "zod";

/**
 * Stages whose data must survive a mistaken `sst remove`, that need every setting even offline, and whose
 * public URL must be the API's custom domain.
 */
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
  /**
   * The edge (infra/edge.ts): CloudFront in front of the API with the per-IP limits of a WAF web ACL. The web
   * ACL is its own deploy in us-east-1 (DEBRIEF_EDGE_FIREWALL=true), whose output ARN turns the edge on here;
   * CloudFront then serves DEBRIEF_API_DOMAIN with a certificate in us-east-1, and adds a header (32+
   * characters) by which the API knows a request came through it.
   */
  DEBRIEF_EDGE_FIREWALL: z.enum(["true", "false"]).default("false"),
  DEBRIEF_EDGE_WEB_ACL_ARN: z
    .string()
    .regex(/^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[\w-]+$/, "Must be a CLOUDFRONT web ACL ARN")
    .optional(),
  DEBRIEF_EDGE_CERTIFICATE_ARN: z
    .string()
    .regex(
      /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[A-Za-z0-9-]+$/,
      "Must be an ACM certificate ARN in us-east-1",
    )
    .optional(),
  DEBRIEF_EDGE_ORIGIN_SECRET: z.string().min(32, "At least 32 characters").optional(),
  /** Steady requests per second and burst allowed to the whole API. */
  DEBRIEF_API_RATE: z.coerce.number().int().min(1).default(20),
  DEBRIEF_API_BURST: z.coerce.number().int().min(1).default(50),
  /**
   * Optional bot check (Cloudflare Turnstile): its public site key. Its secret is an SST secret,
   * `pnpm sst secrets set BOT_CHECK_SECRET <secret> --stage <stage>`, read from SSM at cold start.
   */
  DEBRIEF_BOT_CHECK_SITE_KEY: z.string().min(1).optional(),
  /**
   * The API's tunable settings (the follow-ups' schedule, the abuse limits), as DEBRIEF_<name>: validated here
   * with the schemas the function validates them with at its cold start, then bound to it.
   */
  ...(Object.fromEntries(Object.entries(API_SETTINGS).map(([name, schema]) => [`DEBRIEF_${name}`, schema])) as {
    [K in ApiSettingName as `DEBRIEF_${K}`]: (typeof API_SETTINGS)[K];
  }),
});

/**
 * Placeholders for an offline synthesis (`pnpm synth`, the infra tests) of a throwaway stage, and only
 * there: a real deploy gets no default for these. SES identities are unique per account and region, so a
 * placeholder domain would collide between two stages (and send from a domain nobody owns).
 */
const OFFLINE_PLACEHOLDERS = {
  DEBRIEF_SES_DOMAIN: "example.com",
  DEBRIEF_PUBLIC_URL: "https://debrief.example.com",
  DEBRIEF_ALARM_EMAIL: "alarms@example.com",
};

/** What each value that a real deploy must set is, for the error that names it. */
const REQUIRED_HINTS: Record<string, string> = {
  DEBRIEF_SES_DOMAIN:
    "the SES domain this stage sends from; identities are unique per account and region, so give each " +
    "stage its own domain or subdomain (e.g. pr-42.dev.example.edu)",
  DEBRIEF_PUBLIC_URL: "where candidates reach this stage: the start of every emailed link",
  DEBRIEF_ALARM_EMAIL: "who receives this stage's alarms",
};

export type LoadOptions = {
  /**
   * Set by `pnpm synth` and the infra tests only (never by sst.config.ts): nothing is deployed, so a
   * throwaway stage may use the placeholders above. A production stage needs every value even then.
   */
  offlineSynthesis?: boolean;
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
  /** The public domain and its certificate: API Gateway's (deploy region), or with the edge CloudFront's (us-east-1). */
  apiDomain?: { name: string; certificateArn: string };
  throttle: { rate: number; burst: number };
  /** This deploy is the edge's web ACL alone (us-east-1). */
  edgeFirewall: boolean;
  /** CloudFront with the web ACL in front of the API; it then serves `apiDomain`, if any, with its own certificate. */
  edge?: { webAclArn: string; originSecret: string };
  botCheckSiteKey?: string;
  /** The API's tunable settings by their function-side names, as the parameter values bound to it. */
  apiSettings: Record<ApiSettingName, string>;
};

export class StageConfigError extends Error {
  override name = "StageConfigError";
}

/**
 * Reads the deploy-time settings of a stage from the environment; the error names every missing or bad
 * value, and for a value that contradicts another, both values and what to set.
 */
export function loadStageConfig(
  stage: string,
  env: Record<string, string | undefined> = process.env,
  options: LoadOptions = {},
): StageConfig {
  const production = isProductionStage(stage);
  const placeholders = options.offlineSynthesis && !production;
  const given = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith("DEBRIEF_") && v !== ""));
  const parsed = schema.safeParse(placeholders ? { ...OFFLINE_PLACEHOLDERS, ...given } : given);
  const fail = (problems: string[]) =>
    new StageConfigError(`Stage "${stage}" is not configured: ${problems.join("; ")}`);
  if (!parsed.success) {
    throw fail(
      parsed.error.issues.map((i) => {
        const name = i.path.join(".");
        const hint = given[name] === undefined ? REQUIRED_HINTS[name] : undefined;
        return hint ? `${name}: required, ${hint}` : `${name}: ${i.message}`;
      }),
    );
  }
  const c = parsed.data;
  const sesDomain = c.DEBRIEF_SES_DOMAIN.toLowerCase();
  const fromAddress = c.DEBRIEF_FROM_ADDRESS ?? `debrief@${sesDomain}`;
  const publicUrl = c.DEBRIEF_PUBLIC_URL.replace(/\/+$/, "");
  const apiDomain = c.DEBRIEF_API_DOMAIN?.toLowerCase();
  const problems: string[] = [];

  const edge = c.DEBRIEF_EDGE_WEB_ACL_ARN;
  if (edge) {
    if (!c.DEBRIEF_EDGE_ORIGIN_SECRET) problems.push("DEBRIEF_EDGE_WEB_ACL_ARN needs DEBRIEF_EDGE_ORIGIN_SECRET");
    if (Boolean(apiDomain) !== Boolean(c.DEBRIEF_EDGE_CERTIFICATE_ARN)) {
      problems.push("With the edge, DEBRIEF_API_DOMAIN and DEBRIEF_EDGE_CERTIFICATE_ARN (in us-east-1) go together");
    }
  } else if (Boolean(apiDomain) !== Boolean(c.DEBRIEF_API_CERTIFICATE_ARN)) {
    problems.push("DEBRIEF_API_DOMAIN and DEBRIEF_API_CERTIFICATE_ARN go together");
  }
  // The send step may send only from an address of the stage's SES identity (its IAM policy names both).
  const fromDomain = fromAddress.slice(fromAddress.lastIndexOf("@") + 1).toLowerCase();
  if (fromDomain !== sesDomain) {
    problems.push(
      `DEBRIEF_FROM_ADDRESS (${fromAddress}) is outside DEBRIEF_SES_DOMAIN (${sesDomain}): SES would refuse ` +
        `every send from it; use an address at ${sesDomain} (e.g. debrief@${sesDomain}) or leave it unset`,
    );
  }
  // Every emailed link starts with the public URL: it must be served by what the stage deploys.
  const url = new URL(publicUrl);
  if (apiDomain && url.hostname !== apiDomain) {
    problems.push(
      `DEBRIEF_PUBLIC_URL (${publicUrl}) is not on DEBRIEF_API_DOMAIN (${apiDomain}), the only host this stage ` +
        `serves: set DEBRIEF_PUBLIC_URL=https://${apiDomain} or DEBRIEF_API_DOMAIN=${url.hostname}`,
    );
  } else if (apiDomain && (url.protocol !== "https:" || url.pathname !== "/" || url.port !== "")) {
    problems.push(
      `DEBRIEF_PUBLIC_URL (${publicUrl}) must be https://${apiDomain}, with no port or path: the API is ` +
        `served at the root of its custom domain`,
    );
  }
  if (production && !apiDomain) {
    problems.push(
      `DEBRIEF_PUBLIC_URL (${publicUrl}) is served by nothing this stage deploys: set ` +
        `DEBRIEF_API_DOMAIN=${url.hostname} and DEBRIEF_API_CERTIFICATE_ARN=<an ACM certificate for it, in the ` +
        `deploy region>, then point ${url.hostname}'s CNAME at the apiDomainTarget output`,
    );
  }
  if (problems.length) throw fail(problems);
  const certificateArn = edge ? c.DEBRIEF_EDGE_CERTIFICATE_ARN : c.DEBRIEF_API_CERTIFICATE_ARN;

  return {
    stage,
    production,
    sesDomain,
    fromAddress,
    publicUrl,
    alarmEmail: c.DEBRIEF_ALARM_EMAIL,
    corsOrigins: [...new Set([url.origin, ...c.DEBRIEF_CORS_ORIGINS.map((u) => new URL(u).origin)])],
    retentionDays: c.DEBRIEF_RETENTION_DAYS,
    apiDomain: apiDomain && certificateArn ? { name: apiDomain, certificateArn } : undefined,
    throttle: { rate: c.DEBRIEF_API_RATE, burst: c.DEBRIEF_API_BURST },
    edgeFirewall: c.DEBRIEF_EDGE_FIREWALL === "true",
    edge:
      edge && c.DEBRIEF_EDGE_ORIGIN_SECRET
        ? { webAclArn: edge, originSecret: c.DEBRIEF_EDGE_ORIGIN_SECRET }
        : undefined,
    botCheckSiteKey: c.DEBRIEF_BOT_CHECK_SITE_KEY,
    apiSettings: Object.fromEntries(
      (Object.keys(API_SETTINGS) as ApiSettingName[]).map((name) => [name, String(c[`DEBRIEF_${name}`])]),
    ) as Record<ApiSettingName, string>,
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
