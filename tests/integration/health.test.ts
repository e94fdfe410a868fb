import { SESv2Client } from "@aws-sdk/client-sesv2";
import { loadConfig, systemClock } from "@debrief/core";
import { createDynamoRateCounter, createDynamoStore, createSesMailer, createSfnWorkflow } from "@debrief/core/aws";
import { createApp } from "@debrief/functions/app";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../support/stack";

describe("GET /health", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  const appWith = (sesEndpoint: string) =>
    createApp({
      store: createDynamoStore(process.env.TABLE_NAME!),
      workflow: createSfnWorkflow(process.env.STATE_MACHINE_ARN!),
      // The real SES adapter, pointed at a port where nothing listens.
      mailer: createSesMailer(
        "debrief@localhost.localdomain",
        new SESv2Client({ endpoint: sesEndpoint, maxAttempts: 1 }),
      ),
      clock: systemClock,
      publicUrl: stack.url,
      schedule: { nudgeHour: 9, nudgeAfterDays: 1, tipsAfterDays: 1 },
      retentionDays: 180,
      abuse: loadConfig().abuse,
      rateCounter: createDynamoRateCounter(process.env.TABLE_NAME!),
      log: { info() {}, warn() {}, error() {} },
    });

  it("answers 200 when every dependency answers", async () => {
    const res = await appWith(stack.inboxUrl).request("/health");
    expect(res.status).toBe(200);
  });

  it("answers 503 and names the dependency that cannot be reached", async () => {
    const res = await appWith("http://127.0.0.1:9").request("/health");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: "unavailable",
      checks: { table: "ok", email: "unreachable", workflow: "ok" },
    });
  });
});
