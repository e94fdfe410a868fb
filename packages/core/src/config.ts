import { z } from "zod";
import { DEFAULT_SCHEDULE } from "./schedule";

const configSchema = z.object({
  TABLE_NAME: z.string().min(1),
  FROM_ADDRESS: z.email(),
  STATE_MACHINE_ARN: z.string().min(1).optional(),
  PUBLIC_URL: z.url().transform((u) => u.replace(/\/+$/, "")),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  NUDGE_HOUR: z.coerce.number().int().min(0).max(23).default(DEFAULT_SCHEDULE.nudgeHour),
  NUDGE_AFTER_DAYS: z.coerce.number().int().min(0).max(14).default(DEFAULT_SCHEDULE.nudgeAfterDays),
  TIPS_AFTER_DAYS: z.coerce.number().int().min(0).max(14).default(DEFAULT_SCHEDULE.tipsAfterDays),
});

export type Config = {
  tableName: string;
  fromAddress: string;
  /** Only the API starts workflows; the send steps have no use for it. */
  stateMachineArn?: string;
  publicUrl: string;
  retentionDays: number;
  schedule: { nudgeHour: number; nudgeAfterDays: number; tipsAfterDays: number };
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and validates the service's settings once; the error names every missing or bad value. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const c = parsed.data;
  return {
    tableName: c.TABLE_NAME,
    fromAddress: c.FROM_ADDRESS,
    stateMachineArn: c.STATE_MACHINE_ARN,
    publicUrl: c.PUBLIC_URL,
    retentionDays: c.RETENTION_DAYS,
    schedule: { nudgeHour: c.NUDGE_HOUR, nudgeAfterDays: c.NUDGE_AFTER_DAYS, tipsAfterDays: c.TIPS_AFTER_DAYS },
  };
}
