import { memoryApp, PUBLIC_URL } from "@debrief/testkit/app";
import { validDebrief } from "@debrief/testkit/debriefs";
import { openApiChecker } from "@debrief/testkit/openapi-check";
import { typedPersonas } from "@debrief/testkit/typed-personas";
import { describe, expect, it } from "vitest";

// Every answer below is also checked against the OpenAPI document (status, content type, JSON schema) by memoryApp.
const post = (m: ReturnType<typeof memoryApp>, body: unknown, headers: Record<string, string> = {}) =>
  m.app.request("/api/debriefs", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("POST /api/debriefs", () => {
  it("accepts a debrief with 201 and no-store; a repeat of its Idempotency-Key gets 200 and Idempotent-Replayed", async () => {
    const m = memoryApp();
    const key = { "idempotency-key": "3b241101-e2bb-4255-8caf-4136c566a962" };
    const body = validDebrief({ interviewedAt: m.clock.now() });
    const first = await post(m, body, key);
    expect(first.status).toBe(201);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const { id, page } = (await first.json()) as { id: string; page: string };
    expect(page.startsWith(`${PUBLIC_URL}/d/`)).toBe(true);
    const again = await post(m, body, key);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as { id: string }).id).toBe(id);
    expect(m.workflow.executions.size).toBe(1);
  });

  it("accepts every debrief as hurried candidates typed them (personas-as-typed, dated today)", async () => {
    const m = memoryApp();
    for (const { key, body } of typedPersonas(m.clock.now())) {
      const res = await post(m, body);
      expect(res.status, key).toBe(201);
    }
    expect(m.workflow.executions.size).toBe(typedPersonas().length);
  });

  it("maps what it refuses to statuses, each with a JSON Error body", async () => {
    const m = memoryApp();
    const now = m.clock.now();
    const malformed = await post(m, "{ nope");
    expect([malformed.status, ((await malformed.json()) as { error: string }).error]).toEqual([400, "malformed_json"]);
    const badKey = await post(m, validDebrief({ interviewedAt: now }), { "idempotency-key": "short" });
    expect(badKey.status).toBe(400);
    expect(await badKey.json()).toMatchObject({
      error: "invalid_idempotency_key",
      fields: { "Idempotency-Key": expect.any(String) },
    });
    const text = await m.app.request("/api/debriefs", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "x",
    });
    expect(text.status).toBe(415);
    const big = await post(m, { ...validDebrief({ interviewedAt: now }), notes: "x".repeat(17 * 1024) });
    expect(big.status).toBe(413);
    const invalid = await post(m, {
      ...validDebrief({ interviewedAt: now }),
      candidate: { name: "", email: "no", timeZone: "Mars/Base" },
    });
    expect(invalid.status).toBe(422);
    expect(Object.keys(((await invalid.json()) as { fields: object }).fields)).toEqual(
      expect.arrayContaining(["candidate.name", "candidate.email", "candidate.timeZone"]),
    );
    const future = await post(m, {
      ...validDebrief({ interviewedAt: now }),
      interview: { ...validDebrief({ interviewedAt: now }).interview, date: "2099-01-01" },
    });
    expect(await future.json()).toMatchObject({ error: "invalid", fields: { "interview.date": expect.any(String) } });
    // A page on another site can post only "simple" bodies (a form, text/plain): refused before anything else.
    const crossSite = await post(m, validDebrief({ interviewedAt: now }), {
      origin: "https://evil.example",
      "content-type": "text/plain",
    });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: "forbidden" });
    expect(m.table.debriefs.size).toBe(0);
  });

  it("answers 429 with Retry-After once an address has had its debriefs for the day", async () => {
    const m = memoryApp();
    const limit = m.deps.abuse.rateLimits.perAddressPerDay;
    for (let i = 0; i < limit; i++)
      expect((await post(m, validDebrief({ interviewedAt: m.clock.now(), email: "bomb+x@example.net" }))).status).toBe(
        201,
      );
    const refused = await post(m, validDebrief({ interviewedAt: m.clock.now(), email: "bomb@example.net" }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: "rate_limited" });
  });

  it("answers a store failure with 503 and Retry-After, keeping nothing", async () => {
    const m = memoryApp();
    m.deps.store.create = async () => {
      throw new Error("ProvisionedThroughputExceededException");
    };
    const res = await post(m, validDebrief({ interviewedAt: m.clock.now() }));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(m.logs.some((l) => l.message === "debrief could not be stored" && l.extra?.error === "Error")).toBe(true);
  });

  it("answers unknown routes as JSON under /api and as a page elsewhere", async () => {
    const m = memoryApp();
    const api = await m.app.request("/api/nowhere");
    expect([api.status, api.headers.get("content-type")]).toEqual([404, "application/json"]);
    const page = await m.app.request("/nowhere");
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
  });

  it("serves a document the checker holds answers to: an undocumented status is caught", async () => {
    const m = memoryApp();
    const check = openApiChecker(await (await m.app.request("/api/openapi.json")).json());
    await expect(check("GET", "/health", new Response("{}", { status: 418 }))).rejects.toThrow(/not documented/);
    const wrong = new Response(JSON.stringify({ status: "fine" }), { headers: { "content-type": "application/json" } });
    await expect(check("GET", "/health", wrong)).rejects.toThrow(/does not match its schema/);
  });
});
