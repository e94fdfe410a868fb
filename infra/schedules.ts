import { Duration } from "aws-cdk-lib";

/**
 * The jobs EventBridge Scheduler runs (infra/operations.ts), named after their handlers in
 * packages/functions/src/operations.ts (`<name>Handler`), with how often each runs. The local
 * stack runs every job listed here on a timer of the same rate scaled by its day
 * (packages/local/src/jobs.ts), and its typecheck fails until a new job has a local handler.
 */
export const SCHEDULED_JOBS = {
  reconcile: { every: Duration.minutes(15), description: "Starts stored debriefs whose workflow never started" },
  sweep: { every: Duration.days(1), description: "Deletes items past their retention" },
} as const;

export type ScheduledJob = keyof typeof SCHEDULED_JOBS;
