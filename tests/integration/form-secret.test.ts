import { sharedFormSecret } from "@debrief/core/aws";
import { createApp } from "@debrief/functions/app";
import { apiDeps, wire } from "@debrief/functions/wiring";
import { dynamoInternalError, startFaultProxy } from "@debrief/testkit/fault-proxy";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { tableItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("the shared form-ticket key (no FORM_SECRET configured)", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  it("is made once and read by every instance, even when they start together", async () => {
    const table = process.env.TABLE_NAME ?? "";
    const keys = await Promise.all(Array.from({ length: 8 }, () => sharedFormSecret(table)));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await sharedFormSecret(table)).toBe(keys[0]);
    expect((await tableItems()).filter((i) => i.pk === "CONFIG#form-ticket-key")).toHaveLength(1);
  });

  it("is read on the first form, not at the cold start; a failed read answers 503 and the next form reads it again", async () => {
    let failKeyReads = true;
    const keyReads: string[] = [];
    const proxy = await startFaultProxy(
      process.env.AWS_ENDPOINT_URL_DYNAMODB ?? "",
      (req) => {
        if (!req.body.includes("CONFIG#form-ticket-key")) return "pass";
        keyReads.push(String(req.headers["x-amz-target"]));
        return failKeyReads ? "fail" : "pass";
      },
      dynamoInternalError,
    );
    try {
      const env: Record<string, string | undefined> = {
        ...process.env,
        AWS_ENDPOINT_URL_DYNAMODB: proxy.url,
        AWS_MAX_ATTEMPTS: "1",
      };
      delete env.FORM_SECRET;
      const silent = { info() {}, warn() {}, error() {} };
      // What the Lambda handler does at its cold start: no request reaches the table.
      const app = createApp(apiDeps(wire({ env, log: silent })));
      expect(proxy.stats.calls).toBe(0);

      // The JSON API never needs the key.
      expect((await app.request("/health")).status).toBe(200);
      expect(keyReads).toEqual([]);

      const refused = await app.request("/");
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await refused.text()).toContain("Please try again");
      expect(keyReads).toEqual(["DynamoDB_20120810.GetItem"]);

      // A body over the limit still gets its 413 page (the form cannot be shown again without the key).
      const tooLarge = await app.request("/", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `x=${"a".repeat(64 * 1024)}`,
      });
      expect(tooLarge.status).toBe(413);
      expect(await tooLarge.text()).toContain("Too long");

      failKeyReads = false;
      const form = await app.request("/");
      expect(form.status).toBe(200);
      expect(await form.text()).toMatch(/name="ticket" value="[^"]+"/);
      // Read once more, then kept: further forms make no request for it.
      const readsAfterRecovery = keyReads.length;
      expect((await app.request("/")).status).toBe(200);
      expect(keyReads).toHaveLength(readsAfterRecovery);
    } finally {
      await proxy.close();
    }
  });
});
