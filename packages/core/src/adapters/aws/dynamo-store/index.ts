import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { addressDigest, studentDigest } from "../../../digest";
import type { DebriefStore } from "../../../ports";
import { digestSecretFor } from "../form-secret";
import { documentClient } from "../table";
import type { StoreTable } from "./context";
import { debriefStorage } from "./debriefs";
import { earlierReleases } from "./earlier-releases";
import { tableScans } from "./scans";
import { sendClaims } from "./send-claims";
import { suppressionList } from "./suppression";

/**
 * The debrief store over the single table (see ../table.ts for its items), in parts: the
 * debriefs, their send claims, the suppression list, the whole-table scans, and what data
 * written before release 0.1.0 needs (earlier-releases.ts).
 */
export function createDynamoStore(
  tableName: string,
  client = new DynamoDBClient({}),
  options: { digestSecret?: string } = {},
): DebriefStore {
  const digestSecret = digestSecretFor(tableName, client, options.digestSecret);
  const table: StoreTable = {
    doc: documentClient(client),
    TableName: tableName,
    digestOf: async (address) => addressDigest(await digestSecret(), address),
    studentDigestOf: async (address) => studentDigest(await digestSecret(), address),
  };
  const earlier = earlierReleases(table);
  return {
    ...debriefStorage(table, earlier),
    ...sendClaims(table),
    ...suppressionList(table),
    ...tableScans(table),
    storedTokens: {
      findPageToken: earlier.findPageToken,
      findActionToken: earlier.findActionToken,
      consumeActionToken: earlier.consumeActionToken,
    },
    async ping() {
      await client.send(new DescribeTableCommand({ TableName: tableName }));
    },
  };
}
