import { ADDRESS_INDEX } from "@debrief/core/aws";
import { Duration, type Stack } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as eventTargets from "aws-cdk-lib/aws-events-targets";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import * as scheduler from "aws-cdk-lib/aws-scheduler";
import * as schedulerTargets from "aws-cdk-lib/aws-scheduler-targets";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type { IConstruct } from "constructs";
import { type FunctionProps, type StackContext, use } from "sst/constructs";
import { Email, grantSendEmail, HANDLED_DETAIL_TYPES } from "./email";
import { accept } from "./nag";
import { SCHEDULED_JOBS, type ScheduledJob, type ScheduledJobDeclaration } from "./schedules";
import { grantIndexQuery, grantTable, lambdaFunction } from "./settings";
import { Storage } from "./storage";
import { grantStopExecutions, Workflow } from "./workflow";

/**
 * The SES event handler (bounce, complaint → suppress and stop), the scheduled
 * reconciler and sweeper, and the operator's redrive function. Events that
 * cannot be delivered or handled end in one dead-letter queue, which is alarmed.
 */
export function Operations({ stack }: StackContext) {
  const { table, parameters, secrets } = use(Storage);
  const email = use(Email);
  const { configurationSet } = email;
  const { machine, checkinMachine } = use(Workflow);
  const environment = { TABLE_NAME: table.tableName, STATE_MACHINE_ARN: machine.stateMachineArn };
  const bind = [parameters.FROM_ADDRESS, parameters.PUBLIC_URL];

  const deadLetters = new sqs.Queue(stack, "DeadLetters", {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  accept(deadLetters, [
    { id: "Serverless-SQSRedrivePolicy", reason: "This queue is the dead-letter queue; nothing redrives it further." },
    { id: "AwsSolutions-SQS3", reason: "This queue is the functions' on-failure destination and the targets' DLQ." },
  ]);

  const sesEvents = lambdaFunction(
    stack,
    "SesEvents",
    {
      handler: "packages/functions/src/ses-events.handler",
      timeout: "30 seconds",
      // A suppressed address gets no check-in either.
      environment: { ...environment, CHECKIN_STATE_MACHINE_ARN: checkinMachine.stateMachineArn },
      // The digest key: a bounce suppresses the address's digest and finds its debriefs by it.
      bind: [...bind, secrets.DIGEST_SECRET],
      onFailure: new SqsDestination(deadLetters),
      retryAttempts: 2,
    },
    "async",
  );
  // Batch read: whether the address is already suppressed; the address index finds its debriefs. Update: SES's
  // Send and Delivery events recorded on the email's claim. No GetItem: the digest key is its bound secret,
  // never the table's (that is the local stack's default only).
  grantTable(sesEvents, table.cdk.table, "batchRead", "put", "update");
  grantIndexQuery(sesEvents, table.cdk.table, ADDRESS_INDEX.name);
  grantStopExecutions(sesEvents, stack, [machine, checkinMachine]);
  // Its id from when it routed only bounces and complaints: kept, so a deploy updates it in place.
  new events.Rule(stack, "SuppressingSesEvents", {
    description: "Bounces, complaints, sends and deliveries of the debrief emails",
    eventPattern: {
      source: ["aws.ses"],
      detailType: HANDLED_DETAIL_TYPES,
      detail: { mail: { tags: { "ses:configuration-set": [configurationSet.configurationSetName] } } },
    },
    targets: [
      new eventTargets.LambdaFunction(sesEvents, {
        deadLetterQueue: deadLetters,
        retryAttempts: 10,
        maxEventAge: Duration.hours(24),
      }),
    ],
  });

  // The digest key: it backfills the address digest of debriefs stored before the address index.
  const reconcile = scheduledJob(stack, "Reconcile", "reconcile", {
    environment,
    bind: [...bind, secrets.DIGEST_SECRET],
    deadLetters,
  });
  // Scan and update: the debriefs it starts, the digests it backfills (with the bound key, not the table's).
  grantTable(reconcile, table.cdk.table, "update", "scan");
  machine.grantStartExecution(reconcile);

  const sweep = scheduledJob(stack, "Sweep", "sweep", { environment, bind, deadLetters });
  grantTable(sweep, table.cdk.table, "delete", "scan");

  // The digest key: every resend checks the suppression list first, as the send step does.
  const repairSends = scheduledJob(stack, "RepairSends", "repairSends", {
    environment,
    bind: [...bind, secrets.DIGEST_SECRET],
    deadLetters,
  });
  // The send step's path: read the debrief, check the suppression list, take the claim over, record the answer;
  // and the scan of every debrief's send records.
  grantTable(repairSends, table.cdk.table, "read", "batchRead", "update", "scan");
  grantSendEmail(repairSends, stack, email);

  const redrive = lambdaFunction(stack, "Redrive", {
    handler: "packages/functions/src/operations.redriveHandler",
    timeout: "5 minutes",
    environment,
    bind,
  });
  grantTable(redrive, table.cdk.table, "update", "scan");
  machine.grantStartExecution(redrive);

  stack.addOutputs({ redriveFunction: redrive.functionName });
  return { deadLetters, functions: { sesEvents, reconcile, repairSends, sweep, redrive } };
}

/**
 * A job EventBridge Scheduler runs (infra/schedules.ts): its function, invoked asynchronously, and its schedule
 * (at the job's fixed time when it has one, else at its rate). A failed run ends in the dead-letter queue and is
 * not tried again unless `retryAttempts` says so: for most jobs the next run does the same work.
 */
export function scheduledJob(
  stack: Stack,
  id: string,
  job: ScheduledJob,
  props: {
    environment: Record<string, string>;
    bind: FunctionProps["bind"];
    deadLetters: sqs.IQueue;
    retryAttempts?: number;
  },
) {
  const declared: ScheduledJobDeclaration = SCHEDULED_JOBS[job];
  const fn = lambdaFunction(
    stack,
    id,
    {
      handler: declared.handler,
      timeout: "5 minutes",
      environment: props.environment,
      bind: props.bind,
      onFailure: new SqsDestination(props.deadLetters),
      retryAttempts: props.retryAttempts ?? 0,
    },
    "async",
  );
  new scheduler.Schedule(stack, `${id}Schedule`, {
    description: declared.description,
    schedule: declared.at
      ? scheduler.ScheduleExpression.cron(declared.at)
      : scheduler.ScheduleExpression.rate(declared.every),
    target: new schedulerTargets.LambdaInvoke(fn, {
      deadLetterQueue: props.deadLetters,
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
    }),
  });
  for (const role of stack.node.children.filter((c) => c.node.id.startsWith("SchedulerRoleForTarget"))) {
    if (acceptedRoles.has(role)) continue;
    acceptedRoles.add(role);
    accept(role, [
      {
        id: "AwsSolutions-IAM5",
        reason: "EventBridge Scheduler's role may invoke only its target function and that function's versions (`:*`).",
      },
    ]);
  }
  return fn;
}

const acceptedRoles = new WeakSet<IConstruct>();
