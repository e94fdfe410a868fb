import { NagSuppressions } from "cdk-nag";
import type { IConstruct } from "constructs";
import type { App } from "sst/constructs";

/** A finding accepted on purpose, with the reason it is acceptable here. */
type Accepted = { id: string; reason: string; appliesTo?: string[] };

export function accept(construct: IConstruct, findings: Accepted[]) {
  NagSuppressions.addResourceSuppressions(construct, findings, true);
}

const NODE_22 =
  "nodejs22.x is the runtime the code and its tests target (Node 22 LTS, supported by Lambda until 2027).";

/** Findings every Lambda function of ours shares. */
export function acceptFunctionFindings(fn: IConstruct, invocation: "sync" | "async") {
  const findings: Accepted[] = [
    {
      id: "AwsSolutions-IAM4",
      appliesTo: ["Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
      reason: "The managed policy only lets the function write its own CloudWatch logs.",
    },
    {
      id: "AwsSolutions-IAM5",
      appliesTo: ["Resource::*"],
      reason: "Only X-Ray's PutTraceSegments/PutTelemetryRecords (active tracing), which accept no resource.",
    },
    { id: "AwsSolutions-L1", reason: NODE_22 },
    { id: "Serverless-LambdaLatestVersion", reason: NODE_22 },
  ];
  if (invocation === "async") {
    findings.push({
      id: "Serverless-LambdaDLQ",
      reason:
        "Failed asynchronous invocations go to an on-failure destination (SQS), which keeps more context than a DLQ.",
    });
  }
  if (invocation === "sync") {
    findings.push({
      id: "Serverless-LambdaDLQ",
      reason:
        "Invoked synchronously (API Gateway, a Step Functions task, an operator): a DLQ only receives failed " +
        "asynchronous invocations; failures reach the caller (HTTP error, the workflow's Retry and Catch).",
    });
  }
  accept(fn, findings);
}

/** Findings on what SST adds to every stack itself. */
export function suppressNagFindings(app: App) {
  for (const stack of app.node.children) {
    const handler = stack.node.tryFindChild("CustomResourceHandler");
    if (!handler) continue;
    accept(handler, [
      {
        id: "AwsSolutions-IAM4",
        reason: "SST's deployment-time custom resource handler (stack metadata); SST owns its role.",
      },
      { id: "AwsSolutions-L1", reason: "SST's deployment-time handler: SST pins its runtime." },
      { id: "Serverless-LambdaLatestVersion", reason: "SST's deployment-time handler: SST pins its runtime." },
      { id: "Serverless-LambdaDLQ", reason: "Invoked synchronously by CloudFormation during deploys only." },
      { id: "Serverless-LambdaTracing", reason: "Runs only during deploys; nothing to trace for the service." },
    ]);
  }
}
