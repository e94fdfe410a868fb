import { OPERATIONAL_METRICS, REPAIR_TIMING, type RepairTiming, repairSends } from "@debrief/core";
import { loadBoundSecrets } from "./bound-secrets";
import { errorName } from "./log";
import { type AppMetrics, lambdaMetrics } from "./metrics";
import { sendDepsOf } from "./send-deps";
import { runtime, type Wiring } from "./wiring";

/**
 * The scheduled repair of emails whose claim a step left unanswered (core repair.ts): completed
 * from SES's event, or sent again. Its own entry beside the other operations (operations.ts):
 * it renders and sends as the send step does, and only it should carry react-email.
 */
export function repairSendsHandler(w: Wiring, timing: RepairTiming = REPAIR_TIMING, metrics?: AppMetrics) {
  return async () => {
    const result = await repairSends(
      {
        ...sendDepsOf(w),
        onError: (debriefId, error) => w.log.error("could not repair a send", { debriefId, error: errorName(error) }),
      },
      timing,
    );
    const m = metrics ?? lambdaMetrics();
    m.count(OPERATIONAL_METRICS.claimsRepaired, result.confirmed + result.resent);
    m.count(OPERATIONAL_METRICS.claimsStuck, result.stuck);
    m.publish();
    w.log.info("repair finished", result);
    return result;
  };
}

// The digest key (a bound SST secret) from SSM at the cold start: every resend checks the suppression list.
await loadBoundSecrets();

/** Lambda handler (see infra/operations.ts). */
export const handler = async () => repairSendsHandler(runtime())();
