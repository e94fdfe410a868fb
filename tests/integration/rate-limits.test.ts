import { randomUUID } from "node:crypto";
import { createApp } from "@debrief/functions/app";
import { apiDeps, wire } from "@debrief/functions/wiring";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { formFields, formGuardFields } from "@debrief/testkit/forms";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { debriefItems, tableItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const PER_ADDRESS = 2;
const PER_IP = 5;

describe("rate limits", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      localDaySeconds: 60,
      env: { RATE_LIMIT_PER_ADDRESS_PER_DAY: String(PER_ADDRESS), RATE_LIMIT_PER_IP_PER_HOUR: String(PER_IP) },
    });
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  const forAddress = (email: string) => validDebrief({ candidate: { name: "Amira Haddad", email, timeZone: "UTC" } });

  it("limits debriefs per recipient address with 429 and Retry-After, and does not count repeats", async () => {
    const email = `limited-${randomUUID()}@example.com`;
    const key = randomUUID();
    expect((await postDebrief(stack.appUrl, forAddress(email), { "idempotency-key": key })).status).toBe(201);
    // An idempotent repeat is the same debrief: it uses none of the allowance.
    expect((await postDebrief(stack.appUrl, forAddress(email), { "idempotency-key": key })).status).toBe(200);
    expect((await postDebrief(stack.appUrl, forAddress(email))).status).toBe(201);

    // Upper case is the same mailbox.
    const third = await postDebrief(stack.appUrl, forAddress(email.toUpperCase()));
    expect(third.status).toBe(429);
    const retryAfter = Number(third.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect(await third.json()).toMatchObject({ error: "rate_limited", message: expect.stringContaining("address") });
    const stored = (await debriefItems()).filter(
      (d) => (d.input as { candidate: { email: string } }).candidate.email.toLowerCase() === email,
    );
    expect(stored).toHaveLength(PER_ADDRESS);
  });

  it("limits debriefs per client IP with 429 and Retry-After", async () => {
    // Three of this client's five were used above: two debriefs and the attempt refused for its address.
    for (let i = 0; i < PER_IP - 3; i++) {
      expect((await postDebrief(stack.appUrl, forAddress(`ip-${i}-${randomUUID()}@example.com`))).status).toBe(201);
    }
    const over = await postDebrief(stack.appUrl, forAddress(`ip-over-${randomUUID()}@example.com`));
    expect(over.status).toBe(429);
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await over.json()).toMatchObject({ error: "rate_limited", message: expect.stringContaining("network") });
    expect(await debriefItems()).toHaveLength(PER_IP - 1);
  });

  it("answers the form with 429 and Retry-After too", async () => {
    const res = await fetch(`${stack.appUrl}/`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({
        ...(await formGuardFields(stack.appUrl)),
        ...formFields(`form-${randomUUID()}@example.com`, {
          "interview.company": "Northwind",
          "interview.role": "Analyst",
        }),
      }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res.text()).toContain("Too many debriefs");
  });

  it("behind the edge, counts each client by the viewer address CloudFront reports, trusted only beside the edge's origin header", async () => {
    const secret = "edge-origin-secret-for-the-rate-limit-test";
    const silent = { info() {}, warn() {}, error() {} };
    // The API as Lambda runs it behind CloudFront: one per-IP debrief an hour, the edge's secret configured.
    const app = createApp(
      apiDeps(
        wire({ env: { ...process.env, EDGE_ORIGIN_SECRET: secret, RATE_LIMIT_PER_IP_PER_HOUR: "1" }, log: silent }),
      ),
    );
    /** A POST /api/debriefs as API Gateway hands it over: from `sourceIp`, with these headers. */
    const post = async (sourceIp: string, headers: Record<string, string>) =>
      (
        await app.request(
          "/api/debriefs",
          {
            method: "POST",
            headers: { "content-type": "application/json", ...headers },
            body: JSON.stringify(forAddress(`edge-${randomUUID()}@example.com`)),
          },
          { requestContext: { http: { sourceIp } } },
        )
      ).status;
    const edge = "130.176.1.10"; // one CloudFront edge server, forwarding many viewers
    const via = (viewer: string) => ({ "x-debrief-edge": secret, "cloudfront-viewer-address": viewer });
    expect(await post(edge, via("198.51.100.20:46532"))).toBe(201);
    expect(await post(edge, via("198.51.100.21:51000"))).toBe(201);
    expect(await post(edge, via("2001:db8::7:443"))).toBe(201);
    expect(await post(edge, via("198.51.100.20:40001"))).toBe(429);
    // Straight to the API's own endpoint, the viewer header is the client's word: it is not read.
    const direct = "203.0.113.5";
    expect(await post(direct, { "cloudfront-viewer-address": "198.51.100.30:1" })).toBe(201);
    expect(await post(direct, { "cloudfront-viewer-address": "198.51.100.31:1" })).toBe(429);
    expect(await post(direct, { "x-debrief-edge": `${secret}x`, "cloudfront-viewer-address": "198.51.100.32:1" })).toBe(
      429,
    );
  });

  it("keeps counters as digests with a TTL, never the address or IP", async () => {
    const counters = (await tableItems()).filter((i) => String(i.pk).startsWith("RATE#"));
    expect(counters.length).toBeGreaterThanOrEqual(2);
    for (const c of counters) {
      expect(c.ttl).toEqual(expect.any(Number));
      expect(JSON.stringify(c)).not.toMatch(/@example\.com|127\.0\.0\.1/);
    }
  });
});
