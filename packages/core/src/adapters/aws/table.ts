import { setTimeout as sleep } from "node:timers/promises";
import { ConditionalCheckFailedException, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  paginateQuery,
  paginateScan,
  type ScanCommandOutput,
} from "@aws-sdk/lib-dynamodb";

/**
 * The single table's schema, in one place: every store in this folder, infra/storage.ts
 * and the local stack's table read it from here. One item per key (`pk` only):
 * - `DEBRIEF#<id>`: the debrief, its schedule and its send records;
 * - `TOKEN#<sha256 of a page or action token>`: points at a debrief, for the links of emails sent
 *   before 0.1.0 (dynamo-store/earlier-releases.ts, with its removal date);
 * - `SUPPRESSED#<digest of an address>`: an address that gets no more email (digest.ts: keyed, of the
 *   normalised address; a suppression written before 0.1.0 is named by the plain SHA-256, earlier-releases.ts);
 * - `AUDIT#<debrief id>`: advisor accesses to a debrief shared with a career centre;
 * - `CENTRE#<slug>`: a centre's settings and the hashes of its live admin keys;
 * - `CENTREKEY#<sha256 of an admin key>`: the centre the key opens;
 * - `TEAM#<slug>`: a centre's advisors (by the keyed digest of their address) and their API keys' hashes;
 * - `ADVISORKEY#<sha256 of an advisor's API key>`: the centre and key it belongs to;
 * - `SIGNIN#<keyed hash of a sign-in link's token>`: the advisor it signs in (15-minute TTL);
 * - `SESSION#<keyed hash of a session cookie's token>`: a signed-in advisor (12-hour TTL);
 * - `CENTRELOG#<slug>#<ISO week>`: that week's lines of the centre's log (kept a year);
 * - `DIGESTS#subscribers`: who asked for the weekly email (`<slug>#<advisor id>`), read by the weekly job;
 * - `DIGESTSENT#<slug>#<advisor id>#<ISO week>`: a weekly email claimed before it is sent (kept 60 days);
 * - `RATE#<digests and window start>`: a rate-limit counter;
 * - `CONFIG#form-ticket-key`: the key signing form tickets when FORM_SECRET is not set;
 * - `CONFIG#digest-key`: the key of the address and IP digests when DIGEST_SECRET is not set.
 * Items that expire carry {@link TTL_ATTRIBUTE} (epoch seconds) so DynamoDB deletes them.
 */
export const keys = {
  debrief: (id: string) => `DEBRIEF#${id}`,
  token: (hash: string) => `TOKEN#${hash}`,
  suppressed: (digest: string) => `SUPPRESSED#${digest}`,
  audit: (debriefId: string) => `AUDIT#${debriefId}`,
  centre: (slug: string) => `CENTRE#${slug}`,
  centreKey: (hash: string) => `CENTREKEY#${hash}`,
  team: (slug: string) => `TEAM#${slug}`,
  advisorKey: (hash: string) => `ADVISORKEY#${hash}`,
  signIn: (hash: string) => `SIGNIN#${hash}`,
  session: (hash: string) => `SESSION#${hash}`,
  centreLog: (slug: string, week: string) => `CENTRELOG#${slug}#${week}`,
  digestSubscribers: () => "DIGESTS#subscribers",
  digestSent: (slug: string, advisorId: string, week: string) => `DIGESTSENT#${slug}#${advisorId}#${week}`,
  rate: (key: string) => `RATE#${key}`,
  formTicketKey: () => "CONFIG#form-ticket-key",
  digestKey: () => "CONFIG#digest-key",
};

/** The prefix every key of one kind starts with (for `begins_with` scans). */
export const prefixOf = (kind: "debrief" | "centre") => keys[kind]("");

/** The attribute DynamoDB's time to live reads (infra/storage.ts enables it). */
export const TTL_ATTRIBUTE = "ttl";

