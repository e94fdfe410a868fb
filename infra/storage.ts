import { ADDRESS_INDEX, CENTRE_INDEX, STUDENT_INDEX, TTL_ATTRIBUTE } from "@debrief/core/aws";
import { RemovalPolicy } from "aws-cdk-lib";
import { Config, type StackContext, Table } from "sst/constructs";
import { stageConfig } from "./config";

/**
 * One table for debriefs, page tokens and suppressed addresses (one item per `pk`;
 * operations scan; sparse indexes list a centre's debriefs, its counted students and an address's debriefs), on-demand, with point-in-time recovery. Every
 * debrief and token expires through the `ttl` attribute after the stage's retention.
 */
export function Storage({ stack, app }: StackContext) {
  const config = stageConfig(app);
  // SST's Table is on-demand with point-in-time recovery by default (the template tests hold it to that).
  const table = new Table(stack, "Debriefs", {
    fields: {
      pk: "string",
      [CENTRE_INDEX.partitionKey]: "string",
      [CENTRE_INDEX.sortKey]: "string",
      [ADDRESS_INDEX.partitionKey]: "string",
      [STUDENT_INDEX.partitionKey]: "string",
    },
    primaryIndex: { partitionKey: "pk" },
    globalIndexes: {
      // Lists a career centre's debriefs (the share list, a centre's deletion); sparse, since only centre debriefs carry `centre`.
      [CENTRE_INDEX.name]: {
        partitionKey: CENTRE_INDEX.partitionKey,
        sortKey: CENTRE_INDEX.sortKey,
        projection: [...CENTRE_INDEX.attributes],
      },
      // A centre's proven students for its statistics, with their digests; sparse (only proven debriefs carry `countedIn`).
      [STUDENT_INDEX.name]: {
        partitionKey: STUDENT_INDEX.partitionKey,
        sortKey: STUDENT_INDEX.sortKey,
        projection: [...STUDENT_INDEX.attributes],
      },
      // Finds an address's debriefs by the keyed digest each carries ("this wasn't me", bounces): no Scan.
      [ADDRESS_INDEX.name]: { partitionKey: ADDRESS_INDEX.partitionKey, projection: [...ADDRESS_INDEX.attributes] },
    },
    timeToLiveAttribute: TTL_ATTRIBUTE,
    cdk: {
      table: {
        deletionProtection: config.production,
        removalPolicy: config.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      },
    },
  });
  // The handlers' settings, bound to each function that reads them and validated at its cold start (core loadConfig).
  const parameters = Config.Parameter.create(stack, {
    FROM_ADDRESS: config.fromAddress,
    PUBLIC_URL: config.publicUrl,
    RETENTION_DAYS: String(config.retentionDays),
  });
  // The API's tunable settings (schedule, abuse limits), validated by the stage config; only the API reads them.
  const apiSettings = Object.values(Config.Parameter.create(stack, config.apiSettings));
  // The bot check, when configured: a public site key, and a secret kept in SSM (SecureString), never in the template.
  const botCheck = config.botCheckSiteKey
    ? {
        siteKey: new Config.Parameter(stack, "BOT_CHECK_SITE_KEY", { value: config.botCheckSiteKey }),
        secret: new Config.Secret(stack, "BOT_CHECK_SECRET"),
      }
    : undefined;
  // The keys of the address and IP digests and of the form's ticket: SST secrets kept in SSM (SecureString), set
  // per stage before the first deploy (README, "Deploying") and bound to each function that reads them. A bound
  // function fetches them at its cold start and refuses to start while one is not set; only the local stack,
  // where nothing is bound, keeps a key in the table instead (adapters/aws/form-secret.ts).
  const secrets = {
    DIGEST_SECRET: new Config.Secret(stack, "DIGEST_SECRET"),
    FORM_SECRET: new Config.Secret(stack, "FORM_SECRET"),
  };
  return { table, parameters, apiSettings, botCheck, secrets };
}
