import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { RateCounter } from "../../abuse/rate-limit";

/**
 * Rate-limit counters in the debriefs table: `RATE#<key>` items (the key holds only
 * digests and the window's start), incremented atomically and deleted by TTL after
 * their window. Expired windows are never read again, since the window is in the key.
 */
export function createDynamoRateCounter(tableName: string, client = new DynamoDBClient({})): RateCounter {
  const doc = DynamoDBDocumentClient.from(client);
  return {
    async hit(key, expiresAt) {
      const out = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: `RATE#${key}` },
          UpdateExpression:
            "ADD hits :one SET #ttl = if_not_exists(#ttl, :ttl), expiresAt = if_not_exists(expiresAt, :at)",
          ExpressionAttributeNames: { "#ttl": "ttl" },
          ExpressionAttributeValues: {
            ":one": 1,
            ":ttl": Math.floor(expiresAt.getTime() / 1000),
            ":at": expiresAt.toISOString(),
          },
          ReturnValues: "UPDATED_NEW",
        }),
      );
      return Number(out.Attributes?.hits ?? 0);
    },
  };
}