/** The TTL value of an item that expires at `at` (an ISO time or a Date): epoch seconds. */
export const ttlOf = (at: string | Date) => Math.floor((typeof at === "string" ? Date.parse(at) : at.getTime()) / 1000);

/**
 * The sparse index listing a centre's debriefs (only debriefs with a `centre` are in it).
 * It projects what the share list and a centre's deletion read, and nothing that identifies a student.
 */
export const CENTRE_INDEX = {
  name: "byCentre",
  partitionKey: "centre",
  sortKey: "createdAt",
  attributes: ["id", "expiresAt", "cohort", "letterSentAt", "secondInterviewAt", "checkins", "shareWithCentre"],
} as const;

/**
 * The sparse index of the students a centre's statistics count: only a debrief whose student
 * proved their address carries `countedIn` (its centre's slug). It projects what statistics
 * read, the student's keyed digest (one student, however many debriefs) and the insight
 * facts (situations, question types), and nothing that identifies a student.
 */
export const STUDENT_INDEX = {
  name: "byCentreStudent",
  partitionKey: "countedIn",
  sortKey: "createdAt",
  attributes: ["expiresAt", "cohort", "letterSentAt", "secondInterviewAt", "checkins", "studentDigest", "insightFacts"],
} as const;

/** The attribute naming a centre debrief's student: digest.ts `studentDigest` of its address. */
export const STUDENT_DIGEST = "studentDigest";

/**
 * The sparse index finding an address's debriefs ("this wasn't me", SES bounces) without a
 * Scan: every debrief carries the keyed digest of its normalised address (digest.ts), and
 * the index projects only what stopping its workflow needs.
 */
export const ADDRESS_INDEX = {
  name: "byAddress",
  partitionKey: "addressDigest",
  attributes: ["id", "expiresAt", "workflowName", "workflowStartedAt"],
} as const;

/** Every secondary index of the table, as infra/storage.ts and the local stack create them. */
export const TABLE_INDEXES: readonly {
  name: string;
  partitionKey: string;
  sortKey?: string;
  attributes: readonly string[];
}[] = [CENTRE_INDEX, ADDRESS_INDEX, STUDENT_INDEX];

/**
 * A conditional write's outcome: what it returns, or undefined when its condition refused it
 * (an answer, such as "claimed already" or "gone", not a failure); any other error is thrown.
 * Every conditional write of the adapters reads its refusal through this one rule.
 */
export async function unlessRefused<T>(write: Promise<T>): Promise<T | undefined> {
  try {
    return await write;
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) return undefined;
    throw e;
  }
}

const documentClients = new WeakMap<DynamoDBClient, DynamoDBDocumentClient>();

/**
 * THE document client of a DynamoDB client, with the marshalling every store needs.
 * `DynamoDBDocumentClient.from` writes its options onto the shared client's config, so
 * two document clients on one client silently share the options of the last one built
 * (a debrief parsed from a form carries explicit `undefined` fields, which then fail to
 * marshal): this factory builds at most one per client and is the only caller of `from`.
 */
export function documentClient(client: DynamoDBClient = new DynamoDBClient({})): DynamoDBDocumentClient {
  let doc = documentClients.get(client);
  if (!doc) {
    doc = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    documentClients.set(client, doc);
  }
  return doc;
}

/** Attempts of a BatchGetItem, the first included, and the first wait before retrying what it left unprocessed. */
export const BATCH_GET_ATTEMPTS = 4;
const BATCH_GET_FIRST_WAIT_MS = 20;

/**
 * The items of a few keys (`pk`s, up to 100) in one round trip: a consistent BatchGetItem.
 * DynamoDB may leave some keys unprocessed (throttling) without an error: those are asked
 * for again after a short, growing, jittered wait, and if some are still unprocessed after
 * {@link BATCH_GET_ATTEMPTS} attempts this throws, since an unread key is not an absent item.
 */
