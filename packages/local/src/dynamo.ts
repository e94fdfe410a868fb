import type { Server } from "node:http";
import { createRequire } from "node:module";
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
} from "@aws-sdk/client-dynamodb";
import { ADDRESS_INDEX, CENTRE_INDEX } from "../../core/src/adapters/aws/table";
import { close, listen } from "./net";

const require = createRequire(import.meta.url);
const dynalite = require("dynalite") as (opts: {
  path?: string;
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}) => Server;

/** dynalite on loopback, persisted under `path` (LevelDB). Only one process may open a path. */
export async function startDynamo(path: string, port: number) {
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const actualPort = await listen(server, port);
  return { port: actualPort, endpoint: `http://127.0.0.1:${actualPort}`, close: () => close(server) };
}

/** Creates the table the app uses (same key schema as infra/storage.ts) unless it exists. */
export async function ensureTable(client: DynamoDBClient, tableName: string) {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    for (const index of [CENTRE_INDEX.name, ADDRESS_INDEX.name]) {
      if (!Table?.GlobalSecondaryIndexes?.some((i) => i.IndexName === index)) {
        // dynalite cannot add an index to an existing table.
        console.warn(`The local table predates the ${index} index: delete the data directory to add it.`);
      }
    }
    return;
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: CENTRE_INDEX.partitionKey, AttributeType: "S" },
        { AttributeName: CENTRE_INDEX.sortKey, AttributeType: "S" },
        { AttributeName: ADDRESS_INDEX.partitionKey, AttributeType: "S" },
      ],
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
      GlobalSecondaryIndexes: [
        {
          IndexName: CENTRE_INDEX.name,
          KeySchema: [
            { AttributeName: CENTRE_INDEX.partitionKey, KeyType: "HASH" },
            { AttributeName: CENTRE_INDEX.sortKey, KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: [...CENTRE_INDEX.attributes] },
        },
        {
          IndexName: ADDRESS_INDEX.name,
          KeySchema: [{ AttributeName: ADDRESS_INDEX.partitionKey, KeyType: "HASH" }],
          Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: [...ADDRESS_INDEX.attributes] },
        },
      ],
      BillingMode: "PAY_PER_REQUEST",
    }),
  );
}
