import { describe, expect, it } from "vitest";
import { BATCH_GET_ATTEMPTS } from "../table";
import { type RequestBody, stubTable } from "./stub-client";
import { suppressionList } from "./suppression";

const TABLE = "stub";
const keysOf = (body: RequestBody): { pk: { S: string } }[] => body.RequestItems[TABLE]?.Keys ?? [];

describe("the suppression check", () => {
  it("reads both digests in one consistent BatchGetItem", async () => {
    const { table, seen } = stubTable(() => ({ Responses: { [TABLE]: [] } }));
    const store = suppressionList(table);
    expect(await store.isSuppressed("amira@example.com")).toBe(false);
    expect(seen.map((s) => s.operation)).toEqual(["BatchGetItem"]);
    expect(seen[0]?.body.RequestItems[TABLE]?.ConsistentRead).toBe(true);
    expect(new Set(keysOf(seen[0]!.body).map((k) => k.pk.S)).size).toBe(2);
  });

  it("asks again for the keys left unprocessed, and finds a suppression among them", async () => {
    let calls = 0;
    const { table, seen } = stubTable((_, body) => {
      calls++;
      const [first] = keysOf(body);
      // The first answer leaves one key unprocessed (the other: no item); the next finds its lasting item.
      if (calls === 1) return { Responses: { [TABLE]: [] }, UnprocessedKeys: { [TABLE]: { Keys: [first] } } };
      return {
        Responses: { [TABLE]: [{ pk: first?.pk, reason: { S: "bounce" }, at: { S: "2026-11-01T00:00:00.000Z" } }] },
      };
    });
    const store = suppressionList(table);
    expect(await store.isSuppressed("amira@example.com")).toBe(true);
    expect(seen).toHaveLength(2);
    expect(keysOf(seen[1]!.body)).toEqual(keysOf(seen[0]!.body).slice(0, 1));
    expect(seen[1]?.body.RequestItems[TABLE]?.ConsistentRead).toBe(true);
  });

  it("throws rather than answer 'not suppressed' when keys stay unprocessed", async () => {
    const { table, seen } = stubTable((_, body) => ({
      Responses: { [TABLE]: [] },
      UnprocessedKeys: { [TABLE]: { Keys: keysOf(body) } },
    }));
    const store = suppressionList(table);
    await expect(store.isSuppressed("amira@example.com")).rejects.toThrow(
      `left 2 of 2 keys unprocessed after ${BATCH_GET_ATTEMPTS} attempts`,
    );
    expect(seen).toHaveLength(BATCH_GET_ATTEMPTS);
  });
});
