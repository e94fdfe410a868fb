import { randomBytes } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { keptUntilFailure } from "../../kept";
import { documentClient, keys, unlessRefused } from "./table";

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
 * The key of the address and IP digests for the stores: the configured one, or the
 * table's, read on first use and kept (see keptSecret).
 */
export function digestSecretFor(tableName: string, client: DynamoDBClient, configured?: string): () => Promise<string> {
  return keptSecret(tableName, keys.digestKey(), client, configured);
}

/**
 * The key that signs form tickets for the API: FORM_SECRET if configured, or the table's,
 * read on the first form (only the HTML forms need it, not a cold start) and kept.
 */
export function formSecretFor(tableName: string, client: DynamoDBClient, configured?: string): () => Promise<string> {
  return keptSecret(tableName, keys.formTicketKey(), client, configured);
}

/**
 * A key kept in the table, read once per process: cached per client, table and key, so the
 * stores of one process share one read. A failed read (the table unreachable) is tried
 * again on the next call.
 */
const keptSecrets = new WeakMap<DynamoDBClient, Map<string, () => Promise<string>>>();
function keptSecret(tableName: string, pk: string, client: DynamoDBClient, configured?: string) {
  if (configured) return () => Promise.resolve(configured);
  const perClient = keptSecrets.get(client) ?? new Map<string, () => Promise<string>>();
  keptSecrets.set(client, perClient);
  const key = `${tableName}\0${pk}`;
  let read = perClient.get(key);
  if (!read) {
    read = keptUntilFailure(() => sharedSecret(tableName, pk, client));
    perClient.set(key, read);
  }
  return read;
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
  const written = await unlessRefused(
    doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...KEY, secret },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    ),
  );
  if (written) return secret;
  // Another instance was first: use its key.
  return (await read()) ?? secret;
}
