import { GetParametersCommand, SSMClient } from "@aws-sdk/client-ssm";
import { ConfigError, pendingSstSecrets } from "../../config";

/**
 * Fetches the SST secrets bound to this function from SSM (SecureString), once
 * per cold start, and writes each value over its placeholder so loadConfig reads
 * it like a parameter. A secret not set for the stage falls back to the app's
 * `.fallback` value, as SST does; one set nowhere is a ConfigError naming it.
 */
export async function loadSstSecrets(
  env: Record<string, string | undefined> = process.env,
  client = new SSMClient({}),
): Promise<void> {
  const names = pendingSstSecrets(env);
  if (names.length === 0) return;
  const stagePath = (name: string) => `${env.SST_SSM_PREFIX ?? ""}Secret/${name}/value`;
  const fallbackPath = (name: string) => `/sst/${env.SST_APP ?? ""}/.fallback/Secret/${name}/value`;

  const fetch = async (paths: string[]) => {
    const found = new Map<string, string>();
    // GetParameters takes at most 10 names.
    for (let i = 0; i < paths.length; i += 10) {
      const out = await client.send(new GetParametersCommand({ Names: paths.slice(i, i + 10), WithDecryption: true }));
      for (const p of out.Parameters ?? []) if (p.Name && p.Value !== undefined) found.set(p.Name, p.Value);
    }
    return found;
  };
  const fromStage = await fetch(names.map(stagePath));
  const missing = names.filter((n) => !fromStage.has(stagePath(n)));
  const fromFallback = missing.length ? await fetch(missing.map(fallbackPath)) : new Map<string, string>();
  const unset = missing.filter((n) => !fromFallback.has(fallbackPath(n)));
  if (unset.length) {
    throw new ConfigError(
      `Secrets not set for stage "${env.SST_STAGE ?? "?"}": ${unset.join(", ")} ` +
        `(set each with: pnpm sst secrets set <NAME> <value> --stage ${env.SST_STAGE ?? "<stage>"})`,
    );
  }
  for (const name of names) {
    env[`SST_Secret_value_${name}`] = fromStage.get(stagePath(name)) ?? fromFallback.get(fallbackPath(name));
  }
}
