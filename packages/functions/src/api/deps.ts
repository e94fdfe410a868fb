import type {
  AbuseConfig,
  AccountStore,
  CandidateDeps,
  CentreStore,
  Clock,
  DebriefStore,
  Mailer,
  RateCounter,
  ScheduleConfig,
  SubmitDeps,
  Workflow,
} from "@debrief/core";
import { type AppLogger, errorName } from "../log";

/** Everything the HTTP app needs, passed in so tests and the local stack wire real adapters the same way. */
export type AppDeps = {
  store: DebriefStore;
  workflow: Workflow;
  /** The check-in workflow, stopped with the debrief's own when emails stop or data is erased. */
  checkins: Pick<Workflow, "stop">;
  mailer: Mailer;
  clock: Clock;
  publicUrl: string;
  schedule: ScheduleConfig;
  retentionDays: number;
  /** Rate limits, form fill time, bot check (see SECURITY.md). */
  abuse: Omit<AbuseConfig, "formSecret" | "formSecretConfigured">;
  /** The key that signs the forms' tickets, fetched on first use (the JSON API never needs it). */
  formSecret(): Promise<string>;
  rateCounter: RateCounter;
  log: AppLogger;
  /** Behind the edge (CloudFront): the secret of its origin header, beside which its viewer address is trusted. */
  edgeOriginSecret?: string;
  /** Career centres (branded links, admin API); the routes are mounted only when it is given. */
  centres?: CentreStore;
  /** A centre's advisors, sign-in links, sessions, keys and log (given with `centres`). */
  accounts?: AccountStore;
};

/** What submitDebrief needs, taken from the app's dependencies (one place for every caller). */
export function submitDepsOf(deps: AppDeps): SubmitDeps {
  return {
    store: deps.store,
    workflow: deps.workflow,
    clock: deps.clock,
    schedule: deps.schedule,
    retentionDays: deps.retentionDays,
    rateLimit: { limits: deps.abuse.rateLimits, counter: deps.rateCounter },
    onWorkflowStartFailed: (debriefId: string, error: unknown) =>
      deps.log.warn("workflow start failed; the reconciler will start it", { debriefId, error: errorName(error) }),
  };
}

/** What the candidate's actions need (page buttons, one-use links, unsubscribe, "not me"). */
export function actionDepsOf(deps: AppDeps): CandidateDeps {
  return {
    store: deps.store,
    workflow: deps.workflow,
    checkins: deps.checkins,
    clock: deps.clock,
    onStopFailed: (debriefId, error) =>
      deps.log.warn("workflow could not be stopped; sends will skip", { debriefId, error: errorName(error) }),
  };
}
