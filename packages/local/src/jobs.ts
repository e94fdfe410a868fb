import { SCHEDULED_JOBS, type ScheduledJob } from "@debrief/infra/schedules";
import { scaleFactor } from "./stepfunctions/timing";

/** The shortest interval of a local job, however short the local day: most runs scan the whole table. */
export const MIN_LOCAL_JOB_INTERVAL_MS = 2000;

/** How often a job that runs `everyMs` apart on AWS runs locally: the same rate on the local day. */
export function localJobInterval(everyMs: number, localDaySeconds: number): number {
  return Math.max(MIN_LOCAL_JOB_INTERVAL_MS, Math.round(everyMs * scaleFactor(localDaySeconds)));
}

type Log = { warn(message: string, extra?: Record<string, unknown>): void };

/**
 * Every job EventBridge Scheduler runs on AWS (infra/schedules.ts), through the handler its
 * schedule invokes, each on its own timer of the scaled rate. A run still going at its next
 * tick is not started twice (the tick is skipped). `stop()` clears the timers and waits for
 * the runs in flight, so that none is cut off by the emulators closing under it.
 */
export function startScheduledJobs(
  handlers: Record<ScheduledJob, () => Promise<unknown>>,
  localDaySeconds: number,
  log: Log,
) {
  const running = new Map<ScheduledJob, Promise<unknown>>();
  const finished = Object.fromEntries(Object.keys(SCHEDULED_JOBS).map((job) => [job, 0])) as Record<
    ScheduledJob,
    number
  >;
  const timers = (Object.keys(SCHEDULED_JOBS) as ScheduledJob[]).map((job) => {
    const everyMs = localJobInterval(SCHEDULED_JOBS[job].every.toMilliseconds(), localDaySeconds);
    const timer = setInterval(() => {
      if (running.has(job)) return;
      const run = handlers[job]()
        .catch((e) => log.warn("scheduled job failed", { job, error: (e as Error).name }))
        .finally(() => {
          running.delete(job);
          finished[job]++;
        });
      running.set(job, run);
    }, everyMs);
    timer.unref();
    return timer;
  });
  return {
    /** How many runs of each job have finished (tests wait for the next ones). */
    finished: (job: ScheduledJob) => finished[job],
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...running.values()]);
    },
  };
}
