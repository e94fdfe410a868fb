import { ADDRESS_INDEX, CENTRE_INDEX, STUDENT_INDEX } from "@debrief/core/aws";
import { Certificate } from "aws-cdk-lib/aws-certificatemanager";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Config, Api as HttpApi, type StackContext, use } from "sst/constructs";
import { apiBundling } from "./bundling";
import { stageConfig } from "./config";
import { Email, grantSendEmail } from "./email";
import { accept } from "./nag";
import { grantIndexQuery, grantTable, lambdaFunction } from "./settings";
import { Storage } from "./storage";
import { grantStopExecutions, Workflow } from "./workflow";

/** API access log fields: no caller IP and no user agent (personal data), no path (carries a page token). */
export const ACCESS_LOG_FORMAT = JSON.stringify({
  requestTime: "$context.requestTime",
  requestId: "$context.requestId",
  httpMethod: "$context.httpMethod",
  routeKey: "$context.routeKey",
  status: "$context.status",
  responseLatency: "$context.responseLatency",
  integrationStatus: "$context.integration.status",
  integrationError: "$context.integrationErrorMessage",
});

/** The Hono app on Lambda behind an HTTP API, throttled, with CORS limited to the configured origins. */
export function Api({ stack, app }: StackContext) {
  const config = stageConfig(app);
  const { table, parameters, apiSettings, botCheck, secrets } = use(Storage);
  const { machine, checkinMachine } = use(Workflow);

  const handler = lambdaFunction(stack, "ApiHandler", {
    // Imports no email template: only the send step renders emails.
    handler: "packages/functions/src/api.handler",
    nodejs: apiBundling,
    timeout: "10 seconds",
    environment: {
      TABLE_NAME: table.tableName,
      STATE_MACHINE_ARN: machine.stateMachineArn,
      // Stopping the emails or erasing a debrief stops its check-ins too.
      CHECKIN_STATE_MACHINE_ARN: checkinMachine.stateMachineArn,
    },
    bind: [
      parameters.FROM_ADDRESS,
      parameters.PUBLIC_URL,
      parameters.RETENTION_DAYS,
      ...apiSettings,
      // Digests of addresses and IPs (suppression, rate limits, the address index); the form's ticket.
      secrets.DIGEST_SECRET,
      secrets.FORM_SECRET,
      ...(botCheck ? [botCheck.siteKey, botCheck.secret] : []),
      // The edge's origin header: the API trusts CloudFront's viewer address only beside it.
      ...(config.edge ? [new Config.Parameter(stack, "EDGE_ORIGIN_SECRET", { value: config.edge.originSecret })] : []),
    ],
  });
  // batchRead: the candidate's page says when the address is suppressed; "this wasn't me" checks it first.
  // No Scan: no route lists the table (operations do, with their own roles).
  grantTable(handler, table.cdk.table, "read", "batchRead", "write", "describe");
  // A career centre's share list and statistics; "this wasn't me" finds the address's debriefs (no Scan).
  grantIndexQuery(handler, table.cdk.table, CENTRE_INDEX.name);
  grantIndexQuery(handler, table.cdk.table, STUDENT_INDEX.name);
  grantIndexQuery(handler, table.cdk.table, ADDRESS_INDEX.name);
  // A centre's advisors get their sign-in links and invitations from the API itself.
  grantSendEmail(handler, stack, use(Email));
  machine.grantStartExecution(handler);
  grantStopExecutions(handler, stack, [machine, checkinMachine]);
  // The health check reads the machine and the account's sending status.
  machine.grant(handler, "states:DescribeStateMachine");
  handler.addToRolePolicy(new PolicyStatement({ actions: ["ses:GetAccount"], resources: ["*"] }));
  accept(handler, [
    {
      id: "AwsSolutions-IAM5",
      appliesTo: ["Resource::*"],
      reason: "ses:GetAccount (the health check's read of the sending status) accepts no resource.",
    },
  ]);

  const api = new HttpApi(stack, "Api", {
    defaults: { throttle: { rate: config.throttle.rate, burst: config.throttle.burst } },
    cors: {
      allowOrigins: config.corsOrigins,
      allowMethods: ["GET", "POST"],
      // What the JSON API reads (a retry's Idempotency-Key, the admin API's Authorization) and what a browser
      // client needs to see of its answers (when to retry, whether it was a replay).
      allowHeaders: ["content-type", "idempotency-key", "authorization"],
      exposeHeaders: ["retry-after", "idempotent-replayed"],
      maxAge: "1 day",
    },
    accessLog: { format: ACCESS_LOG_FORMAT, retention: "one_month" },
    // The certificate is given, not looked up: synthesis needs no AWS account; point the domain's CNAME at the output.
    // With the edge (edge.ts), CloudFront serves the domain and this endpoint is its origin.
    customDomain: config.edge
      ? undefined
      : config.apiDomain && {
          domainName: config.apiDomain.name,
          isExternalDomain: true,
          cdk: {
            certificate: Certificate.fromCertificateArn(stack, "ApiCertificate", config.apiDomain.certificateArn),
          },
        },
    // With a custom domain, that is the one way in: the default execute-api endpoint would bypass it.
    cdk: { httpApi: { disableExecuteApiEndpoint: Boolean(config.apiDomain) && !config.edge } },
    routes: { $default: { function: handler } },
  });
  accept(api, [
    {
      id: "AwsSolutions-APIG4",
      reason:
        "A public form: anyone may submit a debrief (validated, throttled); a candidate's page is reached only " +
        "with an unguessable 256-bit token.",
    },
  ]);
  stack.addOutputs({ url: api.customDomainUrl ?? api.url });
  // The custom domain's CNAME target (DNS stays the operator's): its API Gateway regional domain name.
  if (api.cdk.domainName) stack.addOutputs({ apiDomainTarget: api.cdk.domainName.regionalDomainName });
  return { api, handler };
}
