import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { createDynamoStore } from "./dynamo-store";
import { BATCH_GET_ATTEMPTS } from "./table";

type Key = { pk: { S: string } };
type BatchGet = { RequestItems: Record<string, { Keys: Key[]; ConsistentRead?: boolean }> };

/**
 * A DynamoDB client whose requests never leave the process: `answer` gets each request's
 * target and body and returns the response body. Shows what dynalite cannot: a
 * BatchGetItem that leaves keys unprocessed, as DynamoDB does under throttling.
 */
function stubClient(answer: (target: string, body: BatchGet) => unknown) {
  const seen: { target: string; body: BatchGet }[] = [];
  const client = new DynamoDBClient({
    region: "us-east-1",
    endpoint: "http://dynamodb.stub",
    credentials: { accessKeyId: "stub", secretAccessKey: "stub" },
    maxAttempts: 1,
    requestHandler: {
      async handle(request: { headers: Record<string, string>; body: string | Uint8Array }) {
        const target = request.headers["x-amz-target"] ?? "";
        const text = typeof request.body === "string" ? request.body : new TextDecoder().decode(request.body);
        const body = JSON.parse(text) as BatchGet;
        seen.push({ target, body });
        const json = JSON.stringify(answer(target, body));
        return {
          response: {
            statusCode: 200,
            headers: { "content-type": "application/x-amz-json-1.0" },
            body: new TextEncoder().encode(json),
          },
        };
      },
    },
  });
  return { client, seen };
}

const TABLE = "stub";
const keysOf = (body: BatchGet) => body.RequestItems[TABLE]?.Keys ?? [];

describe("the DynamoDB store's suppression check", () => {
  it("reads both digests in one consistent BatchGetItem", async () => {
    const { client, seen } = stubClient(() => ({ Responses: { [TABLE]: [] } }));
    const store = createDynamoStore(TABLE, client, { digestSecret: "stub-secret" });
    expect(await store.isSuppressed("amira@example.com")).toBe(false);
    expect(seen.map((s) => s.target)).toEqual(["DynamoDB_20120810.BatchGetItem"]);
    expect(seen[0]?.body.RequestItems[TABLE]?.ConsistentRead).toBe(true);
    expect(new Set(keysOf(seen[0]!.body).map((k) => k.pk.S)).size).toBe(2);
  });

  it("asks again for the keys left unprocessed, and finds a suppression among them", async () => {
    let calls = 0;
    const { client, seen } = stubClient((_, body) => {
      calls++;
      const [first] = keysOf(body);
      // The first answer leaves one key unprocessed (the other: no item); the next finds its lasting item.
      if (calls === 1) return { Responses: { [TABLE]: [] }, UnprocessedKeys: { [TABLE]: { Keys: [first] } } };
      return {
        Responses: { [TABLE]: [{ pk: first?.pk, reason: { S: "bounce" }, at: { S: "2026-11-01T00:00:00.000Z" } }] },
      };
    });
    const store = createDynamoStore(TABLE, client, { digestSecret: "stub-secret" });
    expect(await store.isSuppressed("amira@example.com")).toBe(true);
    expect(seen).toHaveLength(2);
    expect(keysOf(seen[1]!.body)).toEqual(keysOf(seen[0]!.body).slice(0, 1));
    expect(seen[1]?.body.RequestItems[TABLE]?.ConsistentRead).toBe(true);
  });

  it("throws rather than answer 'not suppressed' when keys stay unprocessed", async () => {
    const { client, seen } = stubClient((_, body) => ({
      Responses: { [TABLE]: [] },
      UnprocessedKeys: { [TABLE]: { Keys: keysOf(body) } },
    }));
    const store = createDynamoStore(TABLE, client, { digestSecret: "stub-secret" });
    await expect(store.isSuppressed("amira@example.com")).rejects.toThrow(
      `left 2 of 2 keys unprocessed after ${BATCH_GET_ATTEMPTS} attempts`,
    );
    expect(seen).toHaveLength(BATCH_GET_ATTEMPTS);
  });
});
