import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { SFNClient } from "@aws-sdk/client-sfn";
import { type Clock, listFailed, reconcile, submitDebrief, sweep, systemClock } from "@debrief/core";
import { createDynamoStore, createSfnWorkflow } from "@debrief/core/aws";
import { handler as sesEventHandler } from "@debrief/functions/ses-events";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const DAY_S = 4;
const DAY_MS = DAY_S * 1000;
const env = predictableSchedule();
const schedule = {
  nudgeHour: Number(env.NUDGE_HOUR),
  nudgeAfterDays: Number(env.NUDGE_AFTER_DAYS),
  tipsAfterDays: Number(env.TIPS_AFTER_DAYS),
};

/** The event SES publishes to EventBridge for a bounce or a complaint. */
function sesEvent(kind: "Bounce" | "Complaint", address: string, bounceType = "Permanent") {
  const detail =
    kind === "Bounce"
      ? { eventType: kind, bounce: { bounceType, bouncedRecipients: [{ emailAddress: address }] } }
      : { eventType: kind, complaint: { complainedRecipients: [{ emailAddress: address }] } };
  return {
    source: "aws.ses",
    "detail-type": kind === "Bounce" ? "Email Bounced" : "Email Complaint Received",
    detail: { ...detail, mail: { tags: { "ses:configuration-set": ["debrief"] } } },
  };
}

/** Runs `pnpm redrive` (scripts/redrive.ts) with this process's settings, which point at the local stack. */
async function redriveCommand(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/redrive.ts", ...args], {
    env: process.env,
  });
  return stdout;
}

