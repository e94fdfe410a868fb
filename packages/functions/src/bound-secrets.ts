import { pendingSstSecrets } from "@debrief/core";
import { loadSstSecrets } from "@debrief/core/aws/secrets";

/**
 * Fetches the SST secrets bound to this function (the digest key, the form's key, the bot
 * check's) from SSM, once, before its settings are validated: each entry that has secrets
 * bound awaits this at its cold start. A secret not set for the stage stops the function
 * from starting, with an error naming it. Imported statically: a deployed function always
 * has one bound, and esbuild's lazy wrapping of a dynamically imported module breaks a
 * top-level await in a bundle without code splitting.
 */
export async function loadBoundSecrets(env: Record<string, string | undefined> = process.env): Promise<void> {
  if (pendingSstSecrets(env).length > 0) await loadSstSecrets(env);
}
