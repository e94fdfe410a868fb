import { createApp } from "@debrief/functions/app";
import { apiDeps, wire } from "@debrief/functions/wiring";
import { validDebrief } from "@debrief/testkit/debriefs";
import { dynamoInternalError, startFaultProxy } from "@debrief/testkit/fault-proxy";
import { formFields, formGuardFields } from "@debrief/testkit/forms";
import { readInbox } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { tableItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("when the debrief cannot be stored", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: 60 });
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  /** The app as Lambda wires it, with DynamoDB reached through `dynamoEndpoint` (two attempts per call). */
  const appWithTableAt = async (dynamoEndpoint: string) => {
    const env = { ...process.env, AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint, AWS_MAX_ATTEMPTS: "2" };
    // The form ticket's key, as the stack's own app signs it (an unreachable table could not give it).
    const formSecret = await wire().formSecret();
    return createApp(apiDeps({ ...wire({ env, log: silent }), formSecret: async () => formSecret }));
  };
  const silent = { info() {}, warn() {}, error() {} };
  const json = (body: unknown) => ({
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

  it("answers 503 with Retry-After when DynamoDB is unreachable, from the API and the form", async () => {
    // A port where nothing listens.
    const app = await appWithTableAt("http://127.0.0.1:9");
    const res = await app.request("/api/debriefs", json(validDebrief()));
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({
      error: "unavailable",
      message: expect.stringContaining("nothing was kept"),
    });

    const form = new URLSearchParams({
      ...(await formGuardFields(stack.appUrl)),
      ...formFields("unreachable@example.com", { "interview.company": "Northwind", "interview.role": "Analyst" }),
    });
    const page = await app.request("/", { method: "POST", body: form });
    expect(page.status).toBe(503);
    expect(Number(page.headers.get("retry-after"))).toBeGreaterThan(0);
    const html = await page.text();
    expect(html).toContain("Nothing was kept");
    // What was typed is still there to send again.
    expect(html).toContain('value="unreachable@example.com"');
  });

  it("keeps nothing when DynamoDB fails the debrief's write (its page link is derived: no second write to undo)", async () => {
    // The rate counters are written, then the debrief's one write fails every time.
    const proxy = await startFaultProxy(
      process.env.AWS_ENDPOINT_URL_DYNAMODB ?? "",
      (req) =>
        req.headers["x-amz-target"] === "DynamoDB_20120810.PutItem" && req.body.includes('"DEBRIEF#') ? "fail" : "pass",
      dynamoInternalError,
    );
    try {
      const res = await (await appWithTableAt(proxy.url)).request("/api/debriefs", json(validDebrief()));
      expect(res.status).toBe(503);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(proxy.stats.failed).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  });

  it("kept no debrief, started no workflow and sent no email", async () => {
    const items = await tableItems();
    expect(items.filter((i) => /^(DEBRIEF|TOKEN)#/.test(String(i.pk)))).toEqual([]);
    expect(stack.sfn.executions()).toHaveLength(0);
    expect(await readInbox(stack.inboxUrl)).toHaveLength(0);
  });
});
