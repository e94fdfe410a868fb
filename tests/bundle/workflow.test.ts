import { PutCommand } from "@aws-sdk/lib-dynamodb";
import {
  addressDigest,
  CLAIM_HEADER,
  CLAIM_TAG,
  RECONCILE_GRACE_MS,
  REPAIR_TIMING,
  type SendRecord,
  submitDebrief,
} from "@debrief/core";
import { documentClient, keys, TTL_ATTRIBUTE } from "@debrief/core/aws";
import { wire } from "@debrief/functions/wiring";
import { synthesizeLocalDefinition } from "@debrief/infra/local-definition";
import { sesEvent } from "@debrief/local";
import { provisionCentre } from "@debrief/testkit/centres";
import { centreFormFields, postForm } from "@debrief/testkit/forms";
import { emailsTo, headerOf, waitFor } from "@debrief/testkit/inbox";
import { debriefItems, tableItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BundleStack, startBundleStack } from "./support";

type State = { Type: string; Resource?: string; Parameters?: Record<string, unknown> };
type Definition = { States: Record<string, State> };
const definition = synthesizeLocalDefinition() as Definition;
/** The centre check-ins' own machine, which the tips step starts for the debriefs that have them. */
const checkinDefinition = synthesizeLocalDefinition("checkins") as Definition;

/** A Task's payload as Step Functions builds it from its Parameters (`key.$` paths read the state's input). */
function payloadOf(stateName: string, input: Record<string, unknown>): Record<string, unknown> {
  const state = definition.States[stateName] ?? checkinDefinition.States[stateName];
  if (!state?.Parameters) throw new Error(`No task ${stateName} in the workflow`);
  return Object.fromEntries(
    Object.entries(state.Parameters).map(([key, value]) =>
      key.endsWith(".$")
        ? [
            key.slice(0, -2),
            String(value)
              .replace(/^\$\./, "")
              .split(".")
              .reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], input),
          ]
        : [key, value],
    ),
  );
}
/** The send tasks of both machines and the email kind each one sends. */
const sendTasks = [...Object.entries(definition.States), ...Object.entries(checkinDefinition.States)]
  .filter(([, s]) => s.Type === "Task" && s.Resource?.endsWith(":function:SendEmail"))
  .map(([name, s]) => ({ name, kind: String(s.Parameters?.kind) }));

