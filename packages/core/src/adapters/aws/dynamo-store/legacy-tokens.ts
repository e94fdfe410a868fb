/**
 * Page and action tokens stored as items (`keys.token`), pointing at their debrief. Links are
 * now derived from the debrief's key (tokens.ts) and stored nowhere; these items serve the
 * links already sent in emails until their debriefs expire.
 */
import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Debrief } from "../../../debrief/model";
import type { CandidateAction, DebriefStore } from "../../../ports";
import { isConditionFailure, keys, TTL_ATTRIBUTE, ttlOf } from "../table";
import type { StoreTable } from "./context";

export type LegacyTokens = Pick<DebriefStore, "findToken" | "findActionToken" | "consumeActionToken"> & {
  /** Writes the lookup item of each token hash a new debrief lists. */
  putLookups(debrief: Pick<Debrief, "id" | "expiresAt" | "tokenHashes">): Promise<void>;
  /** Deletes the lookup items of these token hashes. */
  deleteLookups(hashes: readonly string[]): Promise<void>;
};

export function legacyTokens({ doc, TableName }: StoreTable): LegacyTokens {
  const Key = (tokenHash: string) => ({ pk: keys.token(tokenHash) });
  return {
    async putLookups(debrief) {
      // One request each: the new debrief already lists its tokens, so nothing else is written.
      for (const hash of debrief.tokenHashes) {
        await doc.send(
          new PutCommand({
            TableName,
            Item: {
              ...Key(hash),
              debriefId: debrief.id,
              expiresAt: debrief.expiresAt,
              [TTL_ATTRIBUTE]: ttlOf(debrief.expiresAt),
            },
            ConditionExpression: "attribute_not_exists(pk)",
          }),
        );
      }
    },

    async deleteLookups(hashes) {
      for (const hash of new Set(hashes)) await doc.send(new DeleteCommand({ TableName, Key: Key(hash) }));
    },

    async findToken(tokenHash, now) {
      const { Item } = await doc.send(new GetCommand({ TableName, Key: Key(tokenHash) }));
      if (!Item || Item.action || Date.parse(Item.expiresAt as string) <= now.getTime()) return undefined;
      return Item.debriefId as string;
    },

    async findActionToken(tokenHash, now) {
      const { Item } = await doc.send(new GetCommand({ TableName, Key: Key(tokenHash), ConsistentRead: true }));
      if (!Item?.action || Date.parse(Item.expiresAt as string) <= now.getTime()) return undefined;
      return { debriefId: Item.debriefId as string, action: Item.action as CandidateAction };
    },

    async consumeActionToken(tokenHash, now) {
      try {
        // The conditional delete is the "once": of two concurrent clicks, one deletes, the other finds nothing.
        const { Attributes } = await doc.send(
          new DeleteCommand({
            TableName,
            Key: Key(tokenHash),
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
  };
}
