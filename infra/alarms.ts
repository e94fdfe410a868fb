import { METRICS_NAMESPACE, METRICS_SERVICE, OPERATIONAL_METRICS } from "@debrief/core";
import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { type StackContext, use } from "sst/constructs";
import { Api } from "./api";
import { stageConfig } from "./config";
import { Digest } from "./digest";
import { accept } from "./nag";
import { Operations } from "./operations";
import { Workflow } from "./workflow";

/** SES reviews an account above 5 % bounces or 0.1 % complaints: warn well before. */
export const BOUNCE_RATE_THRESHOLD = 0.04;
export const COMPLAINT_RATE_THRESHOLD = 0.0008;

/** Alarms on failed executions, Lambda errors and throttles, dead letters and SES reputation, to one topic. */
export function Alarms({ stack, app }: StackContext) {
  const { alarmEmail } = stageConfig(app);
  const { machine, checkinMachine, functions: workflowFunctions } = use(Workflow);
  const { handler } = use(Api);
  const { deadLetters, functions: operationFunctions } = use(Operations);
  const { functions: digestFunctions } = use(Digest);

  const topic = new sns.Topic(stack, "AlarmTopic", { displayName: "Interview Debrief alarms", enforceSSL: true });
  // Notifications SNS could not deliver (an unconfirmed or failing address) are kept for two weeks.
  const undelivered = new sqs.Queue(stack, "UndeliveredAlarms", {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  accept(undelivered, [
    { id: "AwsSolutions-SQS3", reason: "This queue is the alarm subscription's dead-letter queue." },
    { id: "Serverless-SQSRedrivePolicy", reason: "This queue is the alarm subscription's dead-letter queue." },
  ]);
  topic.addSubscription(new subscriptions.EmailSubscription(alarmEmail, { deadLetterQueue: undelivered }));
  const action = new SnsAction(topic);

  const alarm = (id: string, metric: cloudwatch.IMetric, threshold: number, description: string) => {
    const a = new cloudwatch.Alarm(stack, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    a.addAlarmAction(action);
    return a;
  };
  const fiveMinutes = { period: Duration.minutes(5), statistic: "Sum" };

  alarm(
    "WorkflowFailed",
    machine.metricFailed(fiveMinutes),
    1,
    "A debrief workflow failed (see the debrief's failure, then redrive)",
  );
  alarm("WorkflowTimedOut", machine.metricTimedOut(fiveMinutes), 1, "A debrief workflow timed out");
  alarm(
    "CheckinWorkflowFailed",
    checkinMachine.metricFailed(fiveMinutes),
    1,
    "A check-in workflow failed (see the debrief's failure)",
  );
  alarm("CheckinWorkflowTimedOut", checkinMachine.metricTimedOut(fiveMinutes), 1, "A check-in workflow timed out");

  const functions = { Api: handler, ...workflowFunctions, ...operationFunctions, ...digestFunctions };
  for (const [name, fn] of Object.entries(functions)) {
    const id = name[0]?.toUpperCase() + name.slice(1);
    alarm(`${id}Errors`, fn.metricErrors(fiveMinutes), 1, `The ${name} function failed`);
    alarm(`${id}Throttles`, fn.metricThrottles(fiveMinutes), 1, `The ${name} function was throttled`);
  }
  alarm(
    "DeadLetters",
    deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: "Maximum" }),
    1,
    "An SES event or a scheduled run could not be delivered or handled",
  );

  // The repair of emails whose send a step left unanswered (core repair.ts), counted by its handlers.
  const operational = (metricName: string) =>
    new cloudwatch.Metric({
      namespace: METRICS_NAMESPACE,
      metricName,
      dimensionsMap: { service: METRICS_SERVICE },
      period: Duration.hours(1),
      statistic: "Sum",
    });
  alarm(
    "ClaimsRepaired",
    operational(OPERATIONAL_METRICS.claimsRepaired),
    1,
    "A send step died between claiming an email and SES's answer; the repair pass completed it from SES's event or sent it again (see the function's logs)",
  );
  alarm(
    "ClaimsStuck",
    operational(OPERATIONAL_METRICS.claimsStuck),
    1,
    "An email's claim is still unanswered after the repair pass (resends used up or failing): the candidate's page offers to send it again",
  );
  alarm(
    "LateSendConfirmations",
    operational(OPERATIONAL_METRICS.lateConfirmations),
    1,
    "SES confirmed an email after the repair pass had sent it again: it went out twice (the duplicate window, SECURITY.md)",
  );

  const reputation = (metricName: string) =>
    new cloudwatch.Metric({ namespace: "AWS/SES", metricName, period: Duration.hours(1), statistic: "Maximum" });
  alarm("SesBounceRate", reputation("Reputation.BounceRate"), BOUNCE_RATE_THRESHOLD, "SES bounce rate is high");
  alarm(
    "SesComplaintRate",
    reputation("Reputation.ComplaintRate"),
    COMPLAINT_RATE_THRESHOLD,
    "SES complaint rate is high",
  );
  return { topic };
}
