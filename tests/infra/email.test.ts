import { describe, expect, it } from "vitest";
import { actions, config, FUNCTIONS, resources, testStageTemplates } from "./template";

const { all, statementsOf, roleStatements } = testStageTemplates();

describe("email", () => {
  it("sends from the configured domain identity with DKIM, through a configuration set suppressing bounces and complaints", () => {
    const [identity] = all("AWS::SES::EmailIdentity");
    expect(identity?.Properties).toMatchObject({
      EmailIdentity: config.sesDomain,
      DkimAttributes: { SigningEnabled: true },
    });
    const [set] = all("AWS::SES::ConfigurationSet");
    expect(set?.Properties.SuppressionOptions).toEqual({ SuppressedReasons: ["BOUNCE", "COMPLAINT"] });
    expect(
      (identity?.Properties.ConfigurationSetAttributes as { ConfigurationSetName: unknown } | undefined)
        ?.ConfigurationSetName,
    ).toEqual({
      Ref: set?.logicalId,
    });
  });

  it("publishes bounces, complaints, sends and deliveries to EventBridge, where a rule feeds the SES event handler", () => {
    const [destination] = all("AWS::SES::ConfigurationSetEventDestination");
    const props = destination?.Properties.EventDestination as Record<string, unknown>;
    expect(props).toMatchObject({ Enabled: true, MatchingEventTypes: ["bounce", "complaint", "send", "delivery"] });
    expect(props.EventBridgeDestination).toBeDefined();
    const rules = all("AWS::Events::Rule");
    expect(rules).toHaveLength(1);
    const rule = rules[0]?.Properties as { EventPattern: Record<string, unknown>; Targets: Record<string, unknown>[] };
    expect(rule.EventPattern).toMatchObject({
      source: ["aws.ses"],
      "detail-type": ["Email Bounced", "Email Complaint Received", "Email Sent", "Email Delivered"],
    });
    expect(rule.Targets).toHaveLength(1);
    expect(rule.Targets[0]).toMatchObject({ RetryPolicy: { MaximumRetryAttempts: 10 } });
    expect(rule.Targets[0]?.DeadLetterConfig).toBeDefined();
    expect(JSON.stringify(rule.Targets[0]?.Arn)).toContain("SesEvents");
  });

  it("grants ses:SendEmail to the send step, the repair pass, the API (advisors' sign-in links) and the advisors' weekly email only, on the identity and configuration set, from the configured address", () => {
    const sending = statementsOf(all("AWS::IAM::Policy")).filter((s) => actions(s).some((a) => /^ses:Send/.test(a)));
    expect(sending).toHaveLength(4);
    const senders = FUNCTIONS.filter((name) => roleStatements(name).some((s) => actions(s).includes("ses:SendEmail")));
    expect(senders.sort()).toEqual(["ApiHandler", "RepairSends", "SendEmail", "WeeklyDigest"]);
    for (const statement of sending) {
      expect(actions(statement)).toEqual(["ses:SendEmail"]);
      expect(resources(statement)).toHaveLength(2);
      expect(JSON.stringify(statement.Resource)).not.toMatch(/"\*"|identity\/\*/);
      expect(statement.Condition).toEqual({ StringEquals: { "ses:FromAddress": config.fromAddress } });
    }
  });
});
