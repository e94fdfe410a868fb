import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Centre } from "../../centres/model";
import type { AuditEntry, CentreDebriefSummary, CentreStore } from "../../centres/store";
import { CENTRE_INDEX, documentClient, isConditionFailure, keys, prefixOf, TTL_ATTRIBUTE, ttlOf } from "./table";

/**
 * Centres, their admin keys and the audit log of advisor accesses (which expires with its
 * debrief), in the single table (see table.ts). Debriefs carry `centre` and `createdAt`,
 * which the sparse CENTRE_INDEX lists.
 */
export function createDynamoCentreStore(tableName: string, client = new DynamoDBClient({})): CentreStore {
  const doc = documentClient(client);
  const TableName = tableName;
  const strip = (item: Record<string, unknown>) => {
    const { pk: _pk, ...rest } = item;
    return rest as Centre;
  };

  return {
    async createCentre(centre) {
      try {
        await doc.send(
          new PutCommand({
            TableName,
            Item: { pk: keys.centre(centre.slug), ...centre },
            ConditionExpression: "attribute_not_exists(pk)",
          }),
        );
        return true;
      } catch (e) {
        if (isConditionFailure(e)) return false;
        throw e;
      }
    },

    async getCentre(slug) {
      const { Item } = await doc.send(
        new GetCommand({ TableName, Key: { pk: keys.centre(slug) }, ConsistentRead: true }),
      );
      return Item ? strip(Item) : undefined;
    },

    async listCentres() {
      const centres: Centre[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new ScanCommand({
            TableName,
            FilterExpression: "begins_with(pk, :p)",
            ExpressionAttributeValues: { ":p": prefixOf("centre") },
            ExclusiveStartKey,
          }),
        );
        for (const item of page.Items ?? []) centres.push(strip(item));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return centres.sort((a, b) => a.slug.localeCompare(b.slug));
    },

    async saveCentre(centre) {
      try {
        await doc.send(
          new PutCommand({
            TableName,
            Item: { pk: keys.centre(centre.slug), ...centre },
            ConditionExpression: "attribute_exists(pk)",
          }),
        );
        return true;
      } catch (e) {
        if (isConditionFailure(e)) return false;
        throw e;
      }
    },

    async addKey(keyHash, slug, at) {
      await doc.send(
        new PutCommand({
          TableName,
          Item: { pk: keys.centreKey(keyHash), slug, createdAt: at.toISOString() },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
    },

    async findKey(keyHash) {
      const { Item } = await doc.send(
        new GetCommand({ TableName, Key: { pk: keys.centreKey(keyHash) }, ConsistentRead: true }),
      );
      return typeof Item?.slug === "string" ? Item.slug : undefined;
    },

    async deleteKey(keyHash) {
      await doc.send(new DeleteCommand({ TableName, Key: { pk: keys.centreKey(keyHash) } }));
    },

    async deleteCentre(slug) {
      await doc.send(new DeleteCommand({ TableName, Key: { pk: keys.centre(slug) } }));
    },

    async centreDebriefs(slug, now) {
      const rows: CentreDebriefSummary[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName,
            IndexName: CENTRE_INDEX.name,
            KeyConditionExpression: "centre = :slug",
            ExpressionAttributeValues: { ":slug": slug },
            ExclusiveStartKey,
          }),
        );
        for (const item of page.Items ?? []) {
          if (Date.parse(item.expiresAt as string) <= now.getTime()) continue;
          rows.push({
            id: item.id,
            createdAt: item.createdAt,
            expiresAt: item.expiresAt,
            cohort: item.cohort,
            letterSentAt: item.letterSentAt,
            secondInterviewAt: item.secondInterviewAt,
            checkins: item.checkins,
            shareWithCentre: item.shareWithCentre === true,
          });
        }
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return rows;
    },

    async provenDebriefs(ids) {
      // Not in the centre index (its projection cannot change in place): one small read per debrief,
      // only for statistics, a few at a time.
      const proven = new Set<string>();
      for (let i = 0; i < ids.length; i += 25) {
        await Promise.all(
          ids.slice(i, i + 25).map(async (id) => {
            const { Item } = await doc.send(
              new GetCommand({ TableName, Key: { pk: keys.debrief(id) }, ProjectionExpression: "addressProvenAt" }),
            );
            if (typeof Item?.addressProvenAt === "string") proven.add(id);
          }),
        );
      }
      return proven;
    },

    async setSharing(debriefId, share, at) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName,
            Key: { pk: keys.debrief(debriefId) },
            UpdateExpression: "SET shareWithCentre = :share, sharingChangedAt = :at",
            ConditionExpression: "attribute_exists(centre)",
            ExpressionAttributeValues: { ":share": share, ":at": at.toISOString() },
          }),
        );
        return true;
      } catch (e) {
        if (isConditionFailure(e)) return false;
        throw e;
      }
    },

    async detachFromCentre(debriefId) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName,
            Key: { pk: keys.debrief(debriefId) },
            UpdateExpression: "REMOVE centre, shareWithCentre, cohort, centreSnapshot",
            ConditionExpression: "attribute_exists(pk)",
          }),
        );
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
      }
    },

    async appendAudit(debriefId, entry, expiresAt) {
      await doc.send(
        new UpdateCommand({
          TableName,
          Key: { pk: keys.audit(debriefId) },
          UpdateExpression: "SET entries = list_append(if_not_exists(entries, :empty), :entry), #ttl = :ttl",
          ExpressionAttributeNames: { "#ttl": TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ":empty": [], ":entry": [entry], ":ttl": ttlOf(expiresAt) },
        }),
      );
    },

    async auditLog(debriefId) {
      const { Item } = await doc.send(
        new GetCommand({ TableName, Key: { pk: keys.audit(debriefId) }, ConsistentRead: true }),
      );
      return (Item?.entries as AuditEntry[] | undefined) ?? [];
    },

    async recordCheckin(debriefId, kind, answer) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName,
            Key: { pk: keys.debrief(debriefId) },
            // The map is created with the first answer; each check-in keeps its first answer only.
            UpdateExpression: "SET checkins = if_not_exists(checkins, :empty)",
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeValues: { ":empty": {} },
          }),
        );
        await doc.send(
          new UpdateCommand({
            TableName,
            Key: { pk: keys.debrief(debriefId) },
            UpdateExpression: "SET checkins.#kind = :answer",
            ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(checkins.#kind)",
            ExpressionAttributeNames: { "#kind": kind },
            ExpressionAttributeValues: { ":answer": answer },
          }),
        );
        return true;
      } catch (e) {
        if (isConditionFailure(e)) return false;
        throw e;
      }
    },
  };
}
