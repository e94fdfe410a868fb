/**
 * The claim that makes each email go out once: a conditional write on the debrief's
 * `sends.<kind>` before SES is called (SES has no idempotency key), completed after. Every
 * later write names the claim it is about (its time and id), so a step that outlived its
 * claim, taken over by the repair pass, cannot write over the claim that replaced it.
 */
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { SendRecord } from "../../../debrief/model";
import type { ClaimOf, DebriefStore } from "../../../ports";
import { keys, unlessRefused, updateExpression } from "../table";
import type { StoreTable } from "./context";

/**
 * The `#name`s of these expressions, each for the field of the same name (`#kind` for the email's
 * kind): DynamoDB refuses a name the expressions do not use.
 */
function namesIn(kind: string, ...expressions: string[]): Record<string, string> {
  const names = new Set(expressions.flatMap((e) => e.match(/#[A-Za-z]+/g) ?? []));
  return Object.fromEntries([...names].map((n) => [n, n === "#kind" ? kind : n.slice(1)]));
}

/** This claim is the email's claim (a claim of an earlier release has no id: its time names it). */
function isClaim(claim: ClaimOf) {
  return {
    condition: `sends.#kind.#claimedAt = :claimedAt AND ${claim.claim ? "sends.#kind.#claim = :claimId" : "attribute_not_exists(sends.#kind.#claim)"}`,
    values: { ":claimedAt": claim.claimedAt, ...(claim.claim ? { ":claimId": claim.claim } : {}) },
  };
}
/** Nothing answered the claim: no message id, refusal or skip recorded. */
const UNANSWERED =
  "attribute_not_exists(sends.#kind.#messageId) AND attribute_not_exists(sends.#kind.#rejected) AND attribute_not_exists(sends.#kind.#skipped)";

export function sendClaims({
  doc,
  TableName,
}: StoreTable): Pick<
  DebriefStore,
  "claimSend" | "releaseSend" | "completeSend" | "recordSendConfirmation" | "requestResend"
> {
  /** One conditional update of a send record: false when its condition fails. */
  const update = async (
    id: string,
    kind: string,
    UpdateExpression: string,
    ConditionExpression: string,
    ExpressionAttributeValues?: Record<string, unknown>,
  ) => {
    const written = await unlessRefused(
      doc.send(
        new UpdateCommand({
          TableName,
          Key: { pk: keys.debrief(id) },
          UpdateExpression,
          ConditionExpression,
          ExpressionAttributeNames: namesIn(kind, UpdateExpression, ConditionExpression),
          ExpressionAttributeValues,
        }),
      ),
    );
    return written !== undefined;
  };

  return {
    async claimSend(id, kind, claim: SendRecord, replacing) {
      if (!replacing) {
        return update(
          id,
          kind,
          "SET sends.#kind = :claim",
          "attribute_exists(pk) AND attribute_not_exists(sends.#kind)",
          { ":claim": claim },
        );
      }
      // Taken over by the repair pass: only that claim, only while nothing answered or confirmed it.
      const old = isClaim(replacing);
      return update(
        id,
        kind,
        "SET sends.#kind = :claim",
        `${old.condition} AND ${UNANSWERED} AND attribute_not_exists(sends.#kind.#confirmed)`,
        { ":claim": claim, ...old.values },
      );
    },

    async releaseSend(id, kind, claim) {
      const own = isClaim(claim);
      // Never release a send that completed, nor a claim that has replaced this one.
      await update(id, kind, "REMOVE sends.#kind", `${own.condition} AND ${UNANSWERED}`, own.values);
    },

    async completeSend(id, kind, claim, record) {
      const defined = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
      const set = updateExpression(defined, "sends.#kind");
      if (!set) return;
      const own = isClaim(claim);
      await doc.send(
        new UpdateCommand({
          TableName,
          Key: { pk: keys.debrief(id) },
          UpdateExpression: set.UpdateExpression,
          ConditionExpression: own.condition,
          ExpressionAttributeNames: { ...set.ExpressionAttributeNames, ...namesIn(kind, own.condition) },
          ExpressionAttributeValues: { ...set.ExpressionAttributeValues, ...own.values },
        }),
      );
    },

    async recordSendConfirmation({ debriefId, kind, claim }, confirmation) {
      // The first event of the message is kept (a Delivery after the Send changes nothing).
      const confirmed = await update(
        debriefId,
        kind,
        "SET sends.#kind.#confirmed = if_not_exists(sends.#kind.#confirmed, :confirmation)",
        "sends.#kind.#claim = :claimId",
        { ":confirmation": confirmation, ":claimId": claim },
      );
      if (confirmed) return "confirmed";
      // A claim the repair pass replaced and sent again: SES had taken it after all. Noted once per claim.
      const late = await update(
        debriefId,
        kind,
        "SET sends.#kind.#lateConfirmations = list_append(if_not_exists(sends.#kind.#lateConfirmations, :none), :late)",
        "contains(sends.#kind.#replaced, :claimId) AND NOT contains(sends.#kind.#lateConfirmations, :claimId)",
        { ":none": [], ":late": [claim], ":claimId": claim },
      );
      return late ? "late" : "unknown";
    },

    async requestResend(id, kind, claim, at) {
      const own = isClaim(claim);
      return update(
        id,
        kind,
        "SET sends.#kind.#resendRequestedAt = :at",
        `${own.condition} AND ${UNANSWERED} AND attribute_not_exists(sends.#kind.#confirmed)`,
        { ":at": at.toISOString(), ...own.values },
      );
    },
  };
}
