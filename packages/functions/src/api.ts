import { loadSstSecrets, sharedFormSecret } from "@debrief/core/aws";
import { handle } from "hono/aws-lambda";
import { createApp } from "./api/app";
import { runtime } from "./runtime";

// SST secrets bound to the function (the bot check's) come from SSM once, before the settings are validated.
await loadSstSecrets();
const { config, ...rt } = runtime();
// Without FORM_SECRET, every instance signs form tickets with the one key kept in the table.
const abuse = config.abuse.formSecretConfigured
  ? config.abuse
  : { ...config.abuse, formSecret: await sharedFormSecret(config.tableName) };

export const handler = handle(
  createApp({
    ...rt,
    publicUrl: config.publicUrl,
    schedule: config.schedule,
    retentionDays: config.retentionDays,
    abuse,
  }),
);
