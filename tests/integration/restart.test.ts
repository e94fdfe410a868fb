import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { afterAll, describe, expect, it } from "vitest";

const DAY_S = 5;
const DAY_MS = DAY_S * 1000;

describe("restarting the local stack during a wait", () => {
  let stack: TestStack | undefined;
  afterAll(async () => {
    await stack?.dispose();
  });

  it("still delivers the reminder and the tips, exactly once each", async () => {
    stack = await startTestStack({ localDaySeconds: DAY_S, env: predictableSchedule() });
    const bodies = [validDebrief(), validDebrief()];
    for (const body of bodies) expect((await postDebrief(stack.appUrl, body)).status).toBe(201);
    for (const body of bodies) {
      await waitFor(async () => (await emailsTo(stack!.inboxUrl, body.candidate.email)).length === 1, {
        timeoutMs: DAY_MS / 2,
        what: "the letter",
      });
    }

    // Stop everything during the first wait (the reminder is ~a scaled day away), then start again on the same data.
    stack = await stack.restart();
    for (const body of bodies) {
      // The inbox survived the restart.
      expect(await emailsTo(stack.inboxUrl, body.candidate.email)).toHaveLength(1);
    }

    for (const body of bodies) {
      await waitFor(async () => (await emailsTo(stack!.inboxUrl, body.candidate.email)).length >= 3, {
        timeoutMs: 3 * DAY_MS,
        what: "the reminder and the tips after the restart",
      });
    }
    // Let any duplicate that a re-run could cause arrive before counting.
    await stack.sfn.idle();
    for (const body of bodies) {
      const subjects = (await emailsTo(stack.inboxUrl, body.candidate.email)).map((m) => m.subject);
      expect(subjects).toHaveLength(3);
      expect(subjects.filter((s) => s.startsWith("Following up"))).toHaveLength(1);
      expect(subjects.filter((s) => s.startsWith("Did you send"))).toHaveLength(1);
      expect(subjects.filter((s) => s.includes("second interview"))).toHaveLength(1);
    }
    expect(stack.sfn.executions().every((e) => e.status === "SUCCEEDED")).toBe(true);
  });
});
