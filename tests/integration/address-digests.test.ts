import { createHash, randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { addressDigest } from "@debrief/core";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { emailsTo, readInbox, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { tableItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const DAY_S = 4;
const DAY_MS = DAY_S * 1000;
const SECRET = "digest-secret-for-this-test-only-0123456789";

// Issue 14, findings 4 (one mailbox under many spellings) and 8 (unkeyed digests).
describe("addresses are counted and suppressed by mailbox, under keyed digests", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: DAY_S, env: { ...predictableSchedule(), DIGEST_SECRET: SECRET } });
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  const forAddress = (email: string) => validDebrief({ candidate: { name: "Amira Haddad", email, timeZone: "UTC" } });
  const workflowsEnded = () =>
    waitFor(async () => stack.sfn.executions().every((e) => e.status !== "RUNNING"), {
      timeoutMs: 4 * DAY_MS,
      what: "every workflow to end",
    });

  it("refuses a fourth debrief for one mailbox however its address is spelt, and mails each as typed", async () => {
    const id = randomUUID().slice(0, 8);
    const [first, ...rest] = [`bomb${id}@gmail.com`, `bomb${id}+1@gmail.com`, `b.o.m.b${id}@gmail.com`];
    for (const email of [first, ...rest])
      expect((await postDebrief(stack.appUrl, forAddress(email as string))).status).toBe(201);
    for (const email of [`bomb${id}+2@gmail.com`, `bomb${id}@googlemail.com`, `B.O.M.B${id}+x@GoogleMail.com`]) {
      const res = await postDebrief(stack.appUrl, forAddress(email));
      expect(res.status).toBe(429);
      expect(await res.json()).toMatchObject({ error: "rate_limited" });
    }
    // Each accepted debrief's letter goes to the address exactly as it was typed.
    for (const email of [first, ...rest] as string[]) {
      await waitFor(async () => (await emailsTo(stack.inboxUrl, email)).length > 0, {
        timeoutMs: 2 * DAY_MS,
        what: `the letter to ${email}`,
      });
    }
  });

  it("treats +tags as the mailbox for other domains too", async () => {
    const base = `bomb-${randomUUID()}`;
    for (const tag of ["", "+a", "+b"]) {
      expect((await postDebrief(stack.appUrl, forAddress(`${base}${tag}@example.net`))).status).toBe(201);
    }
    expect((await postDebrief(stack.appUrl, forAddress(`${base}+c@example.net`))).status).toBe(429);
    // Dots are part of the address outside Gmail.
    expect((await postDebrief(stack.appUrl, forAddress(`${base.replace("-", ".")}@example.net`))).status).toBe(201);
  });

  it("suppresses every spelling of a bounced mailbox, under a keyed digest with no address in it", async () => {
    const id = randomUUID().slice(0, 8);
    const bounced = `gone.${id}@gmail.com`;
    const res = await fetch(`${stack.appUrl}/__dev/ses-events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "bounce", address: bounced }),
    });
    expect(res.status).toBe(200);

    const suppressed = (await tableItems()).filter((i) => String(i.pk).startsWith("SUPPRESSED#"));
    const item = suppressed.find((i) => i.pk === `SUPPRESSED#${addressDigest(SECRET, bounced)}`);
    expect(item).toBeDefined();
    expect(item?.reason).toBe("bounce");
    // Keyed: not the plain SHA-256 of the address (which anyone could test a known address against).
    const plain = createHash("sha256").update(bounced).digest("base64url");
    expect(suppressed.some((i) => String(i.pk).endsWith(plain))).toBe(false);
    expect(JSON.stringify(suppressed)).not.toContain(id);
    // A bounce never lapses.
    expect(item?.ttl).toBeUndefined();
    expect(item?.expiresAt).toBeUndefined();

    const spelling = `gone${id}+jobs@googlemail.com`;
    expect((await postDebrief(stack.appUrl, forAddress(spelling))).status).toBe(201);
    await workflowsEnded();
    expect(await emailsTo(stack.inboxUrl, spelling)).toHaveLength(0);
  });

  it("still finds a suppression stored under the unkeyed digest of before (dual read): no bounced address is mailed again", async () => {
    const address = `bounced-before-${randomUUID()}@example.org`;
    // What today's main stored for a bounce: the plain SHA-256 of the trimmed, lower-cased address.
    const legacy = createHash("sha256").update(address).digest("base64url");
    const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    await doc.send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: { pk: `SUPPRESSED#${legacy}`, reason: "bounce", at: new Date().toISOString() },
      }),
    );
    expect((await postDebrief(stack.appUrl, forAddress(address.toUpperCase()))).status).toBe(201);
    await workflowsEnded();
    const all = await readInbox(stack.inboxUrl);
    expect(all.filter((m) => m.destination.to.some((to) => to.toLowerCase() === address))).toHaveLength(0);
  });

  it("names rate-limit counters by keyed digests too", async () => {
    const counters = (await tableItems()).filter((i) => String(i.pk).startsWith("RATE#"));
    const plainIp = createHash("sha256").update("ip:127.0.0.1").digest("base64url");
    expect(counters.length).toBeGreaterThan(0);
    for (const c of counters) expect(String(c.pk)).not.toContain(plainIp);
  });
});
