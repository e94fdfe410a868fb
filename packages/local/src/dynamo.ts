import type { Server } from "node:http";
import { createRequire } from "node:module";
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
} from "@aws-sdk/client-dynamodb";
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
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
      BillingMode: "PAY_PER_REQUEST",
    }),
  );
}
