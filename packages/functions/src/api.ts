import { loadSstSecrets } from "@debrief/core/aws";
import { handle } from "hono/aws-lambda";
import { createApp } from "./api/app";
import { apiDeps, runtime } from "./wiring";

// SST secrets bound to the function (the bot check's) come from SSM once, before the settings are validated.
await loadSstSecrets();

/** Lambda handler of the HTTP API (payload 2.0), wired at cold start. */
export const handler = handle(createApp(await apiDeps(runtime())));
