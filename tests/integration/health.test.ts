import { createApp } from "@debrief/functions/app";
import { apiDeps, wire } from "@debrief/functions/wiring";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { version } from "../../package.json";

describe("GET /health", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  /** The app as Lambda wires it, with SES reached at `sesEndpoint` (one attempt per call). */
  const appWith = async (sesEndpoint: string) => {
    const env = { ...process.env, AWS_ENDPOINT_URL_SESV2: sesEndpoint, AWS_MAX_ATTEMPTS: "1" };
    return createApp(apiDeps(wire({ env, log: { info() {}, warn() {}, error() {} } })));
  };

  it("answers 200 with the service's version when every dependency answers", async () => {
    const res = await (await appWith(stack.inboxUrl)).request("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", version, checks: { table: "ok", email: "ok", workflow: "ok" } });
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("answers 503 and names the dependency that cannot be reached", async () => {
    const res = await (await appWith("http://127.0.0.1:9")).request("/health");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: "unavailable",
      version,
      checks: { table: "ok", email: "unreachable", workflow: "ok" },
    });
  });
});
