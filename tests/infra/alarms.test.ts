import { describe, expect, it } from "vitest";
import { config, FUNCTIONS, testStageTemplates } from "./template";

const { all } = testStageTemplates();

describe("alarms", () => {
  it("watch failed and timed-out executions, every function's errors and throttles, dead letters and SES reputation", () => {
    const alarms = all("AWS::CloudWatch::Alarm").map((a) => a.Properties as Record<string, unknown>);
    const metric = (name: string) => alarms.filter((a) => a.MetricName === name);
    // Both machines: the debrief's workflow and the check-ins.
    expect(metric("ExecutionsFailed")).toHaveLength(2);
    expect(metric("ExecutionsTimedOut")).toHaveLength(2);
    expect(metric("Errors")).toHaveLength(FUNCTIONS.length);
    expect(metric("Throttles")).toHaveLength(FUNCTIONS.length);
    expect(metric("ApproximateNumberOfMessagesVisible")).toHaveLength(1);
    expect(metric("Reputation.BounceRate")).toMatchObject([{ Namespace: "AWS/SES", Threshold: 0.04 }]);
    expect(metric("Reputation.ComplaintRate")).toMatchObject([{ Namespace: "AWS/SES", Threshold: 0.0008 }]);
    // The repair of emails a step left unanswered: repaired, still stuck, and sent twice (SES confirmed one after its resend).
    for (const name of ["ClaimsRepaired", "ClaimsStuck", "LateSendConfirmations"]) {
      expect(metric(name), name).toMatchObject([
        {
          Namespace: "InterviewDebrief",
          Dimensions: [{ Name: "service", Value: "interview-debrief" }],
          Statistic: "Sum",
          Threshold: 1,
        },
      ]);
    }
    expect(alarms).toHaveLength(10 + 2 * FUNCTIONS.length);
  });

  it("notify one SNS topic, subscribed by the configured address", () => {
    const [topic] = all("AWS::SNS::Topic");
    for (const a of all("AWS::CloudWatch::Alarm")) {
      expect(a.Properties.AlarmActions).toEqual([{ Ref: topic?.logicalId }]);
    }
    const [subscription] = all("AWS::SNS::Subscription");
    expect(subscription?.Properties).toMatchObject({ Protocol: "email", Endpoint: config.alarmEmail });
    expect(subscription?.Properties.RedrivePolicy).toBeDefined();
  });
});
