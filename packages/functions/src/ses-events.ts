import { handleSesEvent } from "@debrief/core";
import { runtime } from "./runtime";

/**
 * Lambda handler of the SES configuration set's events (EventBridge): a permanent
 * bounce or a complaint suppresses the address and stops its pending workflows.
 * Logs counts only, never the address.
 */
export async function handler(event: unknown) {
  const rt = runtime();
  const result = await handleSesEvent(event, {
    store: rt.store,
    workflow: rt.workflow,
    clock: rt.clock,
    onStopFailed: (debriefId, error) =>
      rt.log.warn("could not stop a suppressed address's workflow", { debriefId, error: errorName(error) }),
  });
  rt.log.info("ses event handled", result);
  return result;
}

const errorName = (e: unknown) => (e instanceof Error ? e.name : "Unknown");
