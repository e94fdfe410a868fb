import { SEND_STEP_TIMEOUT_MS } from "@debrief/core";
import { ArnFormat, type Stack } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import { Construct, type IConstruct } from "constructs";
import { type StackContext, use } from "sst/constructs";
import { Email, grantSendEmail } from "./email";
import { accept } from "./nag";
import { grantTable, lambdaFunction, logGroup } from "./settings";
import { Storage } from "./storage";
import { checkinDefinition, WORKFLOW_TIMEOUT, workflowDefinition } from "./workflow-definition";

/** The ARN of every execution of the machine: executions are named per debrief, so a stop cannot name one ARN in advance. */
export function executionsArn(stack: Stack, machine: sfn.StateMachine) {
  return stack.formatArn({
    service: "states",
    resource: "execution",
    resourceName: `${machine.stateMachineName}:*`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

/** Lets a function stop the executions of these machines (a debrief's own, its check-ins). */
export function grantStopExecutions(
  fn: IConstruct & { addToRolePolicy(statement: PolicyStatement): unknown },
  stack: Stack,
  machines: sfn.StateMachine[],
) {
  fn.addToRolePolicy(
    new PolicyStatement({ actions: ["states:StopExecution"], resources: machines.map((m) => executionsArn(stack, m)) }),
  );
  acceptExecutionsWildcard(fn);
}

function acceptExecutionsWildcard(fn: IConstruct) {
  accept(fn, [
    {
      id: "AwsSolutions-IAM5",
      reason: "states:StopExecution on this machine's executions only; each is named after its debrief.",
    },
  ]);
}

/**
 * The Standard state machine that sends the letter, the reminder and the tips, and
 * the two Lambda functions it invokes. Its logs carry events, never execution
 * data (the input holds ids only, but a task's error cause could hold more).
 */
export function Workflow({ stack }: StackContext) {
  const { table, parameters, secrets } = use(Storage);
  const email = use(Email);
  const environment = { TABLE_NAME: table.tableName };
  // The check-in machine invokes the send step, which starts it: its ARN is built from a fixed
  // name rather than referenced, or the function and the machine would depend on each other.
  const checkinMachineName = `${stack.stackName}-CheckinWorkflow`.slice(-80);
  const checkinMachineArn = stack.formatArn({
    service: "states",
    resource: "stateMachine",
    resourceName: checkinMachineName,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });

  const sendEmail = lambdaFunction(stack, "SendEmail", {
    handler: "packages/functions/src/steps.sendEmail",
    // The repair pass counts on no invocation outliving it (core repair.ts).
    timeout: `${SEND_STEP_TIMEOUT_MS / 1000} seconds`,
    environment: { ...environment, CHECKIN_STATE_MACHINE_ARN: checkinMachineArn },
    // The digest key: every send checks the suppression list first.
    bind: [parameters.FROM_ADDRESS, parameters.PUBLIC_URL, secrets.DIGEST_SECRET],
  });
  // The tips step starts a centre debrief's check-ins (execution named after the debrief).
  sendEmail.addToRolePolicy(
    new PolicyStatement({ actions: ["states:StartExecution"], resources: [checkinMachineArn] }),
  );
  // batchRead: every send checks the suppression list first.
  grantTable(sendEmail, table.cdk.table, "read", "batchRead", "write");
  grantSendEmail(sendEmail, stack, email);

  const recordFailure = lambdaFunction(stack, "RecordFailure", {
    // Its own entry: one UpdateItem, no email rendering in its bundle.
    handler: "packages/functions/src/record-failure.recordFailure",
    timeout: "10 seconds",
    environment,
    bind: [parameters.FROM_ADDRESS, parameters.PUBLIC_URL],
  });
  grantTable(recordFailure, table.cdk.table, "update");

  // Both machines alike: Standard, timed out, traced, logging events but never execution data.
  const standardMachine = (id: string, states: sfn.IChainable, stateMachineName?: string) =>
    new sfn.StateMachine(stack, id, {
      stateMachineName,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(states),
      timeout: WORKFLOW_TIMEOUT,
      tracingEnabled: true,
      logs: { destination: logGroup(stack, id), level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
  // The states live in their own scope: their names (SendLetter, RecordFailure, ...) are the ASL state names.
  const machine = standardMachine(
    "DebriefWorkflow",
    workflowDefinition(new Construct(stack, "States"), { sendEmail, recordFailure }),
  );
  const checkinMachine = standardMachine(
    "CheckinWorkflow",
    checkinDefinition(new Construct(stack, "CheckinStates"), { sendEmail, recordFailure }),
    checkinMachineName,
  );
  for (const m of [machine, checkinMachine]) {
    accept(m, [
      {
        id: "AwsSolutions-IAM5",
        reason:
          "The machine may invoke its two functions and their versions (`:*`); X-Ray and CloudWatch Logs " +
          "delivery actions (tracing, logging) accept no resource.",
      },
    ]);
  }
  stack.addOutputs({
    stateMachineArn: machine.stateMachineArn,
    checkinStateMachineArn: checkinMachine.stateMachineArn,
  });
  return { machine, checkinMachine, functions: { sendEmail, recordFailure } };
}
