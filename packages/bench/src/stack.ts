import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalStack } from "@debrief/local";
import { type SesWatch, watchSesStore } from "./letters";
import { RequestCounter } from "./requests";

/**
 * Limits the bench must not hit: it submits thousands of debriefs from one address.
 * Raised through the same settings an operator would use.
 */
export const RAISED_LIMITS = {
  RATE_LIMIT_PER_ADDRESS_PER_DAY: "100000000",
  RATE_LIMIT_PER_IP_PER_HOUR: "100000000",
};

/**
 * A local day of an hour: the reminder is at least an hour away. (Not 86,400: the local
 * Step Functions service scales the 30-day machine timeout by the day too, and 30 real
 * days overflow Node's timers, which then fire at once.)
 */
const LOCAL_DAY_SECONDS = 3600;

export type BenchStack = Awaited<ReturnType<typeof startLocalStack>> & {
  ses: SesWatch;
  requests: RequestCounter;
  dispose(): Promise<void>;
};

/**
 * The local stack on free ports in a throwaway directory, quiet, with days long enough
 * that only letters are sent during the bench, never nudges or tips.
 */
export async function startBenchStack(): Promise<BenchStack> {
  const dataDir = mkdtempSync(join(tmpdir(), "debrief-bench-"));
  const stack = await startLocalStack({
    dataDir,
    quiet: true,
    port: 0,
    sesPort: 0,
    dynamoPort: 0,
    sfnPort: 0,
    localDaySeconds: LOCAL_DAY_SECONDS,
    // The figures count the send path's own requests; SES's events are another function's, after the send.
    sesEvents: false,
    // Nor the scheduled jobs' (the reconciler's and the repair pass's Scans landed among the counted requests on a
    // loaded machine, where a figure takes longer than their local interval).
    scheduledJobs: false,
    env: { ...RAISED_LIMITS, POWERTOOLS_LOG_LEVEL: "WARN" },
  });
  const ses = watchSesStore();
  const requests = new RequestCounter(
    { dynamodb: stack.ports.dynamo, sfn: stack.ports.sfn, ses: stack.ports.ses },
    { api: stack.ports.app, workflow: stack.ports.sfn },
  );
  return {
    ...stack,
    ses,
    requests,
    async dispose() {
      requests.close();
      ses.close();
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
