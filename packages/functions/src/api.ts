import { handle } from "hono/aws-lambda";
import { createApp } from "./api/app";
import { runtime } from "./runtime";

const { config, ...rt } = runtime();

export const handler = handle(
  createApp({
    ...rt,
    publicUrl: config.publicUrl,
    schedule: config.schedule,
    retentionDays: config.retentionDays,
    abuse: config.abuse,
  }),
);
