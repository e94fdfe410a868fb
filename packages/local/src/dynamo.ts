import type { Server } from "node:http";
import { createRequire } from "node:module";
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import { TABLE_INDEXES } from "@debrief/core/aws";
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
    for (const { name } of TABLE_INDEXES) {
      if (!Table?.GlobalSecondaryIndexes?.some((i) => i.IndexName === name)) {
        // dynalite cannot add an index to an existing table.
        console.warn(`The local table predates the ${name} index: delete the data directory to add it.`);
      }
    }
    return;
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
  }
  const keyAttributes = new Set([
    "pk",
    ...TABLE_INDEXES.flatMap((i) => (i.sortKey ? [i.partitionKey, i.sortKey] : [i.partitionKey])),
  ]);
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [...keyAttributes].map((AttributeName) => ({ AttributeName, AttributeType: "S" })),
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
      GlobalSecondaryIndexes: TABLE_INDEXES.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: "HASH" },
          ...(index.sortKey ? [{ AttributeName: index.sortKey, KeyType: "RANGE" as const }] : []),
        ],
        Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: [...index.attributes] },
      })),
      BillingMode: "PAY_PER_REQUEST",
    }),
  );
  // dynalite answers "not found" while a new table is CREATING (a timer away, later on a busy machine).
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { TableName: tableName });
}
