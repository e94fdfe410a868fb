import type { SendRecord } from "@debrief/core";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { dynamoInternalError, startFaultProxy } from "@debrief/testkit/fault-proxy";
import { emailsTo, type StoredEmail, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { debriefItems } from "@debrief/testkit/table";
import { afterAll, describe, expect, it } from "vitest";

const DAY_S = 6;
const DAY_MS = DAY_S * 1000;
const DEBRIEFS = 8;

const hasUnsubscribe = (m: StoredEmail) => m.headers?.some((h) => h.name === "List-Unsubscribe") ?? false;

describe("faults: SES failing calls, a step crashing after SES accepted, the stack restarted during a wait", () => {
  let stack: TestStack | undefined;
  const proxies: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const p of proxies) await p.close();
    await stack?.dispose();
  });

  it("still gives every debrief exactly one letter, one nudge and one tips email", async () => {
    stack = await startTestStack({ localDaySeconds: DAY_S, env: predictableSchedule() });
    const realSes = process.env.AWS_ENDPOINT_URL_SESV2 ?? "";
    const realDynamo = process.env.AWS_ENDPOINT_URL_DYNAMODB ?? "";

    // SES answers two of every five SendEmail calls with throttling, before the message is taken.
    let sendCalls = 0;
    const ses = await startFaultProxy(
      realSes,
      (req) => (req.path.startsWith("/v2/email/outbound-emails") && sendCalls++ % 5 < 2 ? "fail" : "pass"),
      () => ({
        status: 429,
        headers: { "x-amzn-errortype": "TooManyRequestsException" },
        body: JSON.stringify({ message: "injected throttling" }),
      }),
    );
    // Recording the first letter's SES message id always fails, however often the SDK retries:
    // that step crashes after SES accepted the email, and the workflow's Retry runs it again.
    let crashing: string | undefined;
    const dynamo = await startFaultProxy(
      realDynamo,
      (req) => {
        if (req.headers["x-amz-target"] !== "DynamoDB_20120810.UpdateItem" || !req.body.includes('"messageId"')) {
          return "pass";
        }
        const key = (JSON.parse(req.body) as { Key: { pk: { S: string } } }).Key.pk.S;
        if (!req.body.includes('"#kind":"letter"')) return "pass";
        crashing ??= key;
        return key === crashing ? "fail" : "pass";
      },
      dynamoInternalError,
    );
    proxies.push(ses, dynamo);
    // Only the workflow's steps go through the proxies (wired again with their endpoints).
    const injectFaults = () =>
      stack!.rewireSteps({ AWS_ENDPOINT_URL_SESV2: ses.url, AWS_ENDPOINT_URL_DYNAMODB: dynamo.url });
    await injectFaults();

    const bodies = Array.from({ length: DEBRIEFS }, () => validDebrief());
    for (const body of bodies) expect((await postDebrief(stack.appUrl, body)).status).toBe(201);
    for (const body of bodies) {
      await waitFor(async () => (await emailsTo(stack!.inboxUrl, body.candidate.email)).length >= 1, {
        timeoutMs: 2 * DAY_MS,
        what: "every letter",
      });
    }
    // Every attempt the SDK made to record it failed: the step itself failed.
    expect(dynamo.stats.failed).toBeGreaterThanOrEqual(3);

    // Kill the stack during the waits and start it again on the same data, faults still on.
    stack = await stack.restart();
    await injectFaults();

    for (const body of bodies) {
      await waitFor(async () => (await emailsTo(stack!.inboxUrl, body.candidate.email)).length >= 3, {
        timeoutMs: 5 * DAY_MS,
        what: "the reminder and the tips",
      });
    }
    // Let anything a retry or the restart could still send arrive before counting.
    await stack.sfn.idle();
    expect(ses.stats.failed).toBeGreaterThan(0);
    for (const body of bodies) {
      const mails = await emailsTo(stack.inboxUrl, body.candidate.email);
      expect(mails).toHaveLength(3);
      expect(new Set(mails.map((m) => m.subject)).size).toBe(3);
      expect(mails.filter((m) => !hasUnsubscribe(m))).toHaveLength(1); // the letter
      expect(mails.filter((m) => m.subject.includes("second interview"))).toHaveLength(1); // the tips
    }
    expect(stack.sfn.executions().map((e) => e.status)).toEqual(Array(DEBRIEFS).fill("SUCCEEDED"));
    const stored = await debriefItems();
    expect(stored).toHaveLength(DEBRIEFS);
    for (const d of stored) expect(Object.keys(d.sends as object).sort()).toEqual(["letter", "nudge", "tips"]);
    // The crashed step's letter kept its claim (the step could not record SES's answer), so the retry did not
    // send it again; SES's own event confirmed that claim, and the repair pass, if it ran, completed it from that.
    const crashed = stored.find((d) => d.pk === crashing) as { sends: { letter: SendRecord } };
    const letter = crashed.sends.letter;
    expect(letter.confirmed).toMatchObject({ messageId: expect.any(String), event: "Send" });
    expect(letter.repairs).toBeUndefined();
    expect([undefined, letter.confirmed?.messageId]).toContain(letter.messageId);
  });
});
