import { createApp } from "@debrief/functions/app";
import { apiDeps, wire } from "@debrief/functions/wiring";
import { LOCAL_OPERATIONS_TIMING, MIN_LOCAL_JOB_INTERVAL_MS } from "@debrief/local";
import { validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { debriefItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const DAY_S = 4;
const DAY_MS = DAY_S * 1000;
const silent = { info() {}, warn() {}, error() {} };

describe("what a crash leaves behind, repaired by the embedded stack's scheduled jobs", () => {
  let stack: TestStack;
  /** The stack's clock runs this far ahead of the machine's: a test moves it past a grace period. */
  let ahead = 0;
  const clock = { now: () => new Date(Date.now() + ahead) };
  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: DAY_S, env: predictableSchedule(), clock });
  });
  afterAll(async () => {
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
    await waitFor(async () => (await emailsTo(stack.inboxUrl, body.candidate.email)).length === 1, {
      timeoutMs: DAY_MS,
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
});
