import { handleSesEvent } from "@debrief/core";
import { loadBoundSecrets } from "./bound-secrets";
import { errorName } from "./log";
import { runtime, type Wiring } from "./wiring";

/**
 * The SES configuration set's events (EventBridge): a permanent bounce or a complaint
 * suppresses the address and stops its pending workflows. Logs counts only, never the address.
 */
export function sesEventsHandler(w: Wiring) {
  return async (event: unknown) => {
    const result = await handleSesEvent(event, {
      store: w.store,
      workflow: w.workflow,
      checkins: w.checkins,
      clock: w.clock,
      onStopFailed: (debriefId, error) =>
        w.log.warn("could not stop a suppressed address's workflow", { debriefId, error: errorName(error) }),
    });
    w.log.info("ses event handled", result);
    return result;
  };
}

// The digest key (a bound SST secret) from SSM at the cold start.
await loadBoundSecrets();

/** Lambda handler (see infra/operations.ts). */
export const handler = async (event: unknown) => sesEventsHandler(runtime())(event);
