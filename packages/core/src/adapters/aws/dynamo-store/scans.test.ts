import { describe, expect, it } from "vitest";
import { keys } from "../table";
import { tableScans } from "./scans";
import { stubTable } from "./stub-client";

const NOW = new Date("2026-12-01T09:00:00.000Z");

describe("the table scans", () => {
  it("list the debriefs that have not expired, as debriefs", async () => {
    const { table, seen } = stubTable(() => ({
      Items: [
        { pk: { S: keys.debrief("a") }, id: { S: "a" }, expiresAt: { S: "2027-01-01T00:00:00.000Z" }, ttl: { N: "1" } },
        { pk: { S: keys.debrief("b") }, id: { S: "b" }, expiresAt: { S: "2026-11-01T00:00:00.000Z" } },
      ],
    }));
    const listed = [];
    for await (const d of tableScans(table).listDebriefs(NOW)) listed.push(d);
    expect(listed).toEqual([{ id: "a", expiresAt: "2027-01-01T00:00:00.000Z" }]);
    expect(seen[0]?.body).toMatchObject({
      ConsistentRead: true,
      ExpressionAttributeValues: { ":prefix": { S: keys.debrief("") } },
    });
  });

  it("delete what is past its retention, counting only what was still past it when deleted", async () => {
    const { table } = stubTable((operation, body) => {
      if (operation === "Scan") return { Items: [{ pk: { S: keys.debrief("a") } }, { pk: { S: keys.token("b") } }] };
      // The token's retention was extended since the scan.
      return body.Key.pk.S === keys.token("b") ? { error: "ConditionalCheckFailedException" } : {};
    });
    expect(await tableScans(table).deleteExpired(NOW)).toBe(1);
  });

  it("give each debrief without an address digest its digest, skipping items without an address", async () => {
    const { table, seen } = stubTable((operation) =>
      operation === "Scan"
        ? {
            Items: [
              {
                pk: { S: keys.debrief("a") },
                input: { M: { candidate: { M: { email: { S: "Amira@Example.com" } } } } },
              },
              { pk: { S: keys.debrief("b") } },
            ],
          }
        : {},
    );
    expect(await tableScans(table).backfillAddressDigests()).toBe(1);
    const update = seen.find((s) => s.operation === "UpdateItem");
    expect(update?.body.Key.pk.S).toBe(keys.debrief("a"));
    expect(update?.body.ExpressionAttributeValues[":digest"].S).toBe(await table.digestOf("amira@example.com"));
  });
});
