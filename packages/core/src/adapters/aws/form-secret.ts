import { randomBytes } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, isConditionFailure, keys } from "./table";

/**
 * The key that signs form tickets when FORM_SECRET is not configured: made once per
 * deployment and kept in the table, so every Lambda instance verifies the forms the
 * others served. The first instance to start writes it; the rest read it.
 */
export function sharedFormSecret(tableName: string, client = new DynamoDBClient({})): Promise<string> {
  return sharedSecret(tableName, keys.formTicketKey(), client);
}

/** The same for the key of the address and IP digests (digest.ts) when DIGEST_SECRET is not configured. */
export function sharedDigestSecret(tableName: string, client = new DynamoDBClient({})): Promise<string> {
  return sharedSecret(tableName, keys.digestKey(), client);
}

/**
 * Cold starts read the digest key once: the configured one, or the table's. Cached per
 * table and client, so the stores of one process share one read.
 */
const digestSecrets = new WeakMap<DynamoDBClient, Map<string, Promise<string>>>();
export function digestSecretFor(tableName: string, client: DynamoDBClient, configured?: string): () => Promise<string> {
  if (configured) return () => Promise.resolve(configured);
  return () => {
    const perTable = digestSecrets.get(client) ?? new Map<string, Promise<string>>();
    digestSecrets.set(client, perTable);
    let secret = perTable.get(tableName);
    if (!secret) {
      secret = sharedDigestSecret(tableName, client);
      // A failed read (the table unreachable) is tried again on the next call.
      secret.catch(() => perTable.delete(tableName));
      perTable.set(tableName, secret);
    }
    return secret;
  };
}

async function sharedSecret(tableName: string, pk: string, client: DynamoDBClient): Promise<string> {
  const KEY = { pk };
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
