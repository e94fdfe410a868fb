import { Duration } from "aws-cdk-lib";

/**
 * The jobs EventBridge Scheduler runs (infra/operations.ts): the handler each schedule invokes
 * and how often. The local stack runs every job listed here through the same handler, on a
 * timer of the same rate scaled by its day (packages/local/src/jobs.ts), and its typecheck
 * fails until a new job has a local handler there.
 */
export const SCHEDULED_JOBS = {
  reconcile: {
    every: Duration.minutes(15),
    handler: "packages/functions/src/operations.reconcileHandler",
    description: "Starts stored debriefs whose workflow never started",
  },
  repairSends: {
    every: Duration.minutes(10),
    handler: "packages/functions/src/repair-sends.handler",
    description: "Completes from SES's events, or sends again, the emails whose claim a step left unanswered",
  },
  sweep: {
    every: Duration.days(1),
    handler: "packages/functions/src/operations.sweepHandler",
    description: "Deletes items past their retention",
  },
} as const;

export type ScheduledJob = keyof typeof SCHEDULED_JOBS;
