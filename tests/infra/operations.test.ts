import { describe, expect, it } from "vitest";
import { testStageTemplates } from "./template";

const { synth, all } = testStageTemplates();

describe("operations", () => {
  it("runs the reconciler every 15 minutes, the repair pass every 10, the sweeper daily and the weekly email on Mondays on EventBridge Scheduler, with retries and a DLQ", () => {
    const schedules = all("AWS::Scheduler::Schedule").map((s) => s.Properties as Record<string, unknown>);
    expect(schedules.map((s) => s.ScheduleExpression).sort()).toEqual([
      "cron(0 7 ? * MON *)",
      "rate(1 day)",
      "rate(10 minutes)",
      "rate(15 minutes)",
    ]);
    for (const s of schedules) {
      expect(s.Target).toMatchObject({ RetryPolicy: { MaximumRetryAttempts: 2 } });
      expect((s.Target as { DeadLetterConfig?: unknown }).DeadLetterConfig).toBeDefined();
    }
    const targets = schedules.map((s) => JSON.stringify((s.Target as { Arn: unknown }).Arn));
    expect(targets.some((t) => t.includes("Reconcile"))).toBe(true);
    expect(targets.some((t) => t.includes("Sweep"))).toBe(true);
    expect(targets.some((t) => t.includes("RepairSends"))).toBe(true);
    expect(targets.some((t) => t.includes("WeeklyDigest"))).toBe(true);
  });

  it("sends failed asynchronous invocations to the dead-letter queue", () => {
    const configs = all("AWS::Lambda::EventInvokeConfig");
    // SES events, the reconciler, the repair pass, the sweeper and the weekly email.
    expect(configs).toHaveLength(5);
    for (const c of configs) expect(c.Properties.DestinationConfig).toMatchObject({ OnFailure: {} });
  });

  it("outputs the redrive function's name for the operator's command", () => {
    expect(JSON.stringify(synth().template("Operations").Outputs)).toContain("Redrive");
  });
});
