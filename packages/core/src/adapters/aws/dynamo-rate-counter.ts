import { ConditionalCheckFailedException, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { RateCounter } from "../../abuse/rate-limit";

/**
 * Rate-limit counters in the debriefs table: `RATE#<key>` items (the key holds only
 * digests and the window's start) holding the set of debrief ids counted, added to
 * atomically under a size condition and deleted by TTL after their window. Expired
 * windows are never read again, since the window is in the key. The set never
 * grows past the limit, so keep limits below ~5,000 (the 400 KB item size).
 */
export function createDynamoRateCounter(tableName: string, client = new DynamoDBClient({})): RateCounter {
  const doc = DynamoDBDocumentClient.from(client);
  return {
    async admit(key, id, limit, expiresAt) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: `RATE#${key}` },
            UpdateExpression:
              "ADD ids :ids SET #ttl = if_not_exists(#ttl, :ttl), expiresAt = if_not_exists(expiresAt, :at)",
            ConditionExpression: "attribute_not_exists(ids) OR contains(ids, :id) OR size(ids) < :limit",
            ExpressionAttributeNames: { "#ttl": "ttl" },
            ExpressionAttributeValues: {
              ":ids": new Set([id]),
              ":id": id,
              ":limit": limit,
              ":ttl": Math.floor(expiresAt.getTime() / 1000),
              ":at": expiresAt.toISOString(),
            },
          }),
        );
        return true;
      } catch (e) {
        if (e instanceof ConditionalCheckFailedException) return false;
        throw e;
      }
    },
  };
}
