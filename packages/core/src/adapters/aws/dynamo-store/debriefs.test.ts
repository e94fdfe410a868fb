import { describe, expect, it } from "vitest";
import type { Debrief } from "../../../debrief/model";
import { keys, STUDENT_DIGEST } from "../table";
import { debriefStorage } from "./debriefs";
import { earlierReleases } from "./earlier-releases";
import { type RequestBody, type StubAnswer, stubTable } from "./stub-client";

const NOW = new Date("2026-12-01T09:00:00.000Z");
const REFUSED = { error: "ConditionalCheckFailedException" };
const items = (answer: (operation: string, body: RequestBody) => StubAnswer) => {
  const { table, seen } = stubTable(answer);
  return { store: debriefStorage(table, earlierReleases(table)), seen };
};
const debrief = {
  id: "d1",
  input: { candidate: { email: "amira@example.com" } },
  expiresAt: "2027-01-01T00:00:00.000Z",
  tokenHashes: ["t1"],
  sends: {},
} as unknown as Debrief;

describe("the debrief items", () => {
  it("set the workflow's start and the link key once: the first value stays and is returned", async () => {
    const { store, seen } = items(() => ({ Attributes: { linkKey: { S: "key-1" } } }));
    expect(await store.ensureLinkKey("d1", "key-2")).toBe("key-1");
    await store.markWorkflowStarted("d1", NOW);
    expect(
      seen.map((s) => [s.body.UpdateExpression, s.body.ConditionExpression, s.body.ExpressionAttributeNames]),
    ).toEqual([
      ["SET #field = if_not_exists(#field, :value)", "attribute_exists(pk)", { "#field": "linkKey" }],
      ["SET #field = if_not_exists(#field, :value)", "attribute_exists(pk)", { "#field": "workflowStartedAt" }],
    ]);
  });

  it("give no link key to a debrief that is gone, and do not mark its workflow started", async () => {
    const { store } = items(() => REFUSED);
    expect(await store.ensureLinkKey("d1", "key-2")).toBeUndefined();
    await expect(store.markWorkflowStarted("d1", NOW)).rejects.toThrow(/stubbed/);
  });

  it("return a used link's debrief without the item's key, TTL and address digest", async () => {
    const { store } = items(() => ({
      Attributes: { pk: { S: keys.debrief("d1") }, ttl: { N: "1" }, addressDigest: { S: "x" }, id: { S: "d1" } },
    }));
    expect(await store.useLink("d1", "3", NOW)).toEqual({ id: "d1" });
    expect(await items(() => REFUSED).store.useLink("d1", "3", NOW)).toBeUndefined();
  });

  it("write a new debrief with its address digest, and undo it when its token lookups cannot be written", async () => {
    const { store, seen } = items((operation, body) =>
      operation === "PutItem" && body.Item.pk.S.startsWith(keys.token("")) ? { error: "InternalServerError" } : {},
    );
    await expect(store.create(debrief)).rejects.toThrow(/stubbed/);
    expect(seen.map((s) => s.operation)).toEqual(["PutItem", "PutItem", "DeleteItem"]);
    expect(seen[0]?.body.Item.addressDigest.S).toMatch(/^[\w-]{43}$/);
    expect(seen[2]?.body.Key.pk.S).toBe(keys.debrief("d1"));
    expect(await items(() => REFUSED).store.create(debrief)).toBe(false);
  });

  it("give a centre's debrief the digest the centre counts its student by, and no other debrief", async () => {
    const { store, seen } = items(() => ({}));
    await store.create({ ...debrief, tokenHashes: [], centre: "north" });
    await store.create({ ...debrief, tokenHashes: [] });
    expect(seen.map((s) => typeof s.body.Item[STUDENT_DIGEST]?.S)).toEqual(["string", "undefined"]);
  });

  it("erase the debrief, every token it listed then or lists now, and its audit log", async () => {
    const { store, seen } = items((_operation, body) =>
      body.Key?.pk.S === keys.debrief("d1") ? { Attributes: { tokenHashes: { L: [{ S: "t1" }, { S: "t2" }] } } } : {},
    );
    await store.erase(debrief);
    expect(seen.map((s) => s.body.Key.pk.S)).toEqual([
      keys.debrief("d1"),
      keys.token("t1"),
      keys.token("t2"),
      keys.audit("d1"),
    ]);
  });

  it("move a debrief whose address changed in the address index, and leave a debrief that is gone gone", async () => {
    const { store, seen } = items(() => REFUSED);
    await store.updateDebrief("d1", { input: debrief.input, stoppedAt: undefined });
    expect(seen[0]?.body.UpdateExpression).toBe(
      "SET #input = :input, #addressDigest = :addressDigest REMOVE #stoppedAt",
    );
  });
});
