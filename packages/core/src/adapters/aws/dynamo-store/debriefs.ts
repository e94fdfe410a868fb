/** The debrief items: written once, read consistently, changed by the candidate's page and the workflow. */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { isExpired } from "../../../debrief/model";
import type { DebriefStore } from "../../../ports";
import { ADDRESS_INDEX, keys, STUDENT_DIGEST, TTL_ATTRIBUTE, ttlOf, unlessRefused, updateExpression } from "../table";
import { debriefOf, type StoreTable } from "./context";
import type { EarlierReleases } from "./earlier-releases";

type DebriefStorage = Pick<
  DebriefStore,
  | "create"
  | "get"
  | "delete"
  | "markWorkflowStarted"
  | "recordFailure"
  | "ensureLinkKey"
  | "useLink"
  | "updateDebrief"
  | "erase"
  | "markRedriven"
>;

export function debriefStorage(
  { doc, TableName, digestOf, studentDigestOf }: StoreTable,
  tokens: Pick<EarlierReleases, "putLookups" | "deleteLookups">,
): DebriefStorage {
  const Key = (id: string) => ({ pk: keys.debrief(id) });

  /**
   * Sets a field of a stored debrief unless it has one (the first writer wins) and returns
   * the value the debrief holds; a debrief that is gone fails the write's condition.
   */
  const setOnce = async (id: string, field: "workflowStartedAt" | "linkKey", value: string) => {
    const { Attributes } = await doc.send(
      new UpdateCommand({
        TableName,
        Key: Key(id),
        UpdateExpression: "SET #field = if_not_exists(#field, :value)",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: { "#field": field },
        ExpressionAttributeValues: { ":value": value },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    return Attributes?.[field] as string | undefined;
  };

  return {
    async create(debrief) {
      const written = await unlessRefused(
        doc.send(
          new PutCommand({
            TableName,
            Item: {
              pk: keys.debrief(debrief.id),
              [TTL_ATTRIBUTE]: ttlOf(debrief.expiresAt),
              ...debrief,
              // The address index's key: its debriefs are found by this digest, never by a Scan.
              [ADDRESS_INDEX.partitionKey]: await digestOf(debrief.input.candidate.email),
              // A centre counts its students by this digest (one student, however many debriefs).
              ...(debrief.centre ? { [STUDENT_DIGEST]: await studentDigestOf(debrief.input.candidate.email) } : {}),
            },
            ConditionExpression: "attribute_not_exists(pk)",
          }),
        ),
      );
      if (!written) return false;
      try {
        await tokens.putLookups(debrief);
      } catch (error) {
        // Without its token the candidate could never reach the debrief: undo, so nothing half-written stays.
        await doc.send(new DeleteCommand({ TableName, Key: Key(debrief.id) })).catch(() => undefined);
        throw error;
      }
      return true;
    },

    async get(id, now) {
      const { Item } = await doc.send(new GetCommand({ TableName, Key: Key(id), ConsistentRead: true }));
      if (!Item) return undefined;
      const d = debriefOf(Item);
      return isExpired(d, now) ? undefined : d;
    },

    async delete(id) {
      await doc.send(new DeleteCommand({ TableName, Key: Key(id) }));
    },

    async markWorkflowStarted(id, at) {
      await setOnce(id, "workflowStartedAt", at.toISOString());
    },

    async recordFailure(id, failure) {
      // An erased debrief has nothing left to record a failure on.
      await unlessRefused(
        doc.send(
          new UpdateCommand({
            TableName,
            Key: Key(id),
            UpdateExpression: "SET failure = :f",
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeValues: { ":f": failure },
          }),
        ),
      );
    },

    async ensureLinkKey(id, linkKey) {
      return unlessRefused(setOnce(id, "linkKey", linkKey));
    },

    async useLink(id, code, now) {
      // The conditional add is the "once": of two concurrent clicks, one adds the code, the other finds it.
      const used = await unlessRefused(
        doc.send(
          new UpdateCommand({
            TableName,
            Key: Key(id),
            UpdateExpression: "ADD usedLinks :code",
            ConditionExpression: "attribute_exists(pk) AND expiresAt > :now AND NOT contains(usedLinks, :c)",
            ExpressionAttributeValues: { ":code": new Set([code]), ":c": code, ":now": now.toISOString() },
            ReturnValues: "ALL_NEW",
          }),
        ),
      );
      return used?.Attributes ? debriefOf(used.Attributes) : undefined;
    },

    async updateDebrief(id, changes) {
      // A changed address moves the debrief in the address index with it.
      const update = updateExpression(
        changes.input
          ? { ...changes, [ADDRESS_INDEX.partitionKey]: await digestOf(changes.input.candidate.email) }
          : changes,
      );
      if (!update) return;
      await unlessRefused(
        doc.send(
          new UpdateCommand({ TableName, Key: Key(id), ...update, ConditionExpression: "attribute_exists(pk)" }),
        ),
      );
    },

    async erase(debrief) {
      // The debrief goes first, returning the latest token list: a token minted after this finds no debrief and removes itself.
      const { Attributes } = await doc.send(
        new DeleteCommand({ TableName, Key: Key(debrief.id), ReturnValues: "ALL_OLD" }),
      );
      await tokens.deleteLookups([
        ...debrief.tokenHashes,
        ...((Attributes?.tokenHashes as string[] | undefined) ?? []),
      ]);
      // The log of advisor accesses goes with it (a debrief never shared has none).
      await doc.send(new DeleteCommand({ TableName, Key: { pk: keys.audit(debrief.id) } }));
    },

    async markRedriven(id, executionName, at) {
      await doc.send(
        new UpdateCommand({
          TableName,
          Key: Key(id),
          UpdateExpression: "SET workflowName = :name, workflowStartedAt = :at REMOVE failure",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":name": executionName, ":at": at.toISOString() },
        }),
      );
    },
  };
}
