import { listFailed, type OperationsDeps, reconcile, redrive, sweep } from "@debrief/core";
import { runtime } from "./runtime";

function deps(): OperationsDeps {
  const rt = runtime();
  return {
    store: rt.store,
    workflow: rt.workflow,
    clock: rt.clock,
    onError: (debriefId, error) =>
      rt.log.error("operation failed for a debrief", {
        debriefId,
        error: error instanceof Error ? error.name : "Unknown",
      }),
  };
}

/**
 * Scheduled: starts stored debriefs whose workflow never started, and gives debriefs stored
 * before the address index their digest (a no-op once every debrief has one).
 */
export async function reconcileHandler() {
  const result = await reconcile(deps());
  const backfilled = await runtime().store.backfillAddressDigests();
  runtime().log.info("reconcile finished", {
    started: result.started.length,
    failed: result.failed.length,
    backfilled,
  });
  if (result.failed.length) throw new Error(`Could not start ${result.failed.length} workflow(s)`);
  return result;
}

/** Scheduled: deletes items past their retention. */
export async function sweepHandler() {
  const result = await sweep(deps());
  runtime().log.info("sweep finished", result);
  return result;
}

/**
 * Invoked by an operator (see README, "Deploying"): `{}` lists failed debriefs,
 * `{ "redrive": true }` runs them all again, `{ "redrive": true, "ids": [...] }` only those.
 */
export async function redriveHandler(event: { redrive?: boolean; ids?: unknown } | null) {
  const failedDebriefs = await listFailed(deps());
  if (!event?.redrive) return { failedDebriefs };
  const ids = Array.isArray(event.ids) ? event.ids.filter((id): id is string => typeof id === "string") : undefined;
  const result = await redrive(deps(), ids);
  runtime().log.info("redrive finished", { redriven: result.redriven.length, failed: result.failed.length });
  return { failedDebriefs, ...result };
}
