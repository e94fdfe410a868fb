import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  paginateQuery,
  paginateScan,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { Debrief, EmailKind, SendRecord } from "../../debrief/model";
import { isExpired } from "../../debrief/model";
import { addressDigest, legacyAddressDigest, studentDigest } from "../../digest";
import type { CandidateAction, DebriefStore } from "../../ports";
import { digestSecretFor } from "./form-secret";
import {
  ADDRESS_INDEX,
  batchGetByPk,
  documentClient,
  isConditionFailure,
  keys,
  prefixOf,
  STUDENT_DIGEST,
  TTL_ATTRIBUTE,
  ttlOf,
  updateExpression,
} from "./table";

/** Debriefs, their token lookups and the suppression list, in the single table (see table.ts for its items). */
export function createDynamoStore(
  tableName: string,
  client = new DynamoDBClient({}),
  options: { digestSecret?: string } = {},
): DebriefStore {
  const digestSecret = digestSecretFor(tableName, client, options.digestSecret);
  const doc = documentClient(client);
  const TableName = tableName;
  const putToken = (tokenHash: string, debriefId: string, expiresAt: string, action?: CandidateAction) =>
    doc.send(
      new PutCommand({
        TableName,
        Item: { pk: keys.token(tokenHash), debriefId, expiresAt, [TTL_ATTRIBUTE]: ttlOf(expiresAt), action },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );

  return {
    async create(debrief) {
      try {
        await doc.send(
          new PutCommand({
            TableName,
            Item: {
              pk: keys.debrief(debrief.id),
              [TTL_ATTRIBUTE]: ttlOf(debrief.expiresAt),
              ...debrief,
              // The address index's key: its debriefs are found by this digest, never by a Scan.
              [ADDRESS_INDEX.partitionKey]: addressDigest(await digestSecret(), debrief.input.candidate.email),
              // A centre counts its students by this digest (one student, however many debriefs).
              ...(debrief.centre
                ? { [STUDENT_DIGEST]: studentDigest(await digestSecret(), debrief.input.candidate.email) }
                : {}),
            },
            ConditionExpression: "attribute_not_exists(pk)",
          }),
        );
      } catch (e) {
        if (isConditionFailure(e)) return false;
        throw e;
      }
      // The new debrief already lists its page tokens: only their lookup items are left to
      // write (one request each, where addToken would also update and re-read the debrief).
      try {
        for (const hash of debrief.tokenHashes) await putToken(hash, debrief.id, debrief.expiresAt);
      } catch (error) {
        // Without its token the candidate could never reach the debrief: undo, so nothing half-written stays.
        await doc.send(new DeleteCommand({ TableName, Key: { pk: keys.debrief(debrief.id) } })).catch(() => undefined);
        throw error;
      }
      return true;
    },

    async get(id, now) {
      const { Item } = await doc.send(
        new GetCommand({ TableName, Key: { pk: keys.debrief(id) }, ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const d = debriefOf(Item);
      return isExpired(d, now) ? undefined : d;
    },

    async delete(id) {
      await doc.send(new DeleteCommand({ TableName, Key: { pk: keys.debrief(id) } }));
    },

    async markWorkflowStarted(id, at) {
      await doc.send(
        new UpdateCommand({
          TableName,
          Key: { pk: keys.debrief(id) },
          UpdateExpression: "SET workflowStartedAt = if_not_exists(workflowStartedAt, :at)",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":at": at.toISOString() },
        }),
      );
    },

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

    async completeSend(id: string, kind: EmailKind, record) {
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

    async recordFailure(id, failure) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName,
            Key: { pk: keys.debrief(id) },
            UpdateExpression: "SET failure = :f",
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeValues: { ":f": failure },
          }),
        );
      } catch (e) {
        // An erased debrief has nothing left to record a failure on.
        if (!isConditionFailure(e)) throw e;
      }
    },

    async ensureLinkKey(id, linkKey) {
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName,
            Key: { pk: keys.debrief(id) },
            UpdateExpression: "SET linkKey = if_not_exists(linkKey, :k)",
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeValues: { ":k": linkKey },
            ReturnValues: "UPDATED_NEW",
          }),
        );
        return Attributes?.linkKey as string | undefined;
      } catch (e) {
        if (isConditionFailure(e)) return undefined;
        throw e;
      }
    },

    async useLink(id, code, now) {
      try {
        // The conditional add is the "once": of two concurrent clicks, one adds the code, the other finds it.
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName,
            Key: { pk: keys.debrief(id) },
            UpdateExpression: "ADD usedLinks :code",
            ConditionExpression: "attribute_exists(pk) AND expiresAt > :now AND NOT contains(usedLinks, :c)",
            ExpressionAttributeValues: { ":code": new Set([code]), ":c": code, ":now": now.toISOString() },
            ReturnValues: "ALL_NEW",
          }),
        );
        if (!Attributes) return undefined;
        const { pk: _pk, [TTL_ATTRIBUTE]: _ttl, ...debrief } = Attributes;
        return debrief as Debrief;
      } catch (e) {
        if (isConditionFailure(e)) return undefined;
        throw e;
      }
    },

    async findToken(tokenHash, now) {
      const { Item } = await doc.send(new GetCommand({ TableName, Key: { pk: keys.token(tokenHash) } }));
      if (!Item || Item.action || Date.parse(Item.expiresAt as string) <= now.getTime()) return undefined;
      return Item.debriefId as string;
    },

    async findActionToken(tokenHash, now) {
      const { Item } = await doc.send(
        new GetCommand({ TableName, Key: { pk: keys.token(tokenHash) }, ConsistentRead: true }),
      );
      if (!Item?.action || Date.parse(Item.expiresAt as string) <= now.getTime()) return undefined;
      return { debriefId: Item.debriefId as string, action: Item.action as CandidateAction };
    },

    async consumeActionToken(tokenHash, now) {
      try {
        // The conditional delete is the "once": of two concurrent clicks, one deletes, the other finds nothing.
        const { Attributes } = await doc.send(
          new DeleteCommand({
            TableName,
            Key: { pk: keys.token(tokenHash) },
            ConditionExpression: "attribute_exists(#action) AND expiresAt > :now",
            ExpressionAttributeNames: { "#action": "action" },
            ExpressionAttributeValues: { ":now": now.toISOString() },
            ReturnValues: "ALL_OLD",
          }),
        );
        if (!Attributes) return undefined;
        return { debriefId: Attributes.debriefId as string, action: Attributes.action as CandidateAction };
      } catch (e) {
        if (isConditionFailure(e)) return undefined;
        throw e;
      }
    },

    async updateDebrief(id, changes) {
      // A changed address moves the debrief in the address index with it.
      const update = updateExpression(
        changes.input
          ? {
              ...changes,
              [ADDRESS_INDEX.partitionKey]: addressDigest(await digestSecret(), changes.input.candidate.email),
            }
          : changes,
      );
      if (!update) return;
      try {
        await doc.send(
          new UpdateCommand({
            TableName,
            Key: { pk: keys.debrief(id) },
            ...update,
            ConditionExpression: "attribute_exists(pk)",
          }),
        );
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
      }
    },

    async erase(debrief) {
      // The debrief goes first, returning the latest token list: a token minted after this finds no debrief and removes itself.
      const { Attributes } = await doc.send(
        new DeleteCommand({ TableName, Key: { pk: keys.debrief(debrief.id) }, ReturnValues: "ALL_OLD" }),
      );
      const hashes = new Set([...debrief.tokenHashes, ...((Attributes?.tokenHashes as string[] | undefined) ?? [])]);
      for (const hash of hashes) await doc.send(new DeleteCommand({ TableName, Key: { pk: keys.token(hash) } }));
      // The log of advisor accesses goes with it (a debrief never shared has none).
      await doc.send(new DeleteCommand({ TableName, Key: { pk: keys.audit(debrief.id) } }));
    },

    async suppress(address, reason, at, expiresAt) {
      const pk = keys.suppressed(addressDigest(await digestSecret(), address));
      const lapsing = expiresAt ? { expiresAt: expiresAt.toISOString(), [TTL_ATTRIBUTE]: ttlOf(expiresAt) } : {};
      try {
        await doc.send(
          new PutCommand({
            TableName,
            Item: { pk, reason, at: at.toISOString(), ...lapsing },
            // A lasting suppression replaces a lapsing one; a lapsing one replaces only one that has lapsed.
            ConditionExpression: expiresAt
              ? "attribute_not_exists(pk) OR (attribute_exists(expiresAt) AND expiresAt <= :now)"
              : "attribute_not_exists(pk) OR attribute_exists(expiresAt)",
            ExpressionAttributeValues: expiresAt ? { ":now": at.toISOString() } : undefined,
          }),
        );
      } catch (e) {
        // Already suppressed as long or longer: the first reason stands.
        if (!isConditionFailure(e)) throw e;
      }
    },

    async isSuppressed(address, now = new Date()) {
      // The keyed digest of the normalised address, and the plain SHA-256 that items stored before keyed
      // digests carry (a dual read: those items cannot be renamed, their address is not known).
      // Both in one BatchGetItem (one round trip of the send step's path; the roles of isSuppressed's callers
      // grant it, infra/settings.ts `batchRead`). The Set: BatchGetItem refuses a key listed twice.
      const pks = [...new Set([addressDigest(await digestSecret(), address), legacyAddressDigest(address)])].map(
        keys.suppressed,
      );
      const items = await batchGetByPk(doc, TableName, pks);
      return items.some((i) => typeof i.expiresAt !== "string" || Date.parse(i.expiresAt) > now.getTime());
    },

    async *debriefsForAddress(address, now) {
      const pages = paginateQuery(
        { client: doc },
        {
          TableName,
          IndexName: ADDRESS_INDEX.name,
          KeyConditionExpression: "#digest = :digest",
          ExpressionAttributeNames: { "#digest": ADDRESS_INDEX.partitionKey },
          ExpressionAttributeValues: { ":digest": addressDigest(await digestSecret(), address) },
        },
      );
      for await (const page of pages) {
        for (const item of page.Items ?? []) {
          const d = item as Pick<Debrief, "id" | "expiresAt" | "workflowName" | "workflowStartedAt">;
          if (!isExpired(d, now)) yield d;
        }
      }
    },

    async backfillAddressDigests() {
      // Debriefs stored before the address index carry no digest: give each one (a Scan, run by the reconciler).
      let filled = 0;
      const pages = paginateScan(
        { client: doc },
        {
          TableName,
          ProjectionExpression: "pk, #input.#candidate.#email",
          FilterExpression: "begins_with(pk, :prefix) AND attribute_not_exists(#digest)",
          ExpressionAttributeNames: {
            "#input": "input",
            "#candidate": "candidate",
            "#email": "email",
            "#digest": ADDRESS_INDEX.partitionKey,
          },
          ExpressionAttributeValues: { ":prefix": prefixOf("debrief") },
        },
      );
      for await (const page of pages) {
        for (const item of page.Items ?? []) {
          const email = (item as { input?: { candidate?: { email?: unknown } } }).input?.candidate?.email;
          if (typeof email !== "string") continue;
          try {
            await doc.send(
              new UpdateCommand({
                TableName,
                Key: { pk: item.pk },
                UpdateExpression: "SET #digest = :digest",
                ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(#digest)",
                ExpressionAttributeNames: { "#digest": ADDRESS_INDEX.partitionKey },
                ExpressionAttributeValues: { ":digest": addressDigest(await digestSecret(), email) },
              }),
            );
            filled++;
          } catch (e) {
            if (!isConditionFailure(e)) throw e;
          }
        }
      }
      return filled;
    },

    async *listDebriefs(now) {
      const pages = paginateScan(
        { client: doc },
        {
          TableName,
          ConsistentRead: true,
          FilterExpression: "begins_with(pk, :prefix)",
          ExpressionAttributeValues: { ":prefix": prefixOf("debrief") },
        },
      );
      for await (const page of pages) {
        for (const item of page.Items ?? []) {
          const d = debriefOf(item);
          if (!isExpired(d, now)) yield d;
        }
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
          try {
            await doc.send(
              new DeleteCommand({
                TableName,
                Key: { pk },
                // An item whose retention was extended since the scan stays.
                ConditionExpression: "#ttl <= :now",
                ExpressionAttributeNames: { "#ttl": TTL_ATTRIBUTE },
                ExpressionAttributeValues: { ":now": nowSeconds },
              }),
            );
            deleted++;
          } catch (e) {
            if (!isConditionFailure(e)) throw e;
          }
        }
      }
      return deleted;
    },

    async markRedriven(id, executionName, at) {
      await doc.send(
        new UpdateCommand({
          TableName,
          Key: { pk: keys.debrief(id) },
          UpdateExpression: "SET workflowName = :name, workflowStartedAt = :at REMOVE failure",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":name": executionName, ":at": at.toISOString() },
        }),
      );
    },

    async ping() {
      await client.send(new DescribeTableCommand({ TableName }));
    },
  };
}

/** A stored item as the debrief it holds: without its key, TTL and index digest (not part of the debrief). */
function debriefOf(item: Record<string, unknown>): Debrief {
  const {
    pk: _pk,
    [TTL_ATTRIBUTE]: _ttl,
    [ADDRESS_INDEX.partitionKey]: _digest,
    [STUDENT_DIGEST]: _student,
    ...debrief
  } = item;
  return debrief as Debrief;
}
