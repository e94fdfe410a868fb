/**
 * What data written before release 0.1.0 (2026-12-07) still needs, and no migration can
 * rewrite, in one module:
 * - page and action tokens stored as items (`keys.token`), which the links of emails sent
 *   then carry (links are now derived from the debrief's key, tokens.ts, and stored nowhere);
 * - suppressions stored under the address's unkeyed SHA-256 (digest.ts `legacyAddressDigest`),
 *   whose address is not known, so they cannot be keyed.
 *
 * REMOVAL, after 2027-06-05 (the last debrief listing stored tokens has expired under the
 * default 180-day retention; a stage with a longer RETENTION_DAYS waits as long): delete the
 * token part of this module, `StoredTokens` and `DebriefStore.storedTokens` (ports.ts),
 * `Debrief.tokenHashes`, `keys.token`, and the stored-token branches of candidate/links.ts,
 * candidate/actions.ts and unsubscribe.ts. The unkeyed suppressions stay read while a stage
 * keeps bounces it recorded before 0.1.0 (they never lapse; CHANGELOG.md, 0.1.0).
 */
import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Debrief } from "../../../debrief/model";
import { legacyAddressDigest } from "../../../digest";
import type { CandidateAction, StoredTokens } from "../../../ports";
import { keys, TTL_ATTRIBUTE, ttlOf, unlessRefused } from "../table";
import type { StoreTable } from "./context";

/** The suppression item of an address written before keyed digests, for the suppression check to read too. */
export const unkeyedSuppressionKey = (address: string) => keys.suppressed(legacyAddressDigest(address));

export type EarlierReleases = StoredTokens & {
  /** Writes the lookup item of each token hash a new debrief lists. */
  putLookups(debrief: Pick<Debrief, "id" | "expiresAt" | "tokenHashes">): Promise<void>;
  /** Deletes the lookup items of these token hashes. */
  deleteLookups(hashes: readonly string[]): Promise<void>;
};

export function earlierReleases({ doc, TableName }: StoreTable): EarlierReleases {
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

    async findPageToken(tokenHash, now) {
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
      // The conditional delete is the "once": of two concurrent clicks, one deletes, the other finds nothing.
      const deleted = await unlessRefused(
        doc.send(
          new DeleteCommand({
            TableName,
            Key: Key(tokenHash),
            ConditionExpression: "attribute_exists(#action) AND expiresAt > :now",
            ExpressionAttributeNames: { "#action": "action" },
            ExpressionAttributeValues: { ":now": now.toISOString() },
            ReturnValues: "ALL_OLD",
          }),
        ),
      );
      const item = deleted?.Attributes;
      return item ? { debriefId: item.debriefId as string, action: item.action as CandidateAction } : undefined;
    },
  };
}
