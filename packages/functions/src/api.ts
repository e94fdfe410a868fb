import { handle } from "hono/aws-lambda";
import { createApp } from "./api/app";
import { loadBoundSecrets } from "./bound-secrets";
import { apiDeps, runtime } from "./wiring";

// The digest key, the form's key and the bot check's secret, from SSM once, before the settings are validated.
await loadBoundSecrets();

/** Lambda handler of the HTTP API (payload 2.0), wired at cold start. */
export const handler = handle(createApp(apiDeps(runtime())));
