import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { type InsightFacts, insightFactsOf } from "../../centres/facts";
import type { Centre } from "../../centres/model";
import type { StatsSource } from "../../centres/stats";
import type { AuditEntry, CentreDebriefSummary, CentreStore } from "../../centres/store";
import type { DebriefInput } from "../../debrief/schema";
import { studentDigest } from "../../digest";
import { digestSecretFor } from "./form-secret";
import {
  CENTRE_INDEX,
  documentClient,
  itemsOfIndex,
  itemsOfKind,
  keys,
  STUDENT_DIGEST,
  STUDENT_INDEX,
  TTL_ATTRIBUTE,
  ttlOf,
  unlessRefused,
} from "./table";

/**
 * Centres, their admin keys and the audit log of advisor accesses (which expires with its
 * debrief), in the single table (see table.ts). Debriefs carry `centre` and `createdAt`,
 * which the sparse CENTRE_INDEX lists, and once their student is proven `countedIn`, which
 * the sparse STUDENT_INDEX lists for statistics.
 */
export function createDynamoCentreStore(
  tableName: string,
  client = new DynamoDBClient({}),
  options: { digestSecret?: string } = {},
): CentreStore {
  const digestSecret = digestSecretFor(tableName, client, options.digestSecret);
  const doc = documentClient(client);
  const TableName = tableName;
  const strip = (item: Record<string, unknown>) => {
    const { pk: _pk, ...rest } = item;
    return rest as Centre;
  };

  return {
    async createCentre(centre) {
      const written = await unlessRefused(
        doc.send(
          new PutCommand({
            TableName,
            Item: { pk: keys.centre(centre.slug), ...centre },
            ConditionExpression: "attribute_not_exists(pk)",
          }),
        ),
      );
      return written !== undefined;
    },

    async getCentre(slug) {
      const { Item } = await doc.send(
        new GetCommand({ TableName, Key: { pk: keys.centre(slug) }, ConsistentRead: true }),
      );
      return Item ? strip(Item) : undefined;
    },

    async listCentres() {
      const centres: Centre[] = [];
      for await (const item of itemsOfKind(doc, TableName, "centre")) centres.push(strip(item));
      return centres.sort((a, b) => a.slug.localeCompare(b.slug));
    },

    async saveCentre(centre) {
      const written = await unlessRefused(
        doc.send(
          new PutCommand({
            TableName,
            Item: { pk: keys.centre(centre.slug), ...centre },
            ConditionExpression: "attribute_exists(pk)",
          }),
        ),
      );
      return written !== undefined;
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
      for await (const item of itemsOfIndex(doc, TableName, CENTRE_INDEX, slug)) {
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
      return rows;
    },

    async countedStudents(slug, now) {
      const rows: StatsSource[] = [];
      for await (const item of itemsOfIndex(doc, TableName, STUDENT_INDEX, slug)) {
        if (Date.parse(item.expiresAt as string) <= now.getTime()) continue;
        if (typeof item[STUDENT_DIGEST] !== "string") continue;
        rows.push({
          student: item[STUDENT_DIGEST],
          createdAt: item.createdAt,
          cohort: item.cohort,
          letterSentAt: item.letterSentAt,
          secondInterviewAt: item.secondInterviewAt,
          checkins: item.checkins,
          insightFacts: item.insightFacts as InsightFacts | undefined,
        });
      }
      return rows;
    },

    async backfillCountedStudents() {
      // Centre debriefs stored before student digests: each gets its digest and insight facts,
      // and a proven one its place in the statistics index.
      let filled = 0;
      const items = itemsOfKind(doc, TableName, "debrief", {
        ProjectionExpression: "pk, centre, addressProvenAt, #input",
        FilterExpression:
          "attribute_exists(centre) AND (attribute_not_exists(#student) OR (attribute_exists(addressProvenAt) AND attribute_not_exists(#counted)))",
        ExpressionAttributeNames: {
          "#input": "input",
          "#student": STUDENT_DIGEST,
          "#counted": STUDENT_INDEX.partitionKey,
        },
      });
      for await (const item of items) {
        const input = item.input as DebriefInput | undefined;
        if (typeof input?.candidate?.email !== "string" || typeof item.centre !== "string") continue;
        const proven = typeof item.addressProvenAt === "string";
        const given = await unlessRefused(
          doc.send(
            new UpdateCommand({
              TableName,
              Key: { pk: item.pk },
              UpdateExpression: `SET #student = :student, insightFacts = if_not_exists(insightFacts, :facts)${proven ? ", #counted = :centre" : ""}`,
              ConditionExpression: "centre = :centre",
              ExpressionAttributeNames: {
                "#student": STUDENT_DIGEST,
                ...(proven ? { "#counted": STUDENT_INDEX.partitionKey } : {}),
              },
              ExpressionAttributeValues: {
                ":student": studentDigest(await digestSecret(), input.candidate.email),
                ":facts": insightFactsOf(input),
                ":centre": item.centre,
              },
            }),
          ),
        );
        if (given) filled++;
      }
      return filled;
    },

    async setSharing(debriefId, share, at) {
      const written = await unlessRefused(
        doc.send(
          new UpdateCommand({
            TableName,
            Key: { pk: keys.debrief(debriefId) },
            UpdateExpression: "SET shareWithCentre = :share, sharingChangedAt = :at",
            ConditionExpression: "attribute_exists(centre)",
            ExpressionAttributeValues: { ":share": share, ":at": at.toISOString() },
          }),
        ),
      );
      return written !== undefined;
    },

    async detachFromCentre(debriefId) {
      await unlessRefused(
        doc.send(
          new UpdateCommand({
            TableName,
            Key: { pk: keys.debrief(debriefId) },
            UpdateExpression:
              "REMOVE centre, shareWithCentre, cohort, centreSnapshot, insightFacts, #counted, #student",
            ExpressionAttributeNames: { "#counted": STUDENT_INDEX.partitionKey, "#student": STUDENT_DIGEST },
            ConditionExpression: "attribute_exists(pk)",
          }),
        ),
      );
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
      // The map is created with the first answer; each check-in keeps its first answer only.
      const mapped = await unlessRefused(
        doc.send(
          new UpdateCommand({
            TableName,
            Key: { pk: keys.debrief(debriefId) },
            UpdateExpression: "SET checkins = if_not_exists(checkins, :empty)",
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeValues: { ":empty": {} },
          }),
        ),
      );
      if (!mapped) return false;
      const recorded = await unlessRefused(
        doc.send(
          new UpdateCommand({
            TableName,
            Key: { pk: keys.debrief(debriefId) },
            UpdateExpression: "SET checkins.#kind = :answer",
            ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(checkins.#kind)",
            ExpressionAttributeNames: { "#kind": kind },
            ExpressionAttributeValues: { ":answer": answer },
          }),
        ),
      );
      return recorded !== undefined;
    },
  };
}
