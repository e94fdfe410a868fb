import { RemovalPolicy } from "aws-cdk-lib";
import { type StackContext, Table } from "sst/constructs";
import { isProductionStage } from "./settings";

/** One table for debriefs and their page tokens; every item expires through the `ttl` attribute. */
export function Storage({ stack, app }: StackContext) {
  const production = isProductionStage(app);
  const table = new Table(stack, "Debriefs", {
    fields: { pk: "string" },
    primaryIndex: { partitionKey: "pk" },
    timeToLiveAttribute: "ttl",
    cdk: {
      table: {
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: production,
        removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      },
    },
  });
  return { table };
}
