import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { ConditionalCheckFailedException, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { stubClient } from "./dynamo-store/stub-client";
import {
  ADDRESS_INDEX,
  documentClient,
  itemsOfIndex,
  itemsOfKind,
  keys,
  unlessRefused,
  updateExpression,
} from "./table";

const ROOT = resolve(import.meta.dirname, "../../../../..");
const TABLE_MODULE = "packages/core/src/adapters/aws/table.ts";
/** The product's packages (packages/bench keeps independent baselines with their own clients). */
const GUARDED = ["packages/core", "packages/functions", "packages/local"];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sources(path);
    return /\.(ts|tsx|mts|mjs|js)$/.test(entry.name) ? [path] : [];
  });
}

/** A string literal or template starting with a key prefix: an upper-case word and `#`. */
const KEY_PREFIX = /["'`][A-Z][A-Z0-9_]*#/;
const FROM_CALL = /DynamoDBDocumentClient\s*\.\s*from\b/;

describe("the table module owns the single table's schema", () => {
  it("is the only file that spells a key prefix or builds a document client", () => {
    const offenders: string[] = [];
    for (const pkg of GUARDED) {
      for (const file of sources(join(ROOT, pkg))) {
        const path = relative(ROOT, file);
        if (path === TABLE_MODULE) continue;
        readFileSync(file, "utf8")
          .split("\n")
          .forEach((line, i) => {
            if (KEY_PREFIX.test(line) || FROM_CALL.test(line)) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
          });
      }
    }
    expect(offenders).toEqual([]);
  });

  it("is the only adapter that reads a refused condition (every other conditional write goes through unlessRefused)", () => {
    const adapters = join(ROOT, "packages/core/src/adapters/aws");
    const offenders = sources(adapters)
      .filter((file) => !file.endsWith(".test.ts") && relative(ROOT, file) !== TABLE_MODULE)
      .filter((file) => readFileSync(file, "utf8").includes("ConditionalCheckFailed"))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  it("has a prefix for every key and no prefix of one kind that starts another", () => {
    const prefixes = [
      keys.debrief(""),
      keys.token(""),
      keys.audit(""),
      keys.centre(""),
      keys.centreKey(""),
      keys.rate(""),
    ];
    expect(prefixes.every((p) => KEY_PREFIX.test(`"${p}`))).toBe(true);
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(b.startsWith(a)).toBe(false);
    // An address is kept only as its digest (digest.ts), which names the item.
    expect(keys.suppressed("a".repeat(43)).endsWith("a".repeat(43))).toBe(true);
  });
});

describe("documentClient", () => {
  it("builds one document client per DynamoDB client, removing undefined values", () => {
    const client = new DynamoDBClient({ region: "eu-west-1" });
    const doc = documentClient(client);
    expect(documentClient(client)).toBe(doc);
    expect(doc.config.translateConfig?.marshallOptions?.removeUndefinedValues).toBe(true);
    expect(documentClient(new DynamoDBClient({ region: "eu-west-1" }))).not.toBe(doc);
  });
});

describe("updateExpression", () => {
  it("sets defined values and removes undefined ones, every name through a placeholder", () => {
    expect(updateExpression({ draft: "hi", stoppedAt: undefined, schedule: { a: 1 } })).toEqual({
      UpdateExpression: "SET #draft = :draft, #schedule = :schedule REMOVE #stoppedAt",
      ExpressionAttributeNames: { "#draft": "draft", "#stoppedAt": "stoppedAt", "#schedule": "schedule" },
      ExpressionAttributeValues: { ":draft": "hi", ":schedule": { a: 1 } },
    });
  });

  it("writes under a path and leaves out values when it only removes", () => {
    expect(updateExpression({ messageId: "m-1" }, "sends.#kind")).toEqual({
      UpdateExpression: "SET sends.#kind.#messageId = :messageId",
      ExpressionAttributeNames: { "#messageId": "messageId" },
      ExpressionAttributeValues: { ":messageId": "m-1" },
    });
    expect(updateExpression({ draft: undefined })).toEqual({
      UpdateExpression: "REMOVE #draft",
      ExpressionAttributeNames: { "#draft": "draft" },
      ExpressionAttributeValues: undefined,
    });
  });

  it("is undefined when nothing changes, and refuses what is not an attribute name", () => {
    expect(updateExpression({})).toBeUndefined();
    expect(() => updateExpression({ "a.b": 1 })).toThrow(/Not an attribute name/);
  });
});

describe("unlessRefused", () => {
  it("gives a write's result, undefined when its condition refused it, and throws any other failure", async () => {
    expect(await unlessRefused(Promise.resolve({ ok: 1 }))).toEqual({ ok: 1 });
    const refused = new ConditionalCheckFailedException({ message: "The conditional request failed", $metadata: {} });
    expect(await unlessRefused(Promise.reject(refused))).toBeUndefined();
    await expect(unlessRefused(Promise.reject(new Error("throttled")))).rejects.toThrow("throttled");
  });
});

describe("itemsOfKind and itemsOfIndex", () => {
  /** Two pages: the first names where the second starts. */
  const twoPages = () =>
    stubClient((_operation, body) =>
      body.ExclusiveStartKey
        ? { Items: [{ pk: { S: keys.debrief("b") } }] }
        : { Items: [{ pk: { S: keys.debrief("a") } }], LastEvaluatedKey: { pk: { S: keys.debrief("a") } } },
    );

  it("scan every page of one kind, the kind's prefix ANDed with the caller's filter", async () => {
    const { client, seen } = twoPages();
    const items = [];
    const scan = itemsOfKind(documentClient(client), "t", "debrief", {
      FilterExpression: "attribute_exists(sends) OR attribute_exists(draft)",
      ConsistentRead: true,
    });
    for await (const item of scan) items.push(item.pk);
    expect(items).toEqual([keys.debrief("a"), keys.debrief("b")]);
    expect(seen.map((s) => s.operation)).toEqual(["Scan", "Scan"]);
    expect(seen[0]?.body).toMatchObject({
      TableName: "t",
      ConsistentRead: true,
      FilterExpression: "begins_with(pk, :prefix) AND (attribute_exists(sends) OR attribute_exists(draft))",
      ExpressionAttributeValues: { ":prefix": { S: keys.debrief("") } },
    });
  });

  it("query every page of one index value", async () => {
    const { client, seen } = twoPages();
    const items = [];
    for await (const item of itemsOfIndex(documentClient(client), "t", ADDRESS_INDEX, "d1")) items.push(item.pk);
    expect(items).toEqual([keys.debrief("a"), keys.debrief("b")]);
    expect(seen.map((s) => s.operation)).toEqual(["Query", "Query"]);
    expect(seen[0]?.body).toMatchObject({
      IndexName: ADDRESS_INDEX.name,
      ExpressionAttributeNames: { "#partition": ADDRESS_INDEX.partitionKey },
      ExpressionAttributeValues: { ":value": { S: "d1" } },
    });
  });
});
