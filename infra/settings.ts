import { RemovalPolicy, type Stack } from "aws-cdk-lib";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { LoggingFormat } from "aws-cdk-lib/aws-lambda";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { type App, type FunctionProps, Function as SstFunction } from "sst/constructs";
import { lambdaBundling } from "./bundling";
import { isProductionStage as isProductionStageName } from "./config";
import { acceptFunctionFindings } from "./nag";

/** Stages whose data must survive a mistaken `sst remove`. */
export const isProductionStage = (app: App) => isProductionStageName(app.stage);

/** How long Lambda, workflow and API logs are kept. */
export const LOG_RETENTION = RetentionDays.ONE_MONTH;

/** Shared defaults of every Lambda: Node 22 on arm64, bundled and minified with the SDK clients it uses. */
export const lambdaDefaults = {
  runtime: "nodejs22.x",
  architecture: "arm_64",
  memorySize: "512 MB",
  tracing: "active",
  nodejs: lambdaBundling,
} as const;

/** A log group with the retention set, created with the stack (instead of a LogRetention custom resource). */
export function logGroup(stack: Stack, id: string) {
  return new LogGroup(stack, `${id}Logs`, {
    retention: LOG_RETENTION,
    removalPolicy: RemovalPolicy.DESTROY,
  });
}

/**
 * A Lambda function with the shared defaults and its own log group. `invocation`
 * says how it is called: only asynchronous invocations can use a dead-letter queue.
 */
export function lambdaFunction(
  stack: Stack,
  id: string,
  props: FunctionProps & { handler: string },
  invocation: "sync" | "async" = "sync",
) {
  const fn = new SstFunction(stack, id, {
    ...lambdaDefaults,
    logGroup: logGroup(stack, id),
    // Lambda's own lines (start, end, report) as JSON too, next to Powertools' structured logs.
    loggingFormat: LoggingFormat.JSON,
    ...props,
    environment: { POWERTOOLS_SERVICE_NAME: "interview-debrief", POWERTOOLS_LOG_LEVEL: "INFO", ...props.environment },
  });
  acceptFunctionFindings(fn, invocation);
  return fn;
}

/** The table's data actions each handler uses, granted on the table's ARN only (no `dynamodb:*`, no index wildcard). */
export const TABLE_ACCESS = {
  read: ["dynamodb:GetItem"],
  // The suppression list's two digests of an address in one request (isSuppressed): only its callers get it.
  batchRead: ["dynamodb:BatchGetItem"],
  write: ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"],
  put: ["dynamodb:PutItem"],
  update: ["dynamodb:UpdateItem"],
  delete: ["dynamodb:DeleteItem"],
  scan: ["dynamodb:Scan"],
  describe: ["dynamodb:DescribeTable"],
} as const;

export function grantTable(fn: SstFunction, table: ITable, ...access: (keyof typeof TABLE_ACCESS)[]) {
  fn.addToRolePolicy(
    new PolicyStatement({ actions: access.flatMap((a) => TABLE_ACCESS[a]), resources: [table.tableArn] }),
  );
}

/** Query on one named index of the table (e.g. a centre's debriefs), by its ARN. */
export function grantIndexQuery(fn: SstFunction, table: ITable, indexName: string) {
  fn.addToRolePolicy(
    new PolicyStatement({ actions: ["dynamodb:Query"], resources: [`${table.tableArn}/index/${indexName}`] }),
  );
}