export async function batchGetByPk(
  doc: DynamoDBDocumentClient,
  TableName: string,
  pks: readonly string[],
  firstWaitMs = BATCH_GET_FIRST_WAIT_MS,
): Promise<Record<string, unknown>[]> {
  if (pks.length > 100) throw new Error(`BatchGetItem takes at most 100 keys, not ${pks.length}`);
  const items: Record<string, unknown>[] = [];
  let pending: Record<string, unknown>[] = pks.map((pk) => ({ pk }));
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === BATCH_GET_ATTEMPTS)
      throw new Error(
        `BatchGetItem on ${TableName} left ${pending.length} of ${pks.length} keys unprocessed after ${attempt} attempts`,
      );
    if (attempt > 0) await sleep(firstWaitMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2));
    const out = await doc.send(
      new BatchGetCommand({ RequestItems: { [TableName]: { Keys: pending, ConsistentRead: true } } }),
    );
    items.push(...(out.Responses?.[TableName] ?? []));
    pending = out.UnprocessedKeys?.[TableName]?.Keys ?? [];
  }
  return items;
}

/** A stored item as the document client reads it. */
export type StoredItem = NonNullable<ScanCommandOutput["Items"]>[number];

/** What narrows a Scan of one kind of item: a filter ANDed with the key prefix's, a projection, a consistent read. */
export type ScanOf = {
  FilterExpression?: string;
  ProjectionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ConsistentRead?: boolean;
};

/**
 * Every item of one kind, page by page: a Scan filtered by the kind's key prefix (so only the
 * operations' passes and the centres' list use it, over at most a few thousand items).
 */
export async function* itemsOfKind(
  doc: DynamoDBDocumentClient,
  TableName: string,
  kind: Parameters<typeof prefixOf>[0],
  { FilterExpression, ...scan }: ScanOf = {},
): AsyncGenerator<StoredItem> {
  const pages = paginateScan(
    { client: doc },
    {
      TableName,
      ...scan,
      FilterExpression: FilterExpression
        ? `begins_with(pk, :prefix) AND (${FilterExpression})`
        : "begins_with(pk, :prefix)",
      ExpressionAttributeValues: { ":prefix": prefixOf(kind) },
    },
  );
  for await (const page of pages) yield* page.Items ?? [];
}

/** The items one value of a secondary index's partition key lists, page by page (a Query of the index). */
export async function* itemsOfIndex(
  doc: DynamoDBDocumentClient,
  TableName: string,
  index: { name: string; partitionKey: string },
  value: string,
): AsyncGenerator<StoredItem> {
  const pages = paginateQuery(
    { client: doc },
    {
      TableName,
      IndexName: index.name,
      KeyConditionExpression: "#partition = :value",
      ExpressionAttributeNames: { "#partition": index.partitionKey },
      ExpressionAttributeValues: { ":value": value },
    },
  );
  for await (const page of pages) yield* page.Items ?? [];
}

export type UpdateParts = {
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
};

/**
 * `SET` of each defined value and `REMOVE` of each `undefined` one, every name through
 * ExpressionAttributeNames (`#field`, so reserved words are safe) and every value a
 * `:field` placeholder. `under` is a path prefix such as `sends.#kind` whose names the
 * caller adds. Undefined when there is nothing to change.
 */
export function updateExpression(changes: Record<string, unknown>, under?: string): UpdateParts | undefined {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  for (const [field, value] of Object.entries(changes)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new Error(`Not an attribute name: ${field}`);
    const path = under ? `${under}.#${field}` : `#${field}`;
    names[`#${field}`] = field;
    if (value === undefined) removes.push(path);
    else {
      values[`:${field}`] = value;
      sets.push(`${path} = :${field}`);
    }
  }
  if (sets.length === 0 && removes.length === 0) return undefined;
  return {
    UpdateExpression: [
      sets.length ? `SET ${sets.join(", ")}` : "",
      removes.length ? `REMOVE ${removes.join(", ")}` : "",
    ]
      .filter(Boolean)
      .join(" "),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: sets.length ? values : undefined,
  };
}