describe("the deployed workflow and operations bundles on Node 22", () => {
  let stack: BundleStack;
  let id: string;
  let input: Record<string, unknown>;
  const email = `bundle-steps-${process.pid}@example.com`;
  const invoke = (name: string, event: unknown) => stack.lambdas.invoke(name, event);
  const item = async (debriefId: string) => (await debriefItems()).find((d) => d.id === debriefId);

  // What a deployed stage binds as SST secrets (fetched from SSM there; locally given by name, as `sst bind` does).
  const secrets = {
    DIGEST_SECRET: "bundle-digest-key-0123456789abcdef012345",
    FORM_SECRET: "bundle-form-key-0123456789abcdef0123456789",
  };

  beforeAll(async () => {
    stack = await startBundleStack(secrets);
    await provisionCentre({ slug: "bundle-steps" });
    // A centre's debrief: its workflow also has the two check-ins.
    expect((await postForm(stack.appUrl, "/c/bundle-steps", centreFormFields(email))).status).toBe(303);
    const stored = (await debriefItems()).find(
      (d) => (d.input as { candidate: { email: string } }).candidate.email === email,
    );
    id = String(stored?.id);
    const execution = stack.sfn.executions().find((e) => e.name === id);
    input = JSON.parse(execution?.input ?? "{}");
    await waitFor(async () => (await emailsTo(stack.inboxUrl, email)).length === 1, {
      timeoutMs: 30_000,
      what: "the letter",
    });
  }, 600_000);
  afterAll(async () => {
    await stack?.dispose();
  });

  it("sends each email kind once, handed the state machine's own payload", async () => {
    expect(sendTasks.map((t) => t.kind).sort()).toEqual(["checkin14", "checkin7", "letter", "nudge", "tips"]);
    for (const task of sendTasks) {
      const payload = payloadOf(task.name, input);
      expect(payload).toEqual({ debriefId: id, kind: task.kind });
      // The workflow's own run already sent the letter: a second run of its step sends nothing.
      expect(await invoke("SendEmail", payload)).toEqual({
        kind: task.kind,
        status: task.kind === "letter" ? "skipped" : "sent",
      });
    }
    // The tips step started the check-ins' execution (which waits a local week: it sends nothing here).
    expect(stack.sfn.executions().map((e) => e.name)).toContain(`${id}-checkins`);
    const mails = await emailsTo(stack.inboxUrl, email);
    expect(mails).toHaveLength(5);
    expect(Object.keys((await item(id))?.sends as object).sort()).toEqual([
      "checkin14",
      "checkin7",
      "letter",
      "nudge",
      "tips",
    ]);
  });

  it("fails a send task with no debrief id as a permanent error the workflow's Retry skips", async () => {
    await expect(invoke("SendEmail", { kind: "letter" })).rejects.toMatchObject({ name: "InvalidStepInputError" });
  });

  it("records a failed step (RecordFailure), lists it and redrives it (Redrive)", async () => {
    const failedInput = { ...input, failedStep: "nudge", error: { Error: "States.Timeout", Cause: "took too long" } };
    expect(await invoke("RecordFailure", payloadOf("RecordFailure", failedInput))).toEqual({
      debriefId: id,
      recorded: true,
    });
    expect((await item(id))?.failure).toMatchObject({ step: "nudge", error: "States.Timeout" });

    const listed = (await invoke("Redrive", {})) as { failedDebriefs: { id: string }[] };
    expect(listed.failedDebriefs.map((d) => d.id)).toContain(id);
    const redriven = (await invoke("Redrive", { redrive: true, ids: [id] })) as { redriven: unknown[] };
    expect(JSON.stringify(redriven.redriven)).toContain(id);
    const after = await item(id);
    expect(after?.failure).toBeUndefined();
    expect(stack.sfn.executions().some((e) => e.name === after?.workflowName && e.name !== id)).toBe(true);
  });

  it("starts a stored debrief whose workflow never started (Reconcile)", async () => {
    // Stored while Step Functions was unreachable (the same wiring with its endpoint elsewhere),
    // longer ago than the API's grace to start it.
    const storedAt = new Date(Date.now() - RECONCILE_GRACE_MS - 60_000);
    const down = wire({
      env: { ...process.env, AWS_ENDPOINT_URL_SFN: "http://127.0.0.1:9", AWS_MAX_ATTEMPTS: "1" },
      clock: { now: () => storedAt },
    });
    const submitted = await submitDebrief(
      {
        ...((await item(id))?.input as object),
        candidate: { name: "Ada Park", email: `bundle-queued-${process.pid}@example.com`, timeZone: "UTC" },
      },
      {
        store: down.store,
        workflow: down.workflow,
        clock: down.clock,
        schedule: down.config.schedule,
        retentionDays: 180,
      },
    );
    expect(submitted).toMatchObject({ kind: "accepted", status: "queued" });
    const queued = submitted.kind === "accepted" ? submitted.id : "";
    expect(stack.sfn.executions().some((e) => e.name === queued)).toBe(false);

    const result = (await invoke("Reconcile", {})) as { started: string[] };
    expect(result.started).toContain(queued);
    expect(stack.sfn.executions().some((e) => e.name === queued)).toBe(true);
  });

  it("deletes what is past its retention (Sweep)", async () => {
    const expired = keys.token(`bundle-expired-${process.pid}`);
    await documentClient().send(
      new PutCommand({ TableName: process.env.TABLE_NAME, Item: { pk: expired, [TTL_ATTRIBUTE]: 1 } }),
    );
    const result = (await invoke("Sweep", {})) as { deleted: number };
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    expect((await tableItems()).some((i) => i.pk === expired)).toBe(false);
    expect(await item(id)).toBeDefined();
  });

  it("suppresses a permanently bounced address from SES's EventBridge event (SesEvents)", async () => {
    const bounced = `bundle-bounce-${process.pid}@example.com`;
    const result = await invoke("SesEvents", sesEvent("bounce", bounced));
    expect(result).toMatchObject({ suppressed: 1 });
    expect(await wire().store.isSuppressed(bounced)).toBe(true);
    // Under the bound digest key: the functions kept no key of their own in the table.
    const pks = (await tableItems()).map((i) => String(i.pk));
    expect(pks).toContain(`SUPPRESSED#${addressDigest(secrets.DIGEST_SECRET, bounced)}`);
    expect(pks.filter((pk) => pk.startsWith("CONFIG#"))).toEqual([]);
  });

  it("sends again a letter whose step died after claiming it (RepairSends), and records SES's events on claims (SesEvents)", async () => {
    // A debrief whose workflow never started (nothing else sends for it), and a claim on its letter that a
    // step which died 16 minutes ago left unanswered: past the window for SES's event, which never came.
    const down = wire({ env: { ...process.env, AWS_ENDPOINT_URL_SFN: "http://127.0.0.1:9", AWS_MAX_ATTEMPTS: "1" } });
    const address = `bundle-repair-${process.pid}@example.com`;
    const submitted = await submitDebrief(
      { ...((await item(id))?.input as object), candidate: { name: "Ada Park", email: address, timeZone: "UTC" } },
      {
        store: down.store,
        workflow: down.workflow,
        clock: down.clock,
        schedule: down.config.schedule,
        retentionDays: 180,
      },
    );
    const repairedId = submitted.kind === "accepted" ? submitted.id : "";
    const stuck = {
      claimedAt: new Date(Date.now() - REPAIR_TIMING.confirmWithinMs - 60_000).toISOString(),
      claim: "00112233445566ff",
    };
    expect(await wire().store.claimSend(repairedId, "letter", stuck)).toBe(true);

    const result = (await invoke("RepairSends", {})) as { confirmed: number; resent: number; stuck: number };
    expect(result).toMatchObject({ resent: 1, stuck: 0 });
    const [letter, ...more] = await emailsTo(stack.inboxUrl, address);
    expect(more).toEqual([]);
    const letterRecord = async () =>
      ((await item(repairedId))?.sends as Record<string, SendRecord> | undefined)?.letter;
    const record = await letterRecord();
    expect(record).toMatchObject({ repairs: 1, replaced: [stuck.claim], messageId: letter?.messageId });
    expect(letter?.headers).toContainEqual({ name: CLAIM_HEADER, value: `${repairedId}_letter_${record?.claim}` });
    // Nothing left to repair: a second run sends nothing.
    expect(await invoke("RepairSends", {})).toMatchObject({ resent: 0, confirmed: 0 });

    // SES's Send event for the resend (the message tag names its claim) is recorded on that claim; one for the
    // replaced claim, arriving after all, is counted once as an email sent twice.
    const sent = (claim: string) => ({
      version: "0",
      "detail-type": "Email Sent",
      source: "aws.ses",
      detail: {
        eventType: "Send",
        mail: {
          timestamp: new Date().toISOString(),
          messageId: `ses-${claim}`,
          destination: [address],
          headersTruncated: true,
          tags: { "ses:configuration-set": ["Sending"], [CLAIM_TAG]: [`${repairedId}_letter_${claim}`] },
        },
        send: {},
      },
    });
    await stack.sesEvents.idle();
    expect(await invoke("SesEvents", sent(record?.claim ?? ""))).toEqual({ claim: "confirmed" });
    expect(await invoke("SesEvents", sent(stuck.claim))).toEqual({ claim: "late" });
    expect(await invoke("SesEvents", sent(stuck.claim))).toEqual({ claim: "unknown" });
    // The first event of the message is kept: the stack's own, from what the emulator accepted.
    expect(await letterRecord()).toMatchObject({
      confirmed: { messageId: letter?.messageId, event: "Send" },
      lateConfirmations: [stuck.claim],
    });
  });

  it("sends the advisors' weekly email once per advisor and week, to those who asked (WeeklyDigest)", async () => {
    const centre = await provisionCentre({ slug: "bundle-weekly", displayName: "Bundle Weekly Careers" });
    expect(await centre.accounts.setWeeklyDigest("bundle-weekly", centre.owner.id, true)).toBe(true);
    expect(await invoke("WeeklyDigest", {})).toEqual({ sent: 1, skipped: 0, failed: 0 });
    const [digest, ...more] = await emailsTo(stack.inboxUrl, centre.owner.email);
    expect(more).toEqual([]);
    if (!digest) throw new Error("no weekly email");
    expect(digest.subject).toMatch(/^Bundle Weekly Careers: the week of \d{4}-\d{2}-\d{2} in figures$/);
    expect(headerOf(digest, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    // The scheduler's retry, or a second run the same week: nothing twice.
    expect(await invoke("WeeklyDigest", {})).toEqual({ sent: 0, skipped: 1, failed: 0 });
    expect(await emailsTo(stack.inboxUrl, centre.owner.email)).toHaveLength(1);
  });
});
