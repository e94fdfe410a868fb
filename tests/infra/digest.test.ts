import { describe, expect, it } from "vitest";
import { testStageTemplates } from "./template";

const { all, functionNamed } = testStageTemplates();

describe("the advisors' weekly email", () => {
  it("is started every Monday at 07:00 UTC by EventBridge Scheduler, with retries and a dead-letter queue", () => {
    const [schedule, ...others] = all("AWS::Scheduler::Schedule")
      .map((s) => s.Properties as Record<string, unknown>)
      .filter((s) => JSON.stringify((s.Target as { Arn: unknown }).Arn).includes("WeeklyDigest"));
    expect(others).toEqual([]);
    expect(schedule?.ScheduleExpression).toBe("cron(0 7 ? * MON *)");
    expect(schedule?.Target).toMatchObject({ RetryPolicy: { MaximumRetryAttempts: 2 } });
    expect((schedule?.Target as { DeadLetterConfig?: unknown } | undefined)?.DeadLetterConfig).toBeDefined();
  });

  it("is tried twice more by Lambda when a run fails (the next run reports another week), then dead-lettered", () => {
    const weekly = functionNamed("WeeklyDigest").logicalId;
    const [config, ...others] = all("AWS::Lambda::EventInvokeConfig").filter((c) =>
      JSON.stringify(c.Properties.FunctionName).includes(weekly),
    );
    expect(others).toEqual([]);
    expect(config?.Properties.MaximumRetryAttempts).toBe(2);
    expect(config?.Properties.DestinationConfig).toMatchObject({ OnFailure: {} });
  });

  it("runs its own entry (its bundle: tests/infra/functions.test.ts)", () => {
    expect(functionNamed("WeeklyDigest").Properties.Handler).toBe("packages/functions/src/digest.handler");
  });
});
