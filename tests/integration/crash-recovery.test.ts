import { CLAIM_HEADER, MAX_AUTOMATIC_RESENDS, REPAIR_TIMING, type SendRecord } from "@debrief/core";
import { createApp } from "@debrief/functions/app";
import { repairSendsHandler } from "@debrief/functions/repair-sends";
import { apiDeps, wire } from "@debrief/functions/wiring";
import { LOCAL_OPERATIONS_TIMING, MIN_LOCAL_JOB_INTERVAL_MS } from "@debrief/local";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { type Fault, startFaultProxy } from "@debrief/testkit/fault-proxy";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { debriefItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const DAY_S = 4;
const DAY_MS = DAY_S * 1000;
const silent = { info() {}, warn() {}, error() {} };
const nonEmpty = <T>(list: T[]) => (list.length > 0 ? list : undefined);

describe("what a crash leaves behind, repaired by the embedded stack's scheduled jobs", () => {
  let stack: TestStack;
  /** The stack's clock runs this far ahead of the machine's: a test moves it past a grace period. */
  let ahead = 0;
  const clock = { now: () => new Date(Date.now() + ahead) };
  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: DAY_S, env: predictableSchedule(), clock });
  });
  const proxies: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    // A held call keeps its step, and the stack's stop, waiting until its proxy closes.
    for (const p of proxies) await p.close();
    await stack?.dispose();
  });

  const executionsOf = (id: string) => stack.sfn.executions().filter((e) => e.name === id);
  /** Enough for a few runs of a job whose interval is the floor (every job's, on a day this short). */
  const jobRuns = 5 * MIN_LOCAL_JOB_INTERVAL_MS;

  it("the reconciler starts a stored debrief whose workflow never started, once", async () => {
    // The API as Lambda wires it, with Step Functions unreachable: the debrief is stored, its workflow not started.
    const env = { ...process.env, AWS_ENDPOINT_URL_SFN: "http://127.0.0.1:9", AWS_MAX_ATTEMPTS: "1" };
    const app = createApp(apiDeps(wire({ env, clock, log: silent })));
    const body = validDebrief();
    const res = await app.request("/api/debriefs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    const { id, status } = (await res.json()) as { id: string; status: string };
    expect(status).toBe("queued");
    expect(executionsOf(id)).toHaveLength(0);

    // Past the time the API has to start it, the stack's own reconciler (on its timer) does.
    ahead = LOCAL_OPERATIONS_TIMING.reconcileGraceMs + 1000;
    await waitFor(async () => executionsOf(id).length > 0, { timeoutMs: jobRuns, what: "the reconciler's start" });
    // The stack's first email, whose render loads React: on a loaded machine it alone can take most of a local day.
    await waitFor(async () => (await emailsTo(stack.inboxUrl, body.candidate.email)).length === 1, {
      timeoutMs: 3 * DAY_MS,
      what: "the letter",
    });
    const [stored] = (await debriefItems()).filter((d) => d.id === id);
    expect(stored?.workflowStartedAt).toEqual(expect.any(String));
    // Later runs find it started and start nothing more.
    await waitFor(async () => executionsOf(id)[0]?.status !== "RUNNING" || undefined, {
      timeoutMs: 4 * DAY_MS,
      what: "its workflow to finish",
    });
    expect(executionsOf(id)).toHaveLength(1);
    expect(await emailsTo(stack.inboxUrl, body.candidate.email)).toHaveLength(3);
  });

  /**
   * Submits a debrief whose letter's SendEmail never gets an answer, as if the step died mid-call:
   * `hang` never reaches SES, `hang-after` reaches it (SES takes the message). Resolves once the
   * letter's claim is stored, with the debrief's id, address and that claim.
   */
  async function letterLeftUnanswered(fault: Fault) {
    const body = validDebrief();
    const proxy = await startFaultProxy(
      process.env.AWS_ENDPOINT_URL_SESV2 ?? "",
      (req) =>
        req.path.startsWith("/v2/email/outbound-emails") && req.body.includes(body.candidate.email) ? fault : "pass",
      () => ({ status: 500, body: "{}" }),
    );
    proxies.push(proxy);
    await stack.rewireSteps({ AWS_ENDPOINT_URL_SESV2: proxy.url });
    const { id, page } = (await (await postDebrief(stack.appUrl, body)).json()) as { id: string; page: string };
    const claim = await waitFor(async () => letterOf(id), { timeoutMs: DAY_MS, what: "the letter's claim" });
    await waitFor(async () => proxy.stats.hung === 1, { timeoutMs: DAY_MS, what: "the SendEmail held" });
    // The other debriefs' steps reach SES as before; the held call stays held.
    await stack.rewireSteps({});
    return { id, email: body.candidate.email, claim, proxy, path: new URL(page).pathname };
  }
  const letterOf = async (id: string) =>
    ((await debriefItems()).find((d) => d.id === id)?.sends as Record<string, SendRecord> | undefined)?.letter;
  const { stuckAfterMs, confirmWithinMs } = LOCAL_OPERATIONS_TIMING.repair;

  it("the repair pass sends again a letter whose claim SES never saw, once, under a new claim", async () => {
    const { id, email, claim, proxy } = await letterLeftUnanswered("hang");
    expect(claim.messageId).toBeUndefined();
    expect(await emailsTo(stack.inboxUrl, email)).toHaveLength(0);

    // Past the window for SES's event, the stack's repair pass (on its timer) sends it again.
    ahead += confirmWithinMs + 1000;
    const repaired = await waitFor(async () => ((await letterOf(id))?.messageId ? letterOf(id) : undefined), {
      timeoutMs: jobRuns,
      what: "the letter sent again",
    });
    const [letter] = await emailsTo(stack.inboxUrl, email);
    expect(repaired).toMatchObject({ repairs: 1, replaced: [claim.claim], messageId: letter?.messageId });
    expect(repaired?.claim).not.toBe(claim.claim);
    expect(letter?.headers).toContainEqual({ name: CLAIM_HEADER, value: `${id}_letter_${repaired?.claim}` });

    // The step that hung gets its error at last: it cannot release or complete the claim that replaced its own.
    await proxy.close();
    await waitFor(async () => (await emailsTo(stack.inboxUrl, email)).length === 3, {
      timeoutMs: 4 * DAY_MS,
      what: "the reminder and the tips",
    });
    await stack.sfn.idle();
    expect((await emailsTo(stack.inboxUrl, email)).map((m) => m.subject.slice(0, 12))).toHaveLength(3);
    expect(await letterOf(id)).toMatchObject({ claim: repaired?.claim, messageId: letter?.messageId });
  });

  it("completes, from SES's own event and without a second email, a letter SES took whose step never heard back", async () => {
    const { id, email, claim, proxy } = await letterLeftUnanswered("hang-after");
    // SES has it: its Send and Delivery events, published by the stack, name the claim.
    const [letter] = await waitFor(async () => nonEmpty(await emailsTo(stack.inboxUrl, email)), {
      timeoutMs: DAY_MS,
      what: "the letter in SES",
    });
    await stack.sesEvents.idle();
    const confirmed = await letterOf(id);
    expect(confirmed).toMatchObject({ claim: claim.claim, confirmed: { messageId: letter?.messageId, event: "Send" } });
    expect(confirmed?.messageId).toBeUndefined();

    // Once its step is surely gone, the repair pass completes the claim from the event.
    ahead += stuckAfterMs + 1000;
    await waitFor(async () => (await letterOf(id))?.messageId, { timeoutMs: jobRuns, what: "the claim completed" });
    // Well past the window after which an unconfirmed claim is sent again: nothing more was sent.
    ahead += confirmWithinMs;
    const runs = stack.jobRuns("repairSends");
    await waitFor(async () => stack.jobRuns("repairSends") >= runs + 2, {
      timeoutMs: jobRuns,
      what: "two more repair runs",
    });
    expect(await emailsTo(stack.inboxUrl, email)).toHaveLength(1);
    expect(await letterOf(id)).toMatchObject({ claim: claim.claim, messageId: letter?.messageId });
    expect((await letterOf(id))?.repairs).toBeUndefined();
    await proxy.close();
    await waitFor(async () => (await emailsTo(stack.inboxUrl, email)).length === 3, {
      timeoutMs: 4 * DAY_MS,
      what: "the reminder and the tips",
    });
  });

  it("sends again, at the candidate's request, a letter whose automatic resends are used up: one more email", async () => {
    const { id, email, path, proxy } = await letterLeftUnanswered("hang");
    // The repair pass as Lambda wires it, with SES unreachable (an outage), on a clock ahead of the stack's:
    // its claims are dated there, so the stack's own pass leaves them to it until the stack's clock catches up.
    let later = 0;
    const unreachable = { ...process.env, AWS_ENDPOINT_URL_SESV2: "http://127.0.0.1:9", AWS_MAX_ATTEMPTS: "1" };
    const outage = repairSendsHandler(
      wire({ env: unreachable, clock: { now: () => new Date(Date.now() + ahead + later) }, log: silent }),
      LOCAL_OPERATIONS_TIMING.repair,
      { count() {}, publish() {} },
    );
    for (let pass = 1; pass <= MAX_AUTOMATIC_RESENDS + 1; pass++) {
      later += confirmWithinMs + 1000;
      expect(await outage()).toMatchObject({ resent: 0, stuck: 1 });
      expect((await letterOf(id))?.repairs).toBe(Math.min(pass, MAX_AUTOMATIC_RESENDS));
    }
    const usedUp = await letterOf(id);

    // The stack's clock past the window of the last claim, the local repair's and the one the page reads
    // (AWS's): its own pass finds the resends used up and sends nothing.
    ahead += later + REPAIR_TIMING.confirmWithinMs;
    const runs = stack.jobRuns("repairSends");
    await waitFor(async () => stack.jobRuns("repairSends") >= runs + 2, {
      timeoutMs: jobRuns,
      what: "two repair runs",
    });
    expect(await letterOf(id)).toEqual(usedUp);
    expect(await emailsTo(stack.inboxUrl, email)).toHaveLength(0);

    // The candidate's page says so and offers to send it again; they ask.
    const html = await (await fetch(`${stack.appUrl}${path}`)).text();
    expect(html).toContain("Could not be confirmed");
    const asked = await fetch(`${stack.appUrl}${path}/resend/letter`, { method: "POST", redirect: "manual" });
    expect(asked.status).toBe(303);
    expect(asked.headers.get("location")).toBe(`${path}?done=resend`);

    // The stack's repair pass sends it at its next run, once.
    const [letter] = await waitFor(async () => nonEmpty(await emailsTo(stack.inboxUrl, email)), {
      timeoutMs: jobRuns,
      what: "the letter sent again",
    });
    const resent = await waitFor(async () => ((await letterOf(id))?.messageId ? letterOf(id) : undefined), {
      timeoutMs: jobRuns,
      what: "the resend recorded",
    });
    expect(resent).toMatchObject({ repairs: MAX_AUTOMATIC_RESENDS + 1, messageId: letter?.messageId });
    expect(letter?.headers).toContainEqual({ name: CLAIM_HEADER, value: `${id}_letter_${resent?.claim}` });
    const after = stack.jobRuns("repairSends");
    await waitFor(async () => stack.jobRuns("repairSends") >= after + 2, {
      timeoutMs: jobRuns,
      what: "two more repair runs",
    });
    expect(await emailsTo(stack.inboxUrl, email)).toHaveLength(1);

    // The held step gets its error at last; the workflow goes on with the reminder and the tips, and no second letter.
    await proxy.close();
    await waitFor(async () => (await emailsTo(stack.inboxUrl, email)).length === 3, {
      timeoutMs: 4 * DAY_MS,
      what: "the reminder and the tips",
    });
    await stack.sfn.idle();
    expect(await emailsTo(stack.inboxUrl, email)).toHaveLength(3);
    expect(await letterOf(id)).toMatchObject({ claim: resent?.claim, messageId: letter?.messageId });
  });
});
