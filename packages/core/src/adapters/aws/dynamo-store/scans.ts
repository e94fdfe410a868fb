/**
 * What reads the whole table (Scans): the operations' passes over every debrief, retention,
 * and the reconciler's migration of the address index's digest. Each runs a few times an
 * hour over at most a few thousand items.
 */
import { DeleteCommand, paginateScan, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { type Debrief, isExpired } from "../../../debrief/model";
import type { DebriefStore } from "../../../ports";
import { ADDRESS_INDEX, itemsOfKind, TTL_ATTRIBUTE, unlessRefused } from "../table";
import { debriefOf, type StoreTable } from "./context";

export function tableScans({
  doc,
  TableName,
  digestOf,
}: StoreTable): Pick<DebriefStore, "listDebriefs" | "listSendRecords" | "deleteExpired" | "backfillAddressDigests"> {
  return {
    async *listSendRecords(now) {
      // Only what the repair pass reads: the id, the expiry and the send records.
      const items = itemsOfKind(doc, TableName, "debrief", {
        ConsistentRead: true,
        ProjectionExpression: "id, expiresAt, sends",
        FilterExpression: "attribute_exists(sends)",
      });
      for await (const item of items) {
        const d = item as Pick<Debrief, "id" | "expiresAt" | "sends">;
        if (!isExpired(d, now)) yield { id: d.id, sends: d.sends };
      }
    },

    async *listDebriefs(now) {
      for await (const item of itemsOfKind(doc, TableName, "debrief", { ConsistentRead: true })) {
        const d = debriefOf(item);
        if (!isExpired(d, now)) yield d;
      }
    },

    async deleteExpired(now) {
      let deleted = 0;
      const nowSeconds = Math.floor(now.getTime() / 1000);
      const pages = paginateScan(
        { client: doc },
        {
          TableName,
          ProjectionExpression: "pk",
          FilterExpression: "#ttl <= :now",
          ExpressionAttributeNames: { "#ttl": TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ":now": nowSeconds },
        },
      );
      for await (const page of pages) {
        for (const { pk } of page.Items ?? []) {
          const gone = await unlessRefused(
            doc.send(
              new DeleteCommand({
                TableName,
                Key: { pk },
                // An item whose retention was extended since the scan stays.
                ConditionExpression: "#ttl <= :now",
                ExpressionAttributeNames: { "#ttl": TTL_ATTRIBUTE },
                ExpressionAttributeValues: { ":now": nowSeconds },
              }),
            ),
          );
          if (gone) deleted++;
        }
      }
      return deleted;
    },

    async backfillAddressDigests() {
      // A debrief without the address index's digest is found by no Query: give it its digest.
      let filled = 0;
      const items = itemsOfKind(doc, TableName, "debrief", {
        ProjectionExpression: "pk, #input.#candidate.#email",
        FilterExpression: "attribute_not_exists(#digest)",
        ExpressionAttributeNames: {
          "#input": "input",
          "#candidate": "candidate",
          "#email": "email",
          "#digest": ADDRESS_INDEX.partitionKey,
        },
      });
      for await (const item of items) {
        const email = (item as { input?: { candidate?: { email?: unknown } } }).input?.candidate?.email;
        if (typeof email !== "string") continue;
        const given = await unlessRefused(
          doc.send(
            new UpdateCommand({
              TableName,
              Key: { pk: item.pk },
              UpdateExpression: "SET #digest = :digest",
              ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(#digest)",
              ExpressionAttributeNames: { "#digest": ADDRESS_INDEX.partitionKey },
              ExpressionAttributeValues: { ":digest": await digestOf(email) },
            }),
          ),
        );
        if (given) filled++;
      }
      return filled;
    },
  };
}
