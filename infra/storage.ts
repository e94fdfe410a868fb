import { RemovalPolicy } from "aws-cdk-lib";
import { type StackContext, Table } from "sst/constructs";
import { CENTRE_INDEX } from "../packages/core/src/adapters/aws/centre-index";
import { isProductionStage } from "./settings";

/** One table for debriefs and their page tokens; every item expires through the `ttl` attribute. */
export function Storage({ stack, app }: StackContext) {
  const production = isProductionStage(app);
  const table = new Table(stack, "Debriefs", {
    fields: { pk: "string", [CENTRE_INDEX.partitionKey]: "string", [CENTRE_INDEX.sortKey]: "string" },
    primaryIndex: { partitionKey: "pk" },
    // Lists a career centre's debriefs for its statistics; sparse, since only centre debriefs carry `centre`.
    globalIndexes: {
      [CENTRE_INDEX.name]: {
        partitionKey: CENTRE_INDEX.partitionKey,
        sortKey: CENTRE_INDEX.sortKey,
        projection: [...CENTRE_INDEX.attributes],
      },
    },
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
