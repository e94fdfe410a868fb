import { listFailed, type OperationsDeps, RECONCILE_GRACE_MS, reconcile, redrive, sweep } from "@debrief/core";
import { loadBoundSecrets } from "./bound-secrets";
import { errorName } from "./log";
import { runtime, type Wiring } from "./wiring";

export type RedriveEvent = { redrive?: boolean; ids?: unknown } | null;

/** How long the scheduled operations leave what a request may still be finishing (the local stack's are shorter). */
export type OperationsTiming = {
  /** How long after a debrief is stored the reconciler leaves its workflow for the API to start. */
  reconcileGraceMs: number;
};

/** The scheduled and operator-invoked operations, over a wiring. */
export function operationsHandlers(w: Wiring, timing: OperationsTiming = { reconcileGraceMs: RECONCILE_GRACE_MS }) {
  const deps: OperationsDeps = {
    store: w.store,
    workflow: w.workflow,
    clock: w.clock,
    onError: (debriefId, error) =>
      w.log.error("operation failed for a debrief", { debriefId, error: errorName(error) }),
  };
  return {
    /**
     * Scheduled: starts stored debriefs whose workflow never started and migrates those stored
     * before 0.1.0 (core reconcile), and gives centre debriefs stored before the student index
     * their digests (a no-op once every debrief has them).
     */
    async reconcile() {
      const result = await reconcile(deps, timing.reconcileGraceMs);
      const students = await w.centres.backfillCountedStudents();
      w.log.info("reconcile finished", {
        started: result.started.length,
        failed: result.failed.length,
        linkKeys: result.migrated.linkKeys,
        backfilled: result.migrated.addressDigests,
        students,
      });
      if (result.failed.length) throw new Error(`Could not start ${result.failed.length} workflow(s)`);
      return result;
    },
    /** Scheduled: deletes items past their retention. */
    async sweep() {
      const result = await sweep(deps);
      w.log.info("sweep finished", result);
      return result;
    },
    /**
     * Invoked by an operator (see README, "Deploying"): `{}` lists failed debriefs,
     * `{ "redrive": true }` runs them all again, `{ "redrive": true, "ids": [...] }` only those.
     */
    async redrive(event: RedriveEvent) {
      const failedDebriefs = await listFailed(deps);
      if (!event?.redrive) return { failedDebriefs };
      const ids = Array.isArray(event.ids) ? event.ids.filter((id): id is string => typeof id === "string") : undefined;
      const result = await redrive(deps, ids);
      w.log.info("redrive finished", { redriven: result.redriven.length, failed: result.failed.length });
      return { failedDebriefs, ...result };
    },
  };
}

// The digest key (a bound SST secret) from SSM at the cold start.
await loadBoundSecrets();

/** Lambda handlers (see infra/operations.ts). */
export const reconcileHandler = async () => operationsHandlers(runtime()).reconcile();
export const sweepHandler = async () => operationsHandlers(runtime()).sweep();
export const redriveHandler = async (event: RedriveEvent) => operationsHandlers(runtime()).redrive(event);
