/**
 * The claim that makes each email go out once: a conditional write on the debrief's
 * `sends.<kind>` before SES is called (SES has no idempotency key), completed after.
 */
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { SendRecord } from "../../../debrief/model";
import type { DebriefStore } from "../../../ports";
import { isConditionFailure, keys, updateExpression } from "../table";
import type { StoreTable } from "./context";

export function sendClaims({
  doc,
  TableName,
}: StoreTable): Pick<DebriefStore, "claimSend" | "releaseSend" | "completeSend"> {
  return {
    async claimSend(id, kind, at) {
      const claim: SendRecord = { claimedAt: at.toISOString() };
      try {
        await doc.send(
          new UpdateCommand({
            TableName,
            Key: { pk: keys.debrief(id) },
            UpdateExpression: "SET sends.#kind = :claim",
            ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(sends.#kind)",
            ExpressionAttributeNames: { "#kind": kind },
            ExpressionAttributeValues: { ":claim": claim },
          }),
        );
        return true;
      } catch (e) {
        if (isConditionFailure(e)) return false;
        throw e;
      }
    },

    async releaseSend(id, kind) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName,
            Key: { pk: keys.debrief(id) },
            UpdateExpression: "REMOVE sends.#kind",
            // Never release a send that completed.
            ConditionExpression: "attribute_exists(sends.#kind) AND attribute_not_exists(sends.#kind.messageId)",
            ExpressionAttributeNames: { "#kind": kind },
          }),
        );
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
      }
    },

    async completeSend(id, kind, record) {
      const defined = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
      const update = updateExpression(defined, "sends.#kind");
      if (!update) return;
      await doc.send(
        new UpdateCommand({
          TableName,
          Key: { pk: keys.debrief(id) },
          ...update,
          ConditionExpression: "attribute_exists(sends.#kind)",
          ExpressionAttributeNames: { ...update.ExpressionAttributeNames, "#kind": kind },
        }),
      );
    },
  };
}
