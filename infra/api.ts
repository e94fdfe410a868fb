import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Api as HttpApi, type StackContext, use } from "sst/constructs";
import { Email } from "./email";
import { lambdaDefaults } from "./settings";
import { Storage } from "./storage";
import { publicUrl, Workflow } from "./workflow";

/** The Hono app behind an HTTP API. */
export function Api({ stack }: StackContext) {
  const { table } = use(Storage);
  const { fromAddress } = use(Email);
  const { machine } = use(Workflow);

  const api = new HttpApi(stack, "Api", {
    defaults: {
      function: {
        ...lambdaDefaults,
        timeout: "10 seconds",
        bind: [table],
        environment: {
          TABLE_NAME: table.tableName,
          FROM_ADDRESS: fromAddress,
          STATE_MACHINE_ARN: machine.stateMachineArn,
          PUBLIC_URL: publicUrl(),
        },
      },
    },
    routes: { $default: "packages/functions/src/api.handler" },
  });
  const fn = api.getFunction("$default");
  if (fn) {
    machine.grantStartExecution(fn);
    // The health check reads the machine and the account's sending status; the API never sends email.
    machine.grant(fn, "states:DescribeStateMachine");
    fn.addToRolePolicy(new PolicyStatement({ actions: ["ses:GetAccount"], resources: ["*"] }));
  }
  stack.addOutputs({ url: api.url });
  return { api };
}
