import { pendingSstSecrets } from "@debrief/core";
import { handle } from "hono/aws-lambda";
import { createApp } from "./api/app";
import { apiDeps, runtime } from "./wiring";

// SST secrets bound to the function (the bot check's) come from SSM once, before the settings are
// validated. The SSM client is loaded only when one is bound: without a bot check it is never used.
if (pendingSstSecrets(process.env).length > 0) {
  const { loadSstSecrets } = await import("@debrief/core/aws/secrets");
  await loadSstSecrets();
}

/** Lambda handler of the HTTP API (payload 2.0), wired at cold start. */
export const handler = handle(createApp(apiDeps(runtime())));