describe("operations on the local stack", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: DAY_S, env });
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  const store = () => createDynamoStore(process.env.TABLE_NAME ?? "");
  const workflow = () => createSfnWorkflow(process.env.STATE_MACHINE_ARN ?? "");
  const execution = (name: string) => stack.sfn.executions().find((e) => e.name === name);

  it("reconciles a stored debrief whose workflow never started, once", async () => {
    const body = validDebrief();
    // Step Functions unreachable at submission: the debrief is stored and queued.
    const unreachable = createSfnWorkflow(
      process.env.STATE_MACHINE_ARN ?? "",
      new SFNClient({ endpoint: "http://127.0.0.1:9", maxAttempts: 1 }),
    );
    const submitted = await submitDebrief(body, {
      store: store(),
      workflow: unreachable,
      clock: systemClock,
      schedule,
      retentionDays: 180,
    });
    expect(submitted).toMatchObject({ kind: "accepted", status: "queued" });
    const id = submitted.kind === "accepted" ? submitted.id : "";
    expect(execution(id)).toBeUndefined();

    const deps = { store: store(), workflow: workflow(), clock: systemClock };
    // Within the grace period the API may still be starting it: left alone.
    expect((await reconcile(deps)).started).not.toContain(id);
    const { started, failed } = await reconcile(deps, 0);
    expect(started).toContain(id);
    expect(failed).toEqual([]);
    expect((await store().get(id, new Date()))?.workflowStartedAt).toBeTruthy();
    await waitFor(async () => (await emailsTo(stack.inboxUrl, body.candidate.email)).length === 1, {
      timeoutMs: DAY_MS,
      what: "the letter of the reconciled debrief",
    });
    expect((await reconcile(deps, 0)).started).not.toContain(id);
  });

  it("sweeps items past their retention and keeps the others", async () => {
    const deps = { store: store(), workflow: workflow(), clock: systemClock, schedule };
    const short = await submitDebrief(validDebrief(), { ...deps, retentionDays: 1 });
    const long = await submitDebrief(validDebrief(), { ...deps, retentionDays: 30 });
    if (short.kind !== "accepted" || long.kind !== "accepted") throw new Error("not accepted");
    const inTwoDays: Clock = { now: () => new Date(Date.now() + 2 * 86_400_000) };
    const { deleted } = await sweep({ store: store(), clock: inTwoDays });
    // The short-lived debrief at least (its links are derived from it: no token items to sweep).
    expect(deleted).toBeGreaterThanOrEqual(1);
    const all: string[] = [];
    for await (const d of store().listDebriefs(new Date(0))) all.push(d.id);
    expect(all).not.toContain(short.id);
    expect(all).toContain(long.id);
    expect((await sweep({ store: store(), clock: systemClock })).deleted).toBe(0);
  });

  it("lists failed debriefs and redrives them under a new execution name, sending nothing twice", async () => {
    const body = validDebrief();
    const response = await postDebrief(stack.appUrl, body);
    const { id } = (await response.json()) as { id: string };
    await waitFor(async () => execution(id)?.status === "SUCCEEDED", {
      timeoutMs: 4 * DAY_MS,
      what: "the first run",
    });
    // What the workflow's catch path records (proven on the synthesized machine in tests/infra).
    await store().recordFailure(id, { at: new Date().toISOString(), step: "tips", error: "Lambda.Unknown" });

    const deps = { store: store(), workflow: workflow(), clock: systemClock };
    expect(await listFailed(deps)).toContainEqual(
      expect.objectContaining({ id, step: "tips", error: "Lambda.Unknown" }),
    );
    // The operator's command (`pnpm redrive`, then `pnpm redrive <id>`), against the local stack.
    const listed = JSON.parse(await redriveCommand()) as { failed: { id: string }[] };
    expect(listed.failed.map((f) => f.id)).toContain(id);
    const { redriven } = JSON.parse(await redriveCommand(id)) as { redriven: string[] };
    expect(redriven).toEqual([id]);
    const after = await store().get(id, new Date());
    expect(after?.failure).toBeUndefined();
    expect(after?.workflowName).toMatch(new RegExp(`^${id}-redrive-\\d+$`));
    await waitFor(async () => execution(after?.workflowName ?? "")?.status === "SUCCEEDED", {
      // A new execution waits again for the debrief's own (absolute) times, scaled from its start.
      timeoutMs: 4 * DAY_MS,
      what: "the redriven run",
    });
    expect(await emailsTo(stack.inboxUrl, body.candidate.email)).toHaveLength(3);
    expect((await listFailed(deps)).map((f) => f.id)).not.toContain(id);
  });

  it("suppresses a permanently bounced address and stops its pending workflow (the SES event handler)", async () => {
    const body = validDebrief();
    const { id } = (await (await postDebrief(stack.appUrl, body)).json()) as { id: string };
    await waitFor(async () => (await emailsTo(stack.inboxUrl, body.candidate.email)).length === 1, {
      timeoutMs: DAY_MS,
      what: "the letter",
    });
    // Waiting for the reminder (about a scaled day away) when the bounce arrives.
    expect(execution(id)?.status).toBe("RUNNING");
    const result = await sesEventHandler(sesEvent("Bounce", body.candidate.email.toUpperCase()));
    expect(result).toEqual({ suppressed: 1, stopped: 1 });
    expect(execution(id)?.status).toBe("ABORTED");
    expect(await store().isSuppressed(body.candidate.email)).toBe(true);
    await stack.sfn.idle();
    expect(await emailsTo(stack.inboxUrl, body.candidate.email)).toHaveLength(1);
  });

  it("suppresses on a complaint, but not on a transient bounce", async () => {
    const transient = validDebrief().candidate.email;
    expect(await sesEventHandler(sesEvent("Bounce", transient, "Transient"))).toEqual({ suppressed: 0, stopped: 0 });
    expect(await store().isSuppressed(transient)).toBe(false);
    const complaining = validDebrief().candidate.email;
    expect(await sesEventHandler(sesEvent("Complaint", complaining))).toEqual({ suppressed: 1, stopped: 0 });
    expect(await store().isSuppressed(complaining)).toBe(true);
  });
});
