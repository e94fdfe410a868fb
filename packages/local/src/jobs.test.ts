import { SCHEDULED_JOBS } from "@debrief/infra/schedules";
import { describe, expect, it } from "vitest";
import { localJobInterval, MIN_LOCAL_JOB_INTERVAL_MS } from "./jobs";

describe("local job intervals", () => {
  it("keeps each job's rate on the local day: the daily sweep runs once a local day", () => {
    expect(localJobInterval(SCHEDULED_JOBS.sweep.every.toMilliseconds(), 60)).toBe(60_000);
    expect(localJobInterval(SCHEDULED_JOBS.sweep.every.toMilliseconds(), 3600)).toBe(3_600_000);
    // A quarter of an hour of a one-hour local day.
    expect(localJobInterval(15 * 60_000, 3600)).toBe(37_500);
  });

  it("never runs a job more often than its floor, however short the day", () => {
    expect(localJobInterval(SCHEDULED_JOBS.reconcile.every.toMilliseconds(), 6)).toBe(MIN_LOCAL_JOB_INTERVAL_MS);
    expect(localJobInterval(60_000, 1)).toBe(MIN_LOCAL_JOB_INTERVAL_MS);
  });
});
