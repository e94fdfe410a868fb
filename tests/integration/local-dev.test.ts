import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { debriefItems, tableItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const DAY_S = 4;
const DAY_MS = DAY_S * 1000;

describe("local bounce/complaint simulation and the retention sweeper", () => {
  let stack: TestStack;
  beforeAll(async () => {
    // The scheduled jobs are off: the test runs the sweeper when it wants.
    stack = await startTestStack({ localDaySeconds: DAY_S, env: predictableSchedule(), scheduledJobs: false });
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  const simulate = (type: string, address: string) =>
    fetch(`${stack.appUrl}/__dev/ses-events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type, address }),
    });

  it.each(["bounce", "complaint"])(
    "a simulated %s goes through the SES event handler: the address is suppressed and its workflow stops",
    async (type) => {
      const body = validDebrief();
      const created = (await (await postDebrief(stack.appUrl, body)).json()) as { id: string };
      await waitFor(async () => (await emailsTo(stack.inboxUrl, body.candidate.email)).length === 1, {
        timeoutMs: DAY_MS / 2,
        what: "the letter",
      });

      const res = await simulate(type, body.candidate.email);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ suppressed: 1, stopped: 1 });
      const execution = stack.sfn.executions().find((e) => e.name === created.id);
      expect(execution?.status).toBe("ABORTED");
      // Past the time the reminder and the tips were due, nothing more arrived.
      const other = validDebrief();
      expect((await postDebrief(stack.appUrl, other)).status).toBe(201);
      await waitFor(async () => (await emailsTo(stack.inboxUrl, other.candidate.email)).length >= 2, {
        timeoutMs: 3 * DAY_MS,
        what: "a later debrief's nudge",
      });
      expect(await emailsTo(stack.inboxUrl, body.candidate.email)).toHaveLength(1);
    },
  );

  it("refuses a malformed simulation request", async () => {
    expect((await simulate("delivery", "a@example.com")).status).toBe(400);
    expect((await simulate("bounce", "")).status).toBe(400);
  });

  it("refuses what a web page on the developer's machine could send: any Origin header, any body that is not JSON", async () => {
    const body = validDebrief();
    expect((await postDebrief(stack.appUrl, body)).status).toBe(201);
    const suppressions = async () => (await tableItems()).filter((i) => String(i.pk).startsWith("SUPPRESSED#")).length;
    const before = await suppressions();
    const payload = JSON.stringify({ type: "bounce", address: body.candidate.email });
    // What a page can post without a CORS preflight: a "simple" text/plain or form body, with its Origin.
    const attempts: [string, RequestInit][] = [
      ["text/plain", { headers: { "content-type": "text/plain;charset=UTF-8" }, body: payload }],
      ["a form", { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "type=bounce" }],
      ["no type", { body: payload }],
      [
        "JSON with an Origin",
        { headers: { "content-type": "application/json", origin: "https://evil.example" }, body: payload },
      ],
      ["JSON from a null origin", { headers: { "content-type": "application/json", origin: "null" }, body: payload }],
    ];
    for (const [what, init] of attempts) {
      const res = await fetch(`${stack.appUrl}/__dev/ses-events`, { method: "POST", ...init });
      expect(res.status, what).toBe(init.headers && "origin" in init.headers ? 403 : 415);
    }
    const sweep = await fetch(`${stack.appUrl}/__dev/sweep`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
    });
    expect(sweep.status).toBe(415);
    // Nothing was suppressed.
    expect(await suppressions()).toBe(before);
  });

  it("hides an expired debrief from every read, and the sweeper deletes all its items", async () => {
    const created = (await (await postDebrief(stack.appUrl, validDebrief())).json()) as { id: string; page: string };
    const page = created.page.replace(stack.url, stack.appUrl);
    expect((await fetch(page)).status).toBe(200);

    // Retention ran out (a day in the past): what DynamoDB's TTL would delete within a few days.
    const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const past = new Date(Date.now() - 86_400_000);
    const mine = (await tableItems()).filter(
      (i) => i.pk === `DEBRIEF#${created.id}` || (String(i.pk).startsWith("TOKEN#") && i.debriefId === created.id),
    );
    expect(mine.length).toBeGreaterThanOrEqual(1);
    for (const item of mine) {
      await doc.send(
        new UpdateCommand({
          TableName: process.env.TABLE_NAME,
          Key: { pk: item.pk },
          UpdateExpression: "SET expiresAt = :at, #ttl = :ttl",
          ExpressionAttributeNames: { "#ttl": "ttl" },
          ExpressionAttributeValues: { ":at": past.toISOString(), ":ttl": Math.floor(past.getTime() / 1000) },
        }),
      );
    }
    expect((await fetch(page)).status).toBe(404);

    const swept = await fetch(`${stack.appUrl}/__dev/sweep`, {
      method: "POST",
      headers: { "content-type": "application/json" },
    });
    expect(swept.status).toBe(200);
    expect(((await swept.json()) as { deleted: number }).deleted).toBeGreaterThanOrEqual(mine.length);
    const left = (await tableItems()).filter((i) => mine.some((m) => m.pk === i.pk));
    expect(left).toEqual([]);
    // Debriefs still within retention are untouched.
    expect((await debriefItems()).length).toBeGreaterThan(0);
  });
});
