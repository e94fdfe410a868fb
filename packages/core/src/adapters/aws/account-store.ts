import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { isoWeek } from "../../centres/stats";
import type { AccountStore, Advisor, AdvisorKey, CentreEvent, Session, SignInLink, Team } from "../../centres/team";
import { keyedDigest } from "../../digest";
import { digestSecretFor } from "./form-secret";
import { batchGetByPk, documentClient, keys, TTL_ATTRIBUTE, ttlOf, unlessRefused } from "./table";

const DAY_MS = 86_400_000;
/** A log line's item lives this long after its last line was written (the log shows one year). */
const LOG_KEPT_DAYS = 366;

/**
 * A centre's people in the single table (see table.ts): one TEAM item per centre holding its
 * advisors and keys as maps (each changed by its own conditional update, so two owners
 * inviting at once never overwrite each other), and small items for what is looked up by a
 * secret's hash: API keys, sign-in links and sessions (these two with a TTL).
 */
export function createDynamoAccountStore(
  tableName: string,
  client = new DynamoDBClient({}),
  options: { digestSecret?: string } = {},
): AccountStore {
  const digestSecret = digestSecretFor(tableName, client, options.digestSecret);
  const doc = documentClient(client);
  const TableName = tableName;
  const teamKey = (slug: string) => ({ pk: keys.team(slug) });

  /** The team item's two maps, so that a member can be set inside them. */
  const ensureTeam = (slug: string) =>
    doc.send(
      new UpdateCommand({
        TableName,
        Key: teamKey(slug),
        UpdateExpression: "SET advisors = if_not_exists(advisors, :empty), #keys = if_not_exists(#keys, :empty)",
        ExpressionAttributeNames: { "#keys": "keys" },
        ExpressionAttributeValues: { ":empty": {} },
      }),
    );

  /** An update that holds only while its condition does: false when it does not. */
  const conditional = async (command: UpdateCommand | DeleteCommand | PutCommand) =>
    (await unlessRefused(doc.send(command as UpdateCommand))) !== undefined;

  const readTeam = async (slug: string): Promise<Team> => {
    const { Item } = await doc.send(new GetCommand({ TableName, Key: teamKey(slug), ConsistentRead: true }));
    return {
      advisors: Object.values((Item?.advisors ?? {}) as Record<string, Advisor>).sort((a, b) =>
        a.addedAt.localeCompare(b.addedAt),
      ),
      keys: Object.values((Item?.keys ?? {}) as Record<string, AdvisorKey>).sort((a, b) =>
        a.createdAt.localeCompare(b.createdAt),
      ),
    };
  };

  const weeksBetween = (since: Date, now: Date) => {
    const weeks = new Set<string>();
    for (let t = since.getTime(); t <= now.getTime(); t += DAY_MS) weeks.add(isoWeek(new Date(t).toISOString()));
    weeks.add(isoWeek(now.toISOString()));
    return [...weeks];
  };

  /** The weekly email's list of subscribers: one item, a map keyed `<slug>#<advisor id>`. */
  const SUBSCRIBERS = { pk: keys.digestSubscribers() };
  const subscriberKey = (s: { slug: string; advisorId: string }) => `${s.slug}#${s.advisorId}`;
  const subscribe = async (list: { slug: string; advisorId: string }[]) => {
    await doc.send(
      new UpdateCommand({
        TableName,
        Key: SUBSCRIBERS,
        UpdateExpression: "SET subscribers = if_not_exists(subscribers, :empty)",
        ExpressionAttributeValues: { ":empty": {} },
      }),
    );
    for (const s of list) {
      await doc.send(
        new UpdateCommand({
          TableName,
          Key: SUBSCRIBERS,
          UpdateExpression: "SET subscribers.#s = :s",
          ExpressionAttributeNames: { "#s": subscriberKey(s) },
          ExpressionAttributeValues: { ":s": s },
        }),
      );
    }
  };
  const unsubscribe = async (list: { slug: string; advisorId: string }[]) => {
    for (const s of list) {
      await conditional(
        new UpdateCommand({
          TableName,
          Key: SUBSCRIBERS,
          UpdateExpression: "REMOVE subscribers.#s",
          ConditionExpression: "attribute_exists(subscribers)",
          ExpressionAttributeNames: { "#s": subscriberKey(s) },
        }),
      );
    }
  };

  const store: AccountStore = {
    async digest(value) {
      return keyedDigest(await digestSecret(), "account", value);
    },

    team: readTeam,

    async addAdvisor(slug, advisor) {
      await ensureTeam(slug);
      return conditional(
        new UpdateCommand({
          TableName,
          Key: teamKey(slug),
          UpdateExpression: "SET advisors.#id = :advisor",
          ConditionExpression: "attribute_not_exists(advisors.#id)",
          ExpressionAttributeNames: { "#id": advisor.id },
          ExpressionAttributeValues: { ":advisor": advisor },
        }),
      );
    },

    async removeAdvisor(slug, advisorId) {
      const theirs = (await readTeam(slug)).keys.filter((k) => k.advisorId === advisorId);
      const names: Record<string, string> = { "#id": advisorId, ...(theirs.length ? { "#keys": "keys" } : {}) };
      theirs.forEach((k, i) => {
        names[`#k${i}`] = k.id;
      });
      // Off the team first: from here on their sessions and keys find no advisor.
      const removed = await conditional(
        new UpdateCommand({
          TableName,
          Key: teamKey(slug),
          UpdateExpression: `REMOVE ${["advisors.#id", ...theirs.map((_, i) => `#keys.#k${i}`)].join(", ")}`,
          ConditionExpression: "attribute_exists(advisors.#id)",
          ExpressionAttributeNames: names,
        }),
      );
      if (!removed) return false;
      for (const k of theirs) await doc.send(new DeleteCommand({ TableName, Key: { pk: keys.advisorKey(k.hash) } }));
      await unsubscribe([{ slug, advisorId }]);
      return true;
    },

    async setWeeklyDigest(slug, advisorId, weekly) {
      const changed = await conditional(
        new UpdateCommand({
          TableName,
          Key: teamKey(slug),
          UpdateExpression: "SET advisors.#id.weeklyDigest = :weekly",
          ConditionExpression: "attribute_exists(advisors.#id)",
          ExpressionAttributeNames: { "#id": advisorId },
          ExpressionAttributeValues: { ":weekly": weekly },
        }),
      );
      if (changed) await (weekly ? subscribe : unsubscribe)([{ slug, advisorId }]);
      return changed;
    },

    async saveLink(link) {
      const pk = keys.signIn(link.hash);
      await doc.send(
        new PutCommand({
          TableName,
          Item: {
            pk,
            slug: link.slug,
            advisorId: link.advisorId,
            expiresAt: link.expiresAt,
            [TTL_ATTRIBUTE]: ttlOf(link.expiresAt),
          },
        }),
      );
      // The advisor's one outstanding link: the earlier one, if any, is deleted too.
      const pending = await unlessRefused(
        doc.send(
          new UpdateCommand({
            TableName,
            Key: teamKey(link.slug),
            UpdateExpression: "SET advisors.#id.pendingLink = :hash",
            ConditionExpression: "attribute_exists(advisors.#id)",
            ExpressionAttributeNames: { "#id": link.advisorId },
            ExpressionAttributeValues: { ":hash": link.hash },
            ReturnValues: "UPDATED_OLD",
          }),
        ),
      );
      if (!pending) {
        // No such advisor (any more): the link must not outlive the refusal.
        await doc.send(new DeleteCommand({ TableName, Key: { pk } }));
        return false;
      }
      const earlier = (pending.Attributes?.advisors as Record<string, { pendingLink?: string }> | undefined)?.[
        link.advisorId
      ]?.pendingLink;
      if (earlier && earlier !== link.hash) {
        await doc.send(new DeleteCommand({ TableName, Key: { pk: keys.signIn(earlier) } }));
      }
      return true;
    },

    async takeLink(hash, now) {
      // The conditional delete is the "once": of two concurrent sign-ins, one takes the link, the other finds nothing.
      const taken = await unlessRefused(
        doc.send(
          new DeleteCommand({
            TableName,
            Key: { pk: keys.signIn(hash) },
            ConditionExpression: "attribute_exists(pk) AND expiresAt > :now",
            ExpressionAttributeValues: { ":now": now.toISOString() },
            ReturnValues: "ALL_OLD",
          }),
        ),
      );
      const Attributes = taken?.Attributes;
      if (!Attributes) return undefined;
      return {
        hash,
        slug: Attributes.slug as string,
        advisorId: Attributes.advisorId as string,
        expiresAt: Attributes.expiresAt as string,
      } satisfies SignInLink;
    },

    async saveSession(session) {
      await doc.send(
        new PutCommand({
          TableName,
          Item: {
            pk: keys.session(session.hash),
            slug: session.slug,
            advisorId: session.advisorId,
            createdAt: session.createdAt,
            expiresAt: session.expiresAt,
            [TTL_ATTRIBUTE]: ttlOf(session.expiresAt),
          },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
    },

    async findSession(hash, now) {
      const { Item } = await doc.send(
        new GetCommand({ TableName, Key: { pk: keys.session(hash) }, ConsistentRead: true }),
      );
      if (!Item || Date.parse(Item.expiresAt as string) <= now.getTime()) return undefined;
      return {
        hash,
        slug: Item.slug,
        advisorId: Item.advisorId,
        createdAt: Item.createdAt,
        expiresAt: Item.expiresAt,
      } as Session;
    },

    async deleteSession(hash) {
      await doc.send(new DeleteCommand({ TableName, Key: { pk: keys.session(hash) } }));
    },

    async addKey(slug, key) {
      await ensureTeam(slug);
      await doc.send(
        new PutCommand({
          TableName,
          Item: { pk: keys.advisorKey(key.hash), slug, keyId: key.id },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      await doc.send(
        new UpdateCommand({
          TableName,
          Key: teamKey(slug),
          UpdateExpression: "SET #keys.#k = :key",
          ExpressionAttributeNames: { "#keys": "keys", "#k": key.id },
          ExpressionAttributeValues: { ":key": key },
        }),
      );
    },

    async findKey(hash) {
      const { Item } = await doc.send(
        new GetCommand({ TableName, Key: { pk: keys.advisorKey(hash) }, ConsistentRead: true }),
      );
      return typeof Item?.slug === "string" ? { slug: Item.slug, keyId: Item.keyId as string } : undefined;
    },

    async touchKey(slug, keyId, at) {
      await conditional(
        new UpdateCommand({
          TableName,
          Key: teamKey(slug),
          UpdateExpression: "SET #keys.#k.lastUsedAt = :at",
          ConditionExpression: "attribute_exists(#keys.#k)",
          ExpressionAttributeNames: { "#keys": "keys", "#k": keyId },
          ExpressionAttributeValues: { ":at": at.toISOString() },
        }),
      );
    },

    async deleteKey(slug, key) {
      // Off the team first: the key stops authenticating even if the item's delete fails.
      await conditional(
        new UpdateCommand({
          TableName,
          Key: teamKey(slug),
          UpdateExpression: "REMOVE #keys.#k",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeNames: { "#keys": "keys", "#k": key.id },
        }),
      );
      await doc.send(new DeleteCommand({ TableName, Key: { pk: keys.advisorKey(key.hash) } }));
    },

    async appendEvent(slug, event) {
      await doc.send(
        new UpdateCommand({
          TableName,
          Key: { pk: keys.centreLog(slug, isoWeek(event.at)) },
          UpdateExpression: "SET entries = list_append(if_not_exists(entries, :empty), :entry), #ttl = :ttl",
          ExpressionAttributeNames: { "#ttl": TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ":empty": [],
            ":entry": [event],
            ":ttl": ttlOf(new Date(Date.parse(event.at) + LOG_KEPT_DAYS * DAY_MS)),
          },
        }),
      );
    },

    async events(slug, since, now) {
      const pks = weeksBetween(since, now).map((week) => keys.centreLog(slug, week));
      const items: Record<string, unknown>[] = [];
      for (let i = 0; i < pks.length; i += 100)
        items.push(...(await batchGetByPk(doc, TableName, pks.slice(i, i + 100))));
      return items
        .flatMap((item) => (item.entries as CentreEvent[] | undefined) ?? [])
        .filter((e) => Date.parse(e.at) >= since.getTime())
        .sort((a, b) => b.at.localeCompare(a.at));
    },

    async digestSubscribers() {
      const { Item } = await doc.send(new GetCommand({ TableName, Key: SUBSCRIBERS, ConsistentRead: true }));
      return Object.values((Item?.subscribers ?? {}) as Record<string, { slug: string; advisorId: string }>);
    },

    async claimDigest(slug, advisorId, week, expiresAt) {
      return conditional(
        new PutCommand({
          TableName,
          Item: { pk: keys.digestSent(slug, advisorId, week), [TTL_ATTRIBUTE]: ttlOf(expiresAt) },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
    },

    async releaseDigest(slug, advisorId, week) {
      await doc.send(new DeleteCommand({ TableName, Key: { pk: keys.digestSent(slug, advisorId, week) } }));
    },

    async deleteTeam(slug, now) {
      const team = await readTeam(slug);
      await unsubscribe(team.advisors.map((a) => ({ slug, advisorId: a.id })));
      await doc.send(new DeleteCommand({ TableName, Key: teamKey(slug) }));
      for (const k of team.keys) await doc.send(new DeleteCommand({ TableName, Key: { pk: keys.advisorKey(k.hash) } }));
      const since = new Date(now.getTime() - LOG_KEPT_DAYS * DAY_MS);
      for (const week of weeksBetween(since, now)) {
        await doc.send(new DeleteCommand({ TableName, Key: { pk: keys.centreLog(slug, week) } }));
      }
    },
  };
  return store;
}
