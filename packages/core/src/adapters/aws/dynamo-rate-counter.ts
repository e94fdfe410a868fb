import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { RateCounter } from "../../abuse/rate-limit";
import { addressDigest, keyedDigest } from "../../digest";
import { digestSecretFor } from "./form-secret";
import { documentClient, keys, TTL_ATTRIBUTE, ttlOf, unlessRefused } from "./table";

/**
 * Rate-limit counters in the single table (see table.ts): one item per key (the key holds only
 * digests and the window's start) holding the set of debrief ids counted, added to
 * atomically under a size condition and deleted by TTL after their window. Expired
 * windows are never read again, since the window is in the key. The set never
 * grows past the limit, so keep limits below ~5,000 (the 400 KB item size).
 */
export function createDynamoRateCounter(
  tableName: string,
  client = new DynamoDBClient({}),
  options: { digestSecret?: string } = {},
): RateCounter {
  const doc = documentClient(client);
  const digestSecret = digestSecretFor(tableName, client, options.digestSecret);
  return {
    async digest(purpose, value) {
      const secret = await digestSecret();
      return purpose === "address" ? addressDigest(secret, value) : keyedDigest(secret, "ip", value);
    },
    async admit(key, id, limit, expiresAt) {
      const counted = await unlessRefused(
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: keys.rate(key) },
            UpdateExpression:
              "ADD ids :ids SET #ttl = if_not_exists(#ttl, :ttl), expiresAt = if_not_exists(expiresAt, :at)",
            ConditionExpression: "attribute_not_exists(ids) OR contains(ids, :id) OR size(ids) < :limit",
            ExpressionAttributeNames: { "#ttl": TTL_ATTRIBUTE },
            ExpressionAttributeValues: {
              ":ids": new Set([id]),
              ":id": id,
              ":limit": limit,
              ":ttl": ttlOf(expiresAt),
              ":at": expiresAt.toISOString(),
            },
          }),
        ),
      );
      return counted !== undefined;
    },
  };
}
