import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { addressDigest, LINK_POSTS_PER_DEBRIEF_PER_HOUR } from "@debrief/core";
import { createApp } from "@debrief/functions/app";
import { operationsHandlers } from "@debrief/functions/operations";
import { sesEventsHandler } from "@debrief/functions/ses-events";
import { apiDeps, wire } from "@debrief/functions/wiring";
import { sesEvent } from "@debrief/local";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { startFaultProxy } from "@debrief/testkit/fault-proxy";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { tableItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SECRET = "digest-secret-for-the-not-me-test-0123456789";
const OTHERS = 40;

// Issue 14, findings 3 and 5: "this wasn't me" and SES bounces find an address's debriefs through
// the address index (no Scan), stop early once suppressed, are throttled, lapse, and show on the page.
describe('"this wasn\'t me" and bounces without a Scan', () => {
  let stack: TestStack;
  let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  /** The DynamoDB operations (X-Amz-Target) that reached the table through the proxy. */
  const seen: string[] = [];
  let app: ReturnType<typeof createApp>;
  let proxied: () => ReturnType<typeof wire>;
  const silent = { info() {}, warn() {}, error() {} };
  const doc = () => DynamoDBDocumentClient.from(new DynamoDBClient({}));

  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: 20, env: { ...predictableSchedule(), DIGEST_SECRET: SECRET } });
    proxy = await startFaultProxy(
      process.env.AWS_ENDPOINT_URL_DYNAMODB ?? "",
      (req) => {
        seen.push(String(req.headers["x-amz-target"] ?? "").replace("DynamoDB_20120810.", ""));
        return "pass";
      },
      () => ({ status: 500, body: "{}" }),
    );
    // The same wiring as the stack's (and Lambda's), its table reached through the counting proxy.
    proxied = () => wire({ env: { ...process.env, AWS_ENDPOINT_URL_DYNAMODB: proxy.url }, log: silent });
    app = createApp(apiDeps(proxied()));
    for (let i = 0; i < OTHERS; i++) {
      const email = `other-${i}-${randomUUID()}@example.com`;
      expect(
        (await postDebrief(stack.appUrl, validDebrief({ candidate: { name: "O", email, timeZone: "UTC" } }))).status,
      ).toBe(201);
    }
  });
  afterAll(async () => {
    await proxy?.close();
    await stack?.dispose();
  });

  /** Submits, and returns the "this wasn't me" token of the letter (the only place such a link is honoured from). */
  const submit = async (email: string) => {
    const res = await postDebrief(
      stack.appUrl,
      validDebrief({ candidate: { name: "Someone", email, timeZone: "UTC" } }),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; page: string };
    const [letter] = await waitFor(
      async () => {
        const m = await emailsTo(stack.inboxUrl, email);
        return m.length > 0 && m;
      },
      { timeoutMs: 20_000, what: "the letter" },
    );
    const token = /\/not-me\/([A-Za-z0-9_-]{43})"/.exec(letter?.body.html ?? "")?.[1] ?? "";
    return { id: body.id, token, pageToken: /\/d\/([A-Za-z0-9_-]{43})$/.exec(body.page)?.[1] ?? "" };
  };
  const notMe = (token: string) =>
    app.request(`/not-me/${token}`, { method: "POST" }, { incoming: { socket: { remoteAddress: "192.0.2.7" } } });
  const execution = (debriefId: string) => stack.sfn.executions().find((e) => e.name === debriefId);

  it("finds the address's debriefs through the index, stops their workflows, and scans nothing", async () => {
    const victim = `victim-${randomUUID()}@example.net`;
    const mine = [await submit(victim), await submit(victim.replace("@", "+jobs@"))];
    for (const d of mine) expect(execution(d.id)?.status).toBe("RUNNING");

    seen.length = 0;
    const res = await notMe(mine[0]?.token ?? "");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("We will not email you again");
    expect(seen).not.toContain("Scan");
    expect(seen).toContain("Query");
    // A bounded number of requests, whatever the table holds (it holds 40 other debriefs here).
    expect(seen.length).toBeLessThan(12);
    // Both spellings of the mailbox had their workflows stopped.
    for (const d of mine) expect(execution(d.id)?.status).toBe("ABORTED");

    // The suppression lapses ("this wasn't me" may have been someone else's prank); nothing personal in it.
    const item = (await tableItems()).find((i) => i.pk === `SUPPRESSED#${addressDigest(SECRET, victim)}`);
    expect(item).toMatchObject({ reason: "not-me", ttl: expect.any(Number), expiresAt: expect.any(String) });
    expect(JSON.stringify(item)).not.toContain("victim");

    // Again: already suppressed, so it stops early (no index query), and still no Scan.
    seen.length = 0;
    expect((await notMe(mine[1]?.token ?? "")).status).toBe(200);
    expect(seen).not.toContain("Scan");
    expect(seen).not.toContain("Query");
  });

  it('refuses the page token handed to the submitter: only a link from an email says "this wasn\'t me"', async () => {
    const victim = `someone-else-${randomUUID()}@example.net`;
    const d = await submit(victim);
    // Whoever typed the address got this token in the 201; they have not shown the address is theirs.
    expect((await app.request(`/not-me/${d.pageToken}`)).status).toBe(404);
    expect((await notMe(d.pageToken)).status).toBe(404);
    const items = await tableItems();
    expect(items.some((i) => i.pk === `SUPPRESSED#${addressDigest(SECRET, victim)}`)).toBe(false);
    expect(execution(d.id)?.status).not.toBe("ABORTED");
    // The link in the email still works.
    expect((await notMe(d.token)).status).toBe(200);
  });

  const page = async (pageToken: string) => (await fetch(`${stack.appUrl}/d/${pageToken}`)).text();
  /** What the page says of each email, and whether it carries the do-not-send notice. */
  const statuses = (html: string) => /<ul class="statuses"[^>]*>.*?<\/ul>/s.exec(html)?.[0] ?? "";
  const stored = async (id: string) =>
    (await doc().send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: `DEBRIEF#${id}` } }))).Item;

  /** A debrief as anyone may submit it for any address: its id and the page token they are handed. */
  const post = async (email: string) => {
    const res = await postDebrief(
      stack.appUrl,
      validDebrief({ candidate: { name: "Someone", email, timeZone: "UTC" } }),
    );
    const body = (await res.json()) as { id: string; page: string };
    return { id: body.id, pageToken: /\/d\/([A-Za-z0-9_-]{43})$/.exec(body.page)?.[1] ?? "" };
  };

  it("tells no one who typed an address whether it is suppressed: the page of a new debrief reads the same either way", async () => {
    // An address someone else already suppressed (their "this wasn't me"), and one nobody did.
    const suppressed = `suppressed-${randomUUID()}@example.net`;
    expect((await notMe((await submit(suppressed)).token)).status).toBe(200);
    const open = `open-${randomUUID()}@example.net`;
    // Whoever types each address now gets the page (the form's redirect, the API's `page`).
    const [probe, control] = [await post(suppressed), await post(open)];
    // The page they are sent to on submitting says nothing of the do-not-send list.
    const submitted = await page(`${probe.pageToken}?new=1`);
    expect(submitted).not.toContain('id="suppressed"');
    expect(submitted).toContain(
      `We are emailing the draft to <strong>${suppressed}</strong>, unless that address is on our do-not-send list.`,
    );
    // Once the letter step has run for both (one sent, one withheld), the pages are read again.
    await waitFor(async () => (await stored(probe.id))?.sends?.letter?.skipped === "suppressed", {
      timeoutMs: 20_000,
      what: "the withheld letter",
    });
    await waitFor(async () => Boolean((await stored(control.id))?.sends?.letter?.messageId), {
      timeoutMs: 20_000,
      what: "the sent letter",
    });
    for (const path of ["", "?new=1"]) {
      const [probed, controlled] = [await page(probe.pageToken + path), await page(control.pageToken + path)];
      expect(probed).not.toContain('id="suppressed"');
      expect(probed).not.toContain("cannot email");
      expect(probed.replaceAll(suppressed, "ADDRESS").match(/<div class="notice".*?<\/div>/s)?.[0]).toBe(
        controlled.replaceAll(open, "ADDRESS").match(/<div class="notice".*?<\/div>/s)?.[0],
      );
      expect(statuses(probed)).toBe(statuses(controlled));
      expect(statuses(probed)).toContain("Sent, unless your address is on our do-not-send list");
    }
  });

  it("nor whether the mailbox bounced: once the reminder is due, a stopped workflow reads as the sent one does", async () => {
    const bouncing = `gone-${randomUUID()}@example.net`;
    const open = `there-${randomUUID()}@example.net`;
    const [probe, control] = [await post(bouncing), await post(open)];
    await waitFor(async () => (await emailsTo(stack.inboxUrl, bouncing)).length === 1, {
      timeoutMs: 20_000,
      what: "the letter to the mailbox that bounces",
    });
    // The mailbox does not exist: SES reports the bounce, the address is suppressed and the workflow stopped.
    expect(await sesEventsHandler(proxied())(sesEvent("bounce", bouncing))).toMatchObject({
      suppressed: 1,
      stopped: 1,
    });
    await waitFor(async () => Boolean((await stored(control.id))?.sends?.nudge?.messageId), {
      timeoutMs: 40_000,
      what: "the other debrief's nudge",
    });
    // The pages as they read once the reminder is due (locally a workflow day is scaled; the schedule is not).
    const due = new Date(Date.parse(String((await stored(control.id))?.schedule?.nudgeAt)) + 60_000);
    const later = createApp(apiDeps({ ...proxied(), clock: { now: () => due } }));
    const at = async (pageToken: string) => (await later.request(`/d/${pageToken}`)).text();
    const [probed, controlled] = [await at(probe.pageToken), await at(control.pageToken)];
    expect(probed).not.toContain('id="suppressed"');
    expect(statuses(probed)).toBe(statuses(controlled));
    expect(/id="status-nudge">.*?<\/li>/.exec(statuses(probed))?.[0]).toContain("Sent, unless");
  }, 60_000);

  it("says on the candidate's page that the address is suppressed once its holder proved the address with a link from an email", async () => {
    const victim = `page-${randomUUID()}@example.net`;
    const d = await submit(victim);
    expect(await page(d.pageToken)).not.toContain("do-not-send list</p>");
    // The holder acts through a one-use link that reached the inbox ("I sent it"): the address is theirs.
    const [letter] = await emailsTo(stack.inboxUrl, victim);
    const action = /\/a\/([A-Za-z0-9_-]{43})"/.exec(letter?.body.html ?? "")?.[1] ?? "";
    expect((await fetch(`${stack.appUrl}/a/${action}`, { method: "POST" })).status).toBe(200);
    expect((await stored(d.id))?.addressProvenAt).toBeDefined();
    expect(await page(d.pageToken)).not.toContain('id="suppressed"');
    // Then the mailbox bounces.
    expect(await sesEventsHandler(proxied())(sesEvent("bounce", victim))).toMatchObject({ suppressed: 1 });
    const after = await page(d.pageToken);
    expect(after).toContain('id="suppressed"');
    expect(after).toContain("is on our do-not-send list");
    expect(after).toContain(victim);
    expect(statuses(after)).toContain("<strong>Sent</strong>");
    expect(after).not.toContain('id="statuses-unproven"');
  });

  it(`answers 429 with Retry-After after ${LINK_POSTS_PER_DEBRIEF_PER_HOUR} posts to one link in an hour`, async () => {
    const d = await submit(`throttled-${randomUUID()}@example.net`);
    for (let i = 0; i < LINK_POSTS_PER_DEBRIEF_PER_HOUR; i++) expect((await notMe(d.token)).status).toBe(200);
    const over = await notMe(d.token);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    const unsubscribe = (n: number) =>
      Promise.all(
        Array.from({ length: n }, () =>
          // The not-me link's token opens only /not-me: /u takes its own token or the page token.
          app.request(`/u/${d.pageToken}`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: "List-Unsubscribe=One-Click",
          }),
        ),
      );
    const statuses = (await unsubscribe(LINK_POSTS_PER_DEBRIEF_PER_HOUR + 1)).map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(LINK_POSTS_PER_DEBRIEF_PER_HOUR);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
  });

  it("handles an SES bounce through the index too: no Scan, and the workflow stopped", async () => {
    const bounced = `bounced-${randomUUID()}@example.net`;
    const d = await submit(bounced);
    seen.length = 0;
    // The SES event handler Lambda runs, on what SES publishes to EventBridge for a permanent bounce.
    expect(await sesEventsHandler(proxied())(sesEvent("bounce", bounced))).toMatchObject({ suppressed: 1, stopped: 1 });
    expect(seen).not.toContain("Scan");
    expect(seen).toContain("Query");
    expect(execution(d.id)?.status).toBe("ABORTED");
  });

  it("backfills debriefs stored before the index, so they are found too", async () => {
    const old = `old-${randomUUID()}@example.net`;
    const d = await submit(old);
    // As a debrief stored by today's main looks: no address digest.
    await doc().send(
      new UpdateCommand({
        TableName: process.env.TABLE_NAME,
        Key: { pk: `DEBRIEF#${d.id}` },
        UpdateExpression: "REMOVE addressDigest",
      }),
    );
    await operationsHandlers(wire({ log: silent })).reconcile();
    const { Item } = await doc().send(
      new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: `DEBRIEF#${d.id}` } }),
    );
    expect(Item?.addressDigest).toBe(addressDigest(SECRET, old));
    expect((await notMe(d.token)).status).toBe(200);
    expect(execution(d.id)?.status).toBe("ABORTED");
  });
});
