import { claimConfirmationFromSesEvent, handleSesEvent, OPERATIONAL_METRICS } from "@debrief/core";
import { loadBoundSecrets } from "./bound-secrets";
import { errorName } from "./log";
import { type AppMetrics, lambdaMetrics } from "./metrics";
import { runtime, type Wiring } from "./wiring";

/**
 * The SES configuration set's events (EventBridge). A Send or Delivery event is recorded on
 * the email's claim its message tag names, so an email SES took is known sent even if the
 * step died before recording it (repair.ts); an event for a claim already sent again counts
 * a duplicate. A permanent bounce or a complaint suppresses the address and stops its pending
 * workflows. Logs ids and counts only, never the address.
 */
export function sesEventsHandler(w: Wiring, metrics: AppMetrics = lambdaMetrics()) {
  return async (event: unknown) => {
    const confirmation = claimConfirmationFromSesEvent(event);
    if (confirmation) {
      const claim = await w.store.recordSendConfirmation(confirmation, confirmation.confirmation);
      const { debriefId, kind } = confirmation;
      if (claim === "late") {
        w.log.warn("SES confirmed an email after it was sent again: it went out twice", { debriefId, kind });
        metrics.count(OPERATIONAL_METRICS.lateConfirmations, 1);
        metrics.publish();
      }
      // How long after SES took the message its event was recorded: past the repair's window, a duplicate.
      const lagMs = w.clock.now().getTime() - Date.parse(confirmation.confirmation.at);
      w.log.info("ses event handled", { debriefId, kind, event: confirmation.confirmation.event, claim, lagMs });
      return { claim };
    }
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
