import { describe, expect, it } from "vitest";
import { keys } from "../table";
import { earlierReleases, unkeyedSuppressionKey } from "./earlier-releases";
import { stubTable } from "./stub-client";

const NOW = new Date("2026-12-01T09:00:00.000Z");
const item = (extra: Record<string, unknown>) => ({
  Item: { pk: { S: keys.token("h") }, debriefId: { S: "d1" }, expiresAt: { S: "2027-01-01T00:00:00.000Z" }, ...extra },
});

describe("what data from before 0.1.0 needs", () => {
  it("lead a page token to its debrief until they expire; an action token is no page token", async () => {
    expect(await earlierReleases(stubTable(() => item({})).table).findPageToken("h", NOW)).toBe("d1");
    const expired = item({ expiresAt: { S: "2026-11-30T00:00:00.000Z" } });
    expect(await earlierReleases(stubTable(() => expired).table).findPageToken("h", NOW)).toBeUndefined();
    const action = item({ action: { S: "stop" } });
    expect(await earlierReleases(stubTable(() => action).table).findPageToken("h", NOW)).toBeUndefined();
    expect(await earlierReleases(stubTable(() => ({})).table).findPageToken("h", NOW)).toBeUndefined();
  });

  it("find an action token without using it, and use it up for exactly one caller", async () => {
    const action = item({ action: { S: "snooze" } });
    expect(await earlierReleases(stubTable(() => action).table).findActionToken("h", NOW)).toEqual({
      debriefId: "d1",
      action: "snooze",
    });
    const once = stubTable(() => ({ Attributes: action.Item }));
    expect(await earlierReleases(once.table).consumeActionToken("h", NOW)).toEqual({
      debriefId: "d1",
      action: "snooze",
    });
    expect(once.seen[0]).toMatchObject({
      operation: "DeleteItem",
      body: { ConditionExpression: "attribute_exists(#action) AND expiresAt > :now", ReturnValues: "ALL_OLD" },
    });
    const later = stubTable(() => ({ error: "ConditionalCheckFailedException" }));
    expect(await earlierReleases(later.table).consumeActionToken("h", NOW)).toBeUndefined();
  });

  it("write a lookup item per listed hash, expiring with the debrief, and delete each hash once", async () => {
    const { table, seen } = stubTable(() => ({}));
    const tokens = earlierReleases(table);
    await tokens.putLookups({ id: "d1", expiresAt: "2027-01-01T00:00:00.000Z", tokenHashes: ["a", "b"] });
    expect(seen.map((s) => [s.operation, s.body.Item.pk.S, s.body.Item.ttl.N])).toEqual([
      ["PutItem", keys.token("a"), "1798761600"],
      ["PutItem", keys.token("b"), "1798761600"],
    ]);
    await tokens.deleteLookups(["a", "b", "a"]);
    expect(seen.slice(2).map((s) => [s.operation, s.body.Key.pk.S])).toEqual([
      ["DeleteItem", keys.token("a")],
      ["DeleteItem", keys.token("b")],
    ]);
  });

  it("names an address's suppression from before keyed digests by its plain SHA-256", () => {
    expect(unkeyedSuppressionKey(" Bomb@Example.net")).toBe(
      keys.suppressed("RxW1ESdy2fEkSrlLn6eIs1l5N9cZK49HLz8_NxdmLRs"),
    );
  });
});
