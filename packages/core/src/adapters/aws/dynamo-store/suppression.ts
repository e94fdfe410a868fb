/**
 * The suppression list (`keys.suppressed` items: addresses that get no more email) and
 * the address index that finds an address's debriefs when it is suppressed.
 */
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { type Debrief, isExpired } from "../../../debrief/model";
import type { DebriefStore } from "../../../ports";
import { ADDRESS_INDEX, batchGetByPk, itemsOfIndex, keys, TTL_ATTRIBUTE, ttlOf, unlessRefused } from "../table";
import type { StoreTable } from "./context";
import { unkeyedSuppressionKey } from "./earlier-releases";

export function suppressionList({
  doc,
  TableName,
  digestOf,
}: StoreTable): Pick<DebriefStore, "suppress" | "isSuppressed" | "debriefsForAddress"> {
  return {
    async suppress(address, reason, at, expiresAt) {
      const pk = keys.suppressed(await digestOf(address));
      const lapsing = expiresAt ? { expiresAt: expiresAt.toISOString(), [TTL_ATTRIBUTE]: ttlOf(expiresAt) } : {};
      // Refused when already suppressed as long or longer: the first reason stands.
      await unlessRefused(
        doc.send(
          new PutCommand({
            TableName,
            Item: { pk, reason, at: at.toISOString(), ...lapsing },
            // A lasting suppression replaces a lapsing one; a lapsing one replaces only one that has lapsed.
            ConditionExpression: expiresAt
              ? "attribute_not_exists(pk) OR (attribute_exists(expiresAt) AND expiresAt <= :now)"
              : "attribute_not_exists(pk) OR attribute_exists(expiresAt)",
            ExpressionAttributeValues: expiresAt ? { ":now": at.toISOString() } : undefined,
          }),
        ),
      );
    },

    async isSuppressed(address, now = new Date()) {
      // The keyed digest of the normalised address, and the unkeyed one of earlier suppressions (earlier-releases.ts),
      // in one BatchGetItem (one round trip of the send step's path; the roles of isSuppressed's callers grant it,
      // infra/settings.ts `batchRead`). The Set: BatchGetItem refuses a key listed twice.
      const pks = [...new Set([keys.suppressed(await digestOf(address)), unkeyedSuppressionKey(address)])];
      const items = await batchGetByPk(doc, TableName, pks);
      return items.some((i) => typeof i.expiresAt !== "string" || Date.parse(i.expiresAt) > now.getTime());
    },

    async *debriefsForAddress(address, now) {
      for await (const item of itemsOfIndex(doc, TableName, ADDRESS_INDEX, await digestOf(address))) {
        const d = item as Pick<Debrief, "id" | "expiresAt" | "workflowName" | "workflowStartedAt">;
        if (!isExpired(d, now)) yield d;
      }
    },
  };
}
