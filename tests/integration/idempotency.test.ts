import { randomUUID } from "node:crypto";
import { createApp } from "@debrief/functions/app";
import { apiDeps, wire } from "@debrief/functions/wiring";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { formFields, formGuardFields } from "@debrief/testkit/forms";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { debriefItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const DAY_S = 30;

describe("idempotent submission", () => {
  let stack: TestStack;
  beforeAll(async () => {
    // A long day: only letters go out while this file runs.
    stack = await startTestStack({ localDaySeconds: DAY_S });
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  const executionsOf = (id: string) => stack.sfn.executions().filter((e) => e.name === id);
  const letterArrived = (address: string) =>
    waitFor(async () => (await emailsTo(stack.inboxUrl, address)).length >= 1, {
      timeoutMs: (DAY_S * 1000) / 2,
      what: "the letter",
    });

  it("answers a repeated Idempotency-Key with the first debrief and starts nothing new", async () => {
    const body = validDebrief();
    const key = randomUUID();
    const first = await postDebrief(stack.appUrl, body, { "idempotency-key": key });
    expect(first.status).toBe(201);
    const firstJson = (await first.json()) as { id: string; page: string };

    const again = await postDebrief(stack.appUrl, body, { "idempotency-key": key });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const againJson = (await again.json()) as { id: string; page: string; status: string };
    expect(againJson.id).toBe(firstJson.id);
    expect(againJson.status).toBe("scheduled");
    // The page link is derived from the debrief's key: the repeat gets the same one (nothing is minted).
    expect(againJson.page).toBe(firstJson.page);
    const [a, b] = await Promise.all([
      fetch(firstJson.page.replace(stack.url, stack.appUrl)),
      fetch(againJson.page.replace(stack.url, stack.appUrl)),
    ]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);

    await letterArrived(body.candidate.email);
    expect(executionsOf(firstJson.id)).toHaveLength(1);
    expect(await emailsTo(stack.inboxUrl, body.candidate.email)).toHaveLength(1);
    expect((await debriefItems()).filter((d) => d.id === firstJson.id)).toHaveLength(1);
  });

  it("keeps one debrief when the same key races itself", async () => {
    const body = validDebrief();
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => postDebrief(stack.appUrl, body, { "idempotency-key": key })),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(11);
    const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as { id: string }).id)));
    expect(ids.size).toBe(1);
    const [id] = [...ids];

    await letterArrived(body.candidate.email);
    expect(executionsOf(id ?? "")).toHaveLength(1);
    expect((await debriefItems()).filter((d) => d.id === id)).toHaveLength(1);
  });

  it("starts the workflow a first request stored but never started, when the request is repeated", async () => {
    // The first request reaches an API whose Step Functions is unreachable (as if the process died
    // between storing the debrief and starting its workflow): stored, not started.
    const env = { ...process.env, AWS_ENDPOINT_URL_SFN: "http://127.0.0.1:9", AWS_MAX_ATTEMPTS: "1" };
    const cut = createApp(apiDeps(wire({ env, log: { info() {}, warn() {}, error() {} } })));
    const body = validDebrief();
    const key = randomUUID();
    const first = await cut.request("/api/debriefs", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify(body),
    });
    expect(first.status).toBe(201);
    const firstJson = (await first.json()) as { id: string; status: string; page: string };
    expect(firstJson.status).toBe("queued");
    expect(executionsOf(firstJson.id)).toHaveLength(0);

    // The client's retry, to the stack's own API: the first debrief, and now its workflow.
    const again = await postDebrief(stack.appUrl, body, { "idempotency-key": key });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual({ id: firstJson.id, status: "scheduled", page: firstJson.page });
    expect(executionsOf(firstJson.id)).toHaveLength(1);
    const [stored] = (await debriefItems()).filter((d) => d.id === firstJson.id);
    expect(stored?.workflowStartedAt).toEqual(expect.any(String));

    // Further repeats find it started and start nothing.
    const third = await postDebrief(stack.appUrl, body, { "idempotency-key": key });
    expect(((await third.json()) as { status: string }).status).toBe("scheduled");
    await letterArrived(body.candidate.email);
    expect(executionsOf(firstJson.id)).toHaveLength(1);
    expect(await emailsTo(stack.inboxUrl, body.candidate.email)).toHaveLength(1);
  });

  it("refuses a key reused for a different debrief, and a malformed key", async () => {
    const key = randomUUID();
    const first = validDebrief();
    expect((await postDebrief(stack.appUrl, first, { "idempotency-key": key })).status).toBe(201);
    const other = validDebrief();
    const reused = await postDebrief(stack.appUrl, other, { "idempotency-key": key });
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ error: "idempotency_key_reused", message: expect.any(String) });

    const malformed = await postDebrief(stack.appUrl, validDebrief(), { "idempotency-key": "no good" });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ fields: { "Idempotency-Key": expect.any(String) } });

    const stored = await debriefItems();
    const candidates = stored.map((d) => (d.input as { candidate: { email: string } }).candidate.email);
    expect(candidates).not.toContain(other.candidate.email);
  });

  it("turns a double-clicked form into one debrief", async () => {
    const email = `double-click-${randomUUID()}@example.com`;
    const form = new URLSearchParams({
      ...(await formGuardFields(stack.appUrl)),
      ...formFields(email),
    });
    const post = () => fetch(`${stack.appUrl}/`, { method: "POST", body: form, redirect: "manual" });
    const [one, two] = await Promise.all([post(), post()]);
    expect([one.status, two.status]).toEqual([303, 303]);
    for (const res of [one, two]) expect(res.headers.get("location")).toMatch(/^\/d\/[A-Za-z0-9_-]{43}\?new=1$/);

    await letterArrived(email);
    const mine = (await debriefItems()).filter(
      (d) => (d.input as { candidate: { email: string } }).candidate.email === email,
    );
    expect(mine).toHaveLength(1);
    expect(executionsOf(String(mine[0]?.id))).toHaveLength(1);
    expect(await emailsTo(stack.inboxUrl, email)).toHaveLength(1);
  });
});
