import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import { Function as SstFunction, type StackContext, use } from "sst/constructs";
import { Email } from "./email";
import { lambdaDefaults } from "./settings";
import { Storage } from "./storage";
import { WORKFLOW_TIMEOUT, workflowDefinition } from "./workflow-definition";

export const publicUrl = () => process.env.PUBLIC_URL ?? "https://debrief.example.com";

/** The Standard state machine that sends the letter, the nudge and the tips. */
export function Workflow({ stack }: StackContext) {
  const { table } = use(Storage);
  const { identity, fromAddress } = use(Email);
  const environment = { TABLE_NAME: table.tableName, FROM_ADDRESS: fromAddress, PUBLIC_URL: publicUrl() };

  const sendEmail = new SstFunction(stack, "SendEmail", {
    ...lambdaDefaults,
    handler: "packages/functions/src/steps.sendEmail",
    timeout: "30 seconds",
    environment,
    bind: [table],
  });
  identity.grantSendEmail(sendEmail);
  const recordFailure = new SstFunction(stack, "RecordFailure", {
    ...lambdaDefaults,
    handler: "packages/functions/src/steps.recordFailure",
    timeout: "10 seconds",
    environment,
    bind: [table],
  });

  const machine = new sfn.StateMachine(stack, "DebriefWorkflow", {
    stateMachineType: sfn.StateMachineType.STANDARD,
    definitionBody: sfn.DefinitionBody.fromChainable(workflowDefinition(stack, { sendEmail, recordFailure })),
    timeout: WORKFLOW_TIMEOUT,
  });
  return { machine };
}
