import { randomBytes } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, isConditionFailure, keys } from "./table";

const KEY = { pk: keys.formTicketKey() };

/**
 * The key that signs form tickets when FORM_SECRET is not configured: made once per
 * deployment and kept in the table, so every Lambda instance verifies the forms the
 * others served. The first instance to start writes it; the rest read it.
 */
export async function sharedFormSecret(tableName: string, client = new DynamoDBClient({})): Promise<string> {
  const doc = documentClient(client);
  const read = async () =>
    (await doc.send(new GetCommand({ TableName: tableName, Key: KEY, ConsistentRead: true }))).Item?.secret as
      | string
      | undefined;
  const existing = await read();
  if (existing) return existing;
  const secret = randomBytes(32).toString("base64url");
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...KEY, secret },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
    return secret;
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    // Another instance was first: use its key.
    return (await read()) ?? secret;
  }
}
