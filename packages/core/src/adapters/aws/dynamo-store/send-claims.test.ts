import { describe, expect, it } from "vitest";
import { keys } from "../table";
import { sendClaims } from "./send-claims";
import { stubTable } from "./stub-client";

const AT = new Date("2026-12-01T09:00:00.000Z");
const REFUSED = { error: "ConditionalCheckFailedException" };

describe("send claims", () => {
  it("claim a send with a write that only an unclaimed send of a stored debrief passes", async () => {
    const { table, seen } = stubTable(() => ({}));
    expect(await sendClaims(table).claimSend("d1", "letter", AT)).toBe(true);
    expect(seen[0]).toMatchObject({
      operation: "UpdateItem",
      body: {
        Key: { pk: { S: keys.debrief("d1") } },
        UpdateExpression: "SET sends.#kind = :claim",
        ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(sends.#kind)",
        ExpressionAttributeNames: { "#kind": "letter" },
        ExpressionAttributeValues: { ":claim": { M: { claimedAt: { S: AT.toISOString() } } } },
      },
    });
  });

  it("answer false to every caller after the first, and pass any other failure on", async () => {
    expect(await sendClaims(stubTable(() => REFUSED).table).claimSend("d1", "nudge", AT)).toBe(false);
    const throttled = stubTable(() => ({ error: "ProvisionedThroughputExceededException" })).table;
    await expect(sendClaims(throttled).claimSend("d1", "nudge", AT)).rejects.toThrow(/stubbed/);
  });

  it("release only a claim whose send did not complete; a completed one stays, silently", async () => {
    const { table, seen } = stubTable(() => REFUSED);
    await expect(sendClaims(table).releaseSend("d1", "tips")).resolves.toBeUndefined();
    expect(seen[0]?.body).toMatchObject({
      UpdateExpression: "REMOVE sends.#kind",
      ConditionExpression: "attribute_exists(sends.#kind) AND attribute_not_exists(sends.#kind.messageId)",
    });
  });

  it("complete a claimed send with the fields it has, and write nothing when it has none", async () => {
    const { table, seen } = stubTable(() => ({}));
    await sendClaims(table).completeSend("d1", "letter", {
      messageId: "m-1",
      sentAt: AT.toISOString(),
      rejected: undefined,
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.body).toMatchObject({
      UpdateExpression: "SET sends.#kind.#messageId = :messageId, sends.#kind.#sentAt = :sentAt",
      ConditionExpression: "attribute_exists(sends.#kind)",
      ExpressionAttributeNames: { "#kind": "letter", "#messageId": "messageId", "#sentAt": "sentAt" },
    });
    await sendClaims(table).completeSend("d1", "letter", { rejected: undefined });
    expect(seen).toHaveLength(1);
  });
});
