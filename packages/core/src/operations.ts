import { type Debrief, workflowInput } from "./debrief/model";
import type { Clock, DebriefStore, Workflow } from "./ports";
import { newLinkKey } from "./tokens";

export type OperationsDeps = {
  store: DebriefStore;
  workflow: Workflow;
  clock: Clock;
  /** Reports a debrief that could not be handled, by id only (the caller's logger). */
  onError?: (debriefId: string, error: unknown) => void;
};

/** How long the API has to start a new debrief's workflow before the reconciler does it. */
export const RECONCILE_GRACE_MS = 5 * 60_000;

/**
 * A debrief's link key. Debriefs stored before release 0.1.0 (2026-12-07) have none until the
 * reconciler's migration (reconcile) gives them one; one that an email or a replay reaches first
 * gets it here, by the same set-once write. REMOVE after 2027-06-05 (every such debrief has
 * expired under the default retention), with the migration: `debrief.linkKey` is then always set.
 */
export async function linkKeyOf(
  d: Pick<Debrief, "id" | "linkKey">,
  store: Pick<DebriefStore, "ensureLinkKey">,
): Promise<string | undefined> {
  return d.linkKey ?? (await store.ensureLinkKey(d.id, newLinkKey()));
}

export type ReconcileResult = {
  started: string[];
  failed: string[];
  /** What the migration of debriefs stored before 0.1.0 changed this run (0 and 0 once they all have both). */
  migrated: { linkKeys: number; addressDigests: number };
};

/**
 * Starts the workflow of every stored debrief whose workflow never started (the
 * API stored it, then StartExecution failed). Safe to run at any time: the
 * execution is named after the debrief, so a start that raced the API is a no-op.
 * On the way it migrates debriefs stored before release 0.1.0: each gets its link key
 * (linkKeyOf) and the address index's digest, so their emails and "this wasn't me" need
 * no fallback once a run has passed.
 */
export async function reconcile(deps: OperationsDeps, graceMs = RECONCILE_GRACE_MS): Promise<ReconcileResult> {
  const now = deps.clock.now();
  const started: string[] = [];
  const failed: string[] = [];
  let linkKeys = 0;
  for await (const debrief of deps.store.listDebriefs(now)) {
    if (!debrief.linkKey && (await linkKeyOf(debrief, deps.store))) linkKeys++;
    if (debrief.workflowStartedAt || debrief.stoppedAt) continue;
    if (now.getTime() - Date.parse(debrief.createdAt) < graceMs) continue;
    try {
      await deps.workflow.start(workflowInput(debrief));
      await deps.store.markWorkflowStarted(debrief.id, deps.clock.now());
      started.push(debrief.id);
    } catch (error) {
      deps.onError?.(debrief.id, error);
      failed.push(debrief.id);
    }
  }
  const addressDigests = await deps.store.backfillAddressDigests();
  return { started, failed, migrated: { linkKeys, addressDigests } };
}

/** Deletes every item past its retention (the table's TTL does it on AWS, but only within days). */
export async function sweep(deps: Pick<OperationsDeps, "store" | "clock">): Promise<{ deleted: number }> {
  return { deleted: await deps.store.deleteExpired(deps.clock.now()) };
}

export type FailedDebrief = { id: string; failedAt: string; step: string; error: string };

/** Debriefs whose workflow took the catch path: ids, the step and the error name, no personal data. */
export async function listFailed(deps: Pick<OperationsDeps, "store" | "clock">): Promise<FailedDebrief[]> {
  const failed: FailedDebrief[] = [];
  for await (const d of deps.store.listDebriefs(deps.clock.now())) {
    if (d.failure) failed.push({ id: d.id, failedAt: d.failure.at, step: d.failure.step, error: d.failure.error });
  }
  return failed.sort((a, b) => a.failedAt.localeCompare(b.failedAt));
}

/** A new execution name: the failed one keeps its name for 90 days. */
export function redriveName(d: Pick<Debrief, "id">, at: Date): string {
  return `${d.id}-redrive-${at.getTime()}`;
}

/**
 * Runs the workflow of failed debriefs again (all of them, or the given ids) under
 * a new execution name. Running from the start is safe: sends already made find
 * their claim and skip, and waits whose deadline has passed end at once.
 */
export async function redrive(deps: OperationsDeps, ids?: string[]): Promise<{ redriven: string[]; failed: string[] }> {
  const wanted = ids ? new Set(ids) : undefined;
  const redriven: string[] = [];
  const failed: string[] = [];
  for await (const debrief of deps.store.listDebriefs(deps.clock.now())) {
    if (!debrief.failure || (wanted && !wanted.has(debrief.id))) continue;
    const at = deps.clock.now();
    const name = redriveName(debrief, at);
    try {
      await deps.workflow.start(workflowInput(debrief), name);
      await deps.store.markRedriven(debrief.id, name, at);
      redriven.push(debrief.id);
    } catch (error) {
      deps.onError?.(debrief.id, error);
      failed.push(debrief.id);
    }
  }
  return { redriven, failed };
}
