import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalStack, type LocalStackOptions, startLocalStack } from "@debrief/local";

export type TestStack = LocalStack & {
  /** Starts the same stack again on the same ports and data (a restart of `pnpm dev`). */
  restart(): Promise<TestStack>;
  /** Stops the stack and removes its data. */
  dispose(): Promise<void>;
};

/**
 * The whole local stack on free ports with a throwaway data directory. A test
 * workflow day lasts `localDaySeconds` (default 3 s) so the three emails arrive in seconds.
 */
export async function startTestStack(options: LocalStackOptions = {}): Promise<TestStack> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "debrief-test-"));
  const opts: LocalStackOptions = {
    localDaySeconds: 3,
    quiet: true,
    port: 0,
    sesPort: 0,
    dynamoPort: 0,
    sfnPort: 0,
    ...options,
    // Tests post forms straight after loading them; the abuse tests set a real minimum fill time.
    env: { FORM_MIN_FILL_SECONDS: "0", ...options.env },
    dataDir,
  };
  const wrap = (stack: LocalStack): TestStack => ({
    ...stack,
    async restart() {
      await stack.stop();
      // Same ports, so links already written (PUBLIC_URL) and clients keep working.
      return wrap(
        await startLocalStack({
          ...opts,
          port: stack.ports.app,
          sesPort: stack.ports.ses,
          dynamoPort: stack.ports.dynamo,
          sfnPort: stack.ports.sfn,
        }),
      );
    },
    async dispose() {
      await stack.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  });
  return wrap(await startLocalStack(opts));
}
