import { Duration } from "aws-cdk-lib";

/**
 * The jobs EventBridge Scheduler runs (scheduledJob() in infra/operations.ts): the handler each
 * schedule invokes and how often. A job with `at` runs at that time (UTC) on AWS and keeps its
 * rate (`every`) for the local timer. The local stack runs every job listed here through the
 * same handler, on a timer of the same rate scaled by its day (packages/local/src/jobs.ts), and
 * its typecheck fails until a new job has a local handler there.
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
  weeklyDigest: {
    every: Duration.days(7),
    at: { weekDay: "MON", hour: "7", minute: "0" },
    handler: "packages/functions/src/digest.handler",
    description: "Sends each advisor who asked for it last week's figures of their centre",
  },
} as const;

export type ScheduledJob = keyof typeof SCHEDULED_JOBS;
/** What each job declares. */
export type ScheduledJobDeclaration = {
  every: Duration;
  at?: { weekDay?: string; hour?: string; minute?: string };
  handler: string;
  description: string;
};
