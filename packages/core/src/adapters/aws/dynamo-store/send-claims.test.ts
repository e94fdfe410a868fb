import { describe, expect, it } from "vitest";
import { keys } from "../table";
import { sendClaims } from "./send-claims";
import { stubTable } from "./stub-client";

const AT = "2026-12-01T09:00:00.000Z";
const CLAIM = { claimedAt: AT, claim: "0123456789abcdef" };
const REFUSED = { error: "ConditionalCheckFailedException" };
const ANSWERED =
  "attribute_not_exists(sends.#kind.#messageId) AND attribute_not_exists(sends.#kind.#rejected) AND attribute_not_exists(sends.#kind.#skipped)";

describe("send claims", () => {
  it("claim a send with a write that only an unclaimed send of a stored debrief passes", async () => {
    const { table, seen } = stubTable(() => ({}));
    expect(await sendClaims(table).claimSend("d1", "letter", CLAIM)).toBe(true);
    expect(seen[0]).toMatchObject({
      operation: "UpdateItem",
      body: {
        Key: { pk: { S: keys.debrief("d1") } },
        UpdateExpression: "SET sends.#kind = :claim",
        ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(sends.#kind)",
        ExpressionAttributeNames: { "#kind": "letter" },
        ExpressionAttributeValues: { ":claim": { M: { claimedAt: { S: AT }, claim: { S: CLAIM.claim } } } },
      },
    });
  });

  it("take over only the named claim, only while nothing answered or confirmed it (the repair pass)", async () => {
    const { table, seen } = stubTable(() => ({}));
    const next = {
      claimedAt: "2026-12-01T09:20:00.000Z",
      claim: "fedcba9876543210",
      repairs: 1,
      replaced: [CLAIM.claim],
    };
    expect(await sendClaims(table).claimSend("d1", "nudge", next, CLAIM)).toBe(true);
    expect(seen[0]?.body).toMatchObject({
      ConditionExpression: `sends.#kind.#claimedAt = :claimedAt AND sends.#kind.#claim = :claimId AND ${ANSWERED} AND attribute_not_exists(sends.#kind.#confirmed)`,
      ExpressionAttributeValues: { ":claimedAt": { S: AT }, ":claimId": { S: CLAIM.claim } },
    });
    // A claim of an earlier release has no id: its time names it.
    await sendClaims(table).claimSend("d1", "nudge", next, { claimedAt: AT });
    expect(seen[1]?.body.ConditionExpression).toMatch(
      /^sends\.#kind\.#claimedAt = :claimedAt AND attribute_not_exists\(sends\.#kind\.#claim\)/,
    );
    expect(Object.keys(seen[1]?.body.ExpressionAttributeValues ?? {})).not.toContain(":claimId");
  });

  it("answer false to every caller after the first, and pass any other failure on", async () => {
    expect(await sendClaims(stubTable(() => REFUSED).table).claimSend("d1", "nudge", CLAIM)).toBe(false);
    const throttled = stubTable(() => ({ error: "ProvisionedThroughputExceededException" })).table;
    await expect(sendClaims(throttled).claimSend("d1", "nudge", CLAIM)).rejects.toThrow(/stubbed/);
  });

  it("release only its own claim, and only while nothing answered it; any other, silently not", async () => {
    const { table, seen } = stubTable(() => REFUSED);
    await expect(sendClaims(table).releaseSend("d1", "tips", CLAIM)).resolves.toBeUndefined();
    expect(seen[0]?.body).toMatchObject({
      UpdateExpression: "REMOVE sends.#kind",
      ConditionExpression: `sends.#kind.#claimedAt = :claimedAt AND sends.#kind.#claim = :claimId AND ${ANSWERED}`,
    });
  });

  it("complete its own claim with the fields it has, and write nothing when it has none", async () => {
    const { table, seen } = stubTable(() => ({}));
    await sendClaims(table).completeSend("d1", "letter", CLAIM, { messageId: "m-1", sentAt: AT, rejected: undefined });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.body).toMatchObject({
      UpdateExpression: "SET sends.#kind.#messageId = :messageId, sends.#kind.#sentAt = :sentAt",
      ConditionExpression: "sends.#kind.#claimedAt = :claimedAt AND sends.#kind.#claim = :claimId",
      ExpressionAttributeNames: {
        "#kind": "letter",
        "#messageId": "messageId",
        "#sentAt": "sentAt",
        "#claimedAt": "claimedAt",
        "#claim": "claim",
      },
    });
    await sendClaims(table).completeSend("d1", "letter", CLAIM, { rejected: undefined });
    expect(seen).toHaveLength(1);
    // A claim replaced since: the write is refused, and the caller hears of it.
    await expect(
      sendClaims(stubTable(() => REFUSED).table).completeSend("d1", "letter", CLAIM, { messageId: "m" }),
    ).rejects.toThrow();
  });

  it("record SES's event on the claim it names, else note it late on the claim that replaced it, once", async () => {
    const confirmation = { messageId: "m-1", event: "Send" as const, at: AT };
    const ref = { debriefId: "d1", kind: "letter" as const, claim: CLAIM.claim };
    const confirmed = stubTable(() => ({}));
    expect(await sendClaims(confirmed.table).recordSendConfirmation(ref, confirmation)).toBe("confirmed");
    expect(confirmed.seen[0]?.body).toMatchObject({
      UpdateExpression: "SET sends.#kind.#confirmed = if_not_exists(sends.#kind.#confirmed, :confirmation)",
      ConditionExpression: "sends.#kind.#claim = :claimId",
    });
    const late = stubTable((_, body) => (body.UpdateExpression.includes("#confirmed") ? REFUSED : {}));
    expect(await sendClaims(late.table).recordSendConfirmation(ref, confirmation)).toBe("late");
    expect(late.seen[1]?.body.ConditionExpression).toBe(
      "contains(sends.#kind.#replaced, :claimId) AND NOT contains(sends.#kind.#lateConfirmations, :claimId)",
    );
    expect(await sendClaims(stubTable(() => REFUSED).table).recordSendConfirmation(ref, confirmation)).toBe("unknown");
  });
});
