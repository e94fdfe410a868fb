import { checkRateLimits, type RateCounter, type RateLimits } from "./abuse/rate-limit";
import type { Debrief } from "./debrief/model";
import { workflowInput } from "./debrief/model";
import { type FieldErrors, validateDebrief } from "./debrief/validate";
import { debriefIdForKey, requestFingerprint } from "./idempotency";
import { linkKeyOf } from "./operations";
import type { Clock, DebriefStore, Workflow } from "./ports";
import { type ScheduleConfig, scheduleFor } from "./schedule";
import { deriveToken, newDebriefId, newLinkKey } from "./tokens";

export type SubmitDeps = {
  store: DebriefStore;
  workflow: Workflow;
  clock: Clock;
  schedule: ScheduleConfig;
  retentionDays: number;
  /** Per-IP and per-address limits on new debriefs; absent only where no client can reach (unit tests). */
  rateLimit?: { limits: RateLimits; counter: RateCounter };
  /** Reports a failure without personal data (the caller's logger). */
  onWorkflowStartFailed?: (debriefId: string, error: unknown) => void;
  /** Adds what the entry point knows (a career centre's link, consent, check-in times) before the debrief is stored. */
  decorate?: (debrief: Debrief) => Debrief;
};

/** Where a submission came from: neither value is stored as it is. */
export type SubmitContext = {
  /** The API's `Idempotency-Key` or the form's nonce: a repeat gets the first result back. */
  idempotency?: { scope: "api" | "form"; key: string };
  clientIp?: string;
};

export type SubmitResult =
  | { kind: "invalid"; errors: FieldErrors }
  /**
   * `status` is "scheduled" when the workflow started, "queued" when the reconciler
   * will start it. `replayed` marks the answer to a repeat: same id, same page token.
   */
  | { kind: "accepted"; id: string; token: string; status: "scheduled" | "queued"; replayed: boolean }
  /** The idempotency key was already used for a different debrief. */
  | { kind: "conflict" }
  | { kind: "limited"; scope: "ip" | "address"; retryAfterSeconds: number };

/**
 * Validates and stores a debrief, then starts its workflow. Nothing is stored for
 * invalid input; a store failure propagates (the caller answers 503) and leaves
 * nothing behind; once stored, the debrief is accepted even if the workflow could
 * not be started, since a reconciler starts stored debriefs that have none.
 *
 * With an idempotency key the id is derived from the key, so a repeat (a double
 * click, a client retry, even one racing the first) finds the first debrief and
 * stores nothing new (it starts only a workflow the first never started); it is
 * not counted against the rate limits either.
 */
export async function submitDebrief(body: unknown, deps: SubmitDeps, ctx: SubmitContext = {}): Promise<SubmitResult> {
  const now = deps.clock.now();
  const validation = validateDebrief(body, now);
  if (!validation.ok) return { kind: "invalid", errors: validation.errors };

  const fingerprint = requestFingerprint(validation.value);
  const id = ctx.idempotency ? debriefIdForKey(ctx.idempotency.scope, ctx.idempotency.key) : newDebriefId();
  if (ctx.idempotency) {
    const earlier = await replay(id, fingerprint, deps);
    if (earlier) return earlier;
  }

  if (deps.rateLimit) {
    const verdict = await checkRateLimits(
      { ip: ctx.clientIp, address: validation.value.candidate.email, debriefId: id },
      now,
      deps.rateLimit.limits,
      deps.rateLimit.counter,
    );
    if (verdict.limited) return { kind: "limited", scope: verdict.scope, retryAfterSeconds: verdict.retryAfterSeconds };
  }

  const linkKey = newLinkKey();
  const token = deriveToken(id, linkKey, { kind: "page" });
  const plain: Debrief = {
    id,
    input: validation.value,
    createdAt: now.toISOString(),
    schedule: scheduleFor(now, validation.value, deps.schedule),
    expiresAt: new Date(now.getTime() + deps.retentionDays * 86_400_000).toISOString(),
    tokenHashes: [],
    linkKey,
    sends: {},
    ...(ctx.idempotency ? { requestHash: fingerprint } : {}),
  };
  const debrief = deps.decorate ? deps.decorate(plain) : plain;
  // The page token is derived from the debrief's link key: one write stores both.
  if (!(await deps.store.create(debrief))) {
    // A repeat with the same key won the race between our look-up and our write.
    return (await replay(id, fingerprint, deps)) ?? { kind: "conflict" };
  }

  const status = await startWorkflow(debrief, deps);
  return { kind: "accepted", id: debrief.id, token, status, replayed: false };
}

/**
 * Starts a stored debrief's workflow and marks it started: "scheduled", or "queued" when
 * Step Functions could not be reached (the reconciler starts it later). The execution is
 * named after the debrief, so a start that races another (a replay, the reconciler) is a no-op.
 */
async function startWorkflow(debrief: Debrief, deps: SubmitDeps): Promise<"scheduled" | "queued"> {
  try {
    await deps.workflow.start(workflowInput(debrief));
    await deps.store.markWorkflowStarted(debrief.id, deps.clock.now());
    return "scheduled";
  } catch (error) {
    deps.onWorkflowStartFailed?.(debrief.id, error);
    return "queued";
  }
}

/**
 * The first result of a repeated submission: the same id and the same page token (derived
 * from the debrief's link key, so a replay mints nothing new). A key reused for a different
 * debrief is a conflict: the key alone never opens someone's debrief. A repeat finishes
 * what the first submission started: if that one stored the debrief but never started its
 * workflow (Step Functions unreachable, or the process died in between), the repeat starts it.
 */
async function replay(id: string, fingerprint: string, deps: SubmitDeps): Promise<SubmitResult | undefined> {
  const existing = await deps.store.get(id, deps.clock.now());
  if (!existing) return undefined;
  if (existing.requestHash !== fingerprint) return { kind: "conflict" };
  const linkKey = await linkKeyOf(existing, deps.store);
  if (!linkKey) return undefined;
  const token = deriveToken(existing.id, linkKey, { kind: "page" });
  // A debrief the candidate stopped before its workflow ever started stays unstarted (as the reconciler leaves it).
  const status = existing.workflowStartedAt
    ? "scheduled"
    : existing.stoppedAt
      ? "queued"
      : await startWorkflow(existing, deps);
  return { kind: "accepted", id: existing.id, token, status, replayed: true };
}
