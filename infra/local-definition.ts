import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import { checkinDefinition, WORKFLOW_FUNCTIONS, WORKFLOW_TIMEOUT, workflowDefinition } from "./workflow-definition";

export const LOCAL_ACCOUNT = "000000000000";
export const LOCAL_REGION = "us-east-1";
export const localFunctionArn = (name: string) => `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${name}`;

/**
 * Synthesizes the deployed workflow in a bare CDK stack, with the Lambda functions
 * imported under fixed local ARNs, and returns its Amazon States Language: the same
 * definition infra deploys, with no hand-written copy: the debrief's workflow, or the
 * check-in workflow its tips step starts for a career-centre debrief.
 */
export function synthesizeLocalDefinition(machine: "debrief" | "checkins" = "debrief"): Record<string, unknown> {
  const app = new App();
  const stack = new Stack(app, "LocalWorkflow", { env: { account: LOCAL_ACCOUNT, region: LOCAL_REGION } });
  const fns = {
    sendEmail: lambda.Function.fromFunctionArn(stack, "SendEmailFn", localFunctionArn(WORKFLOW_FUNCTIONS.sendEmail)),
    recordFailure: lambda.Function.fromFunctionArn(
      stack,
      "RecordFailureFn",
      localFunctionArn(WORKFLOW_FUNCTIONS.recordFailure),
    ),
  };
  new sfn.StateMachine(stack, "Workflow", {
    definitionBody: sfn.DefinitionBody.fromChainable(
      (machine === "checkins" ? checkinDefinition : workflowDefinition)(stack, fns),
    ),
    stateMachineType: sfn.StateMachineType.STANDARD,
    timeout: WORKFLOW_TIMEOUT,
  });
  const machines = Template.fromStack(stack).findResources("AWS::StepFunctions::StateMachine");
  const [synthesized] = Object.values(machines);
  return JSON.parse(resolveIntrinsics(synthesized?.Properties?.DefinitionString));
}

/** Joins the few intrinsics CDK may leave in a definition (`Fn::Join`, `Ref AWS::Partition`). */
function resolveIntrinsics(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v["Fn::Join"])) {
      const [sep, parts] = v["Fn::Join"] as [string, unknown[]];
      return parts.map(resolveIntrinsics).join(sep);
    }
    if (v.Ref === "AWS::Partition") return "aws";
    if (v.Ref === "AWS::Region") return LOCAL_REGION;
    if (v.Ref === "AWS::AccountId") return LOCAL_ACCOUNT;
  }
  throw new Error(`Cannot resolve ${JSON.stringify(value)} in the local workflow definition`);
}
