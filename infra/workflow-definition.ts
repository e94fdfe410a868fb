import { Duration } from "aws-cdk-lib";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import * as tasks from "aws-cdk-lib/aws-stepfunctions-tasks";
import type { Construct } from "constructs";

/** The Lambda functions the workflow invokes, by the names the local stack maps to handlers. */
export const WORKFLOW_FUNCTIONS = { sendEmail: "SendEmail", recordFailure: "RecordFailure" } as const;
export type WorkflowFunctions = Record<keyof typeof WORKFLOW_FUNCTIONS, IFunction>;

/** The whole workflow may not outlive this; its waits add up to a few days. */
export const WORKFLOW_TIMEOUT = Duration.days(30);
export const TASK_TIMEOUT = Duration.seconds(60);

/** Errors of the Lambda service itself, retried as AWS recommends. */
const LAMBDA_SERVICE_ERRORS = [
  "Lambda.ServiceException",
  "Lambda.AWSLambdaException",
  "Lambda.SdkClientException",
  "Lambda.TooManyRequestsException",
  "Lambda.ClientExecutionTimeoutException",
];

/** Errors a step throws when retrying cannot help: they take the catch path at once. */
export const PERMANENT_ERRORS = ["InvalidStepInputError"];

function retry(task: tasks.LambdaInvoke): tasks.LambdaInvoke {
  task.addRetry({ errors: PERMANENT_ERRORS, maxAttempts: 0 });
  task.addRetry({
    errors: LAMBDA_SERVICE_ERRORS,
    interval: Duration.seconds(2),
    maxAttempts: 6,
    backoffRate: 2,
    maxDelay: Duration.seconds(60),
    jitterStrategy: sfn.JitterType.FULL,
  });
  // Anything else the handler throws (SES or DynamoDB throttling, timeouts) is
  // transient as far as we know: sends are claimed, so a retry never sends twice.
  task.addRetry({
    errors: [sfn.Errors.ALL],
    interval: Duration.seconds(5),
    maxAttempts: 4,
    backoffRate: 3,
    maxDelay: Duration.minutes(5),
    jitterStrategy: sfn.JitterType.FULL,
  });
  return task;
}

type SendKindName = "letter" | "nudge" | "tips" | "checkin7" | "checkin14";

/**
 * The states both machines are built from: a send task per email (retried, timed out,
 * caught into RecordFailure → Failed) in `scope`, whose construct ids are the ASL state names.
 */
function stateBuilders(scope: Construct, fns: WorkflowFunctions) {
  const failed = new sfn.Fail(scope, "Failed", {
    error: "DebriefWorkflowFailed",
    cause: "A step failed after its retries; the failure is recorded on the debrief.",
  });
  const recordFailure = retry(
    new tasks.LambdaInvoke(scope, "RecordFailure", {
      lambdaFunction: fns.recordFailure,
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      payload: sfn.TaskInput.fromObject({
        debriefId: sfn.JsonPath.stringAt("$.debriefId"),
        failedStep: sfn.JsonPath.stringAt("$.failedStep"),
        error: sfn.JsonPath.objectAt("$.error"),
      }),
      resultPath: sfn.JsonPath.DISCARD,
      taskTimeout: sfn.Timeout.duration(TASK_TIMEOUT),
    }),
  );
  recordFailure.addCatch(failed, { resultPath: "$.recordError" });
  recordFailure.next(failed);

  const send = (stateName: string, kind: SendKindName) => {
    const task = retry(
      new tasks.LambdaInvoke(scope, stateName, {
        lambdaFunction: fns.sendEmail,
        payloadResponseOnly: true,
        retryOnServiceExceptions: false,
        payload: sfn.TaskInput.fromObject({ debriefId: sfn.JsonPath.stringAt("$.debriefId"), kind }),
        resultPath: sfn.JsonPath.DISCARD,
        taskTimeout: sfn.Timeout.duration(TASK_TIMEOUT),
      }),
    );
    const markStep = new sfn.Pass(scope, `${stateName}Failed`, {
      result: sfn.Result.fromString(kind),
      resultPath: "$.failedStep",
    });
    task.addCatch(markStep.next(recordFailure), { resultPath: "$.error" });
    return task;
  };
  const waitUntil = (stateName: string, path: string) =>
    new sfn.Wait(scope, stateName, { time: sfn.WaitTime.timestampPath(path) });
  return { send, waitUntil };
}

/**
 * send letter → wait until nudgeAt → send nudge → wait until tipsAt → send tips: five
 * states, so five billed transitions per debrief. Input: `{ debriefId, nudgeAt, tipsAt }`
 * (ids and times only; centre debriefs also carry their check-in times, read by nothing
 * here). Every task has a Retry, a timeout and a Catch that records the failure on the
 * debrief and fails. The tips step starts the check-in workflow of a debrief that has one.
 */
export function workflowDefinition(scope: Construct, fns: WorkflowFunctions): sfn.IChainable {
  const { send, waitUntil } = stateBuilders(scope, fns);
  return send("SendLetter", "letter")
    .next(waitUntil("WaitForNudge", "$.nudgeAt"))
    .next(send("SendNudge", "nudge"))
    .next(waitUntil("WaitForTips", "$.tipsAt"))
    .next(send("SendTips", "tips"));
}

/**
 * The outcome check-ins of a career-centre debrief, 7 and 14 days after the interview,
 * as their own execution (named after the debrief), started by the tips step: plain
 * debriefs never pay for them. Input: `{ debriefId, checkin7At, checkin14At }`. The send
 * step skips a check-in after "stop emails" or once an outcome is known.
 */
export function checkinDefinition(scope: Construct, fns: WorkflowFunctions): sfn.IChainable {
  const { send, waitUntil } = stateBuilders(scope, fns);
  return waitUntil("WaitForCheckin7", "$.checkin7At")
    .next(send("SendCheckin7", "checkin7"))
    .next(waitUntil("WaitForCheckin14", "$.checkin14At"))
    .next(send("SendCheckin14", "checkin14"));
}
