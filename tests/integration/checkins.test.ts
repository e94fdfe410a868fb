import { provisionCentre } from "@debrief/testkit/centres";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { centreFormFields, postAsBrowser, postForm } from "@debrief/testkit/forms";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { debriefItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// One workflow day lasts a second here: the day-14 check-in arrives about 14 s after the interview day began.
const DAY_S = 1;
const DAY_MS = DAY_S * 1000;

describe("outcome check-ins on day 7 and day 14, in their own workflow started by the tips step", () => {
  let stack: TestStack;
  const idOf = async (email: string) =>
    (await debriefItems()).find((i) => (i.input as { candidate: { email: string } }).candidate.email === email)
      ?.id as string;
  const finished = (name: string) =>
    waitFor(async () => stack.sfn.executions().find((e) => e.name === name && e.status === "SUCCEEDED"), {
      timeoutMs: 25 * DAY_MS,
      what: `the workflow ${name} to finish`,
    });
  const checkinExecution = (id: string) => stack.sfn.executions().find((e) => e.name === `${id}-checkins`);

  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: DAY_S, env: { FORM_MIN_FILL_SECONDS: "0" } });
    await provisionCentre({ slug: "harbour" });
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  it("asks twice with one-click answers, stops once an outcome is given, never asks a debrief without a centre, and asks once each across a restart", async () => {
    const asked = `asked-${process.pid}@example.com`;
    const answered = `answered-${process.pid}@example.com`;
    const plain = validDebrief();
    expect((await postForm(stack.appUrl, "/c/harbour", centreFormFields(asked))).status).toBe(303);
    expect((await postForm(stack.appUrl, "/c/harbour", centreFormFields(answered))).status).toBe(303);
    expect((await postDebrief(stack.appUrl, plain)).status).toBe(201);

    // The debrief's workflow carries ids and times only, and ends with the tips (five state transitions).
    const askedId = await idOf(asked);
    const execution = stack.sfn.executions().find((e) => e.name === askedId);
    expect(Object.keys(JSON.parse(execution?.input ?? "{}")).sort()).toEqual(["debriefId", "nudgeAt", "tipsAt"]);
    expect(checkinExecution(askedId)).toBeUndefined();

    // The tips step starts the check-ins as their own execution, which carries their times and no personal data.
    const checkins = await waitFor(async () => checkinExecution(askedId), {
      timeoutMs: 12 * DAY_MS,
      what: "the check-in workflow",
    });
    expect((await emailsTo(stack.inboxUrl, asked)).length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(JSON.parse(checkins.input)).sort()).toEqual(["checkin14At", "checkin7At", "debriefId"]);
    expect(checkins.input).not.toContain(asked);

    // The day-7 check-in comes after the tips; its links answer with one click through the candidate's page token.
    const [, , , checkin7] = await waitFor(
      async () => {
        const mails = await emailsTo(stack.inboxUrl, answered);
        return mails.length >= 4 && mails;
      },
      { timeoutMs: 12 * DAY_MS, what: "the day-7 check-in" },
    );
    expect(checkin7?.subject).toBe("Any news from Harbour Analytics?");
    const links = [...(checkin7?.body.html ?? "").matchAll(/href="([^"]+\/checkin\/checkin7\/([a-z_]+))"/g)];
    expect(links.map((m) => m[2])).toEqual(["no_reply", "second_interview", "offer", "rejected", "stop"]);
    const offer = links.find((m) => m[2] === "offer")?.[1] ?? "";
    expect(offer.startsWith(`${stack.url}/d/`)).toBe(true);
    expect(checkin7?.body.text).toContain("I got an offer");
    const answer = await fetch(offer.replace(stack.url, stack.appUrl), { method: "POST" });
    expect(answer.status).toBe(200);

    // Restart while the check-ins wait for day 14: the resumed execution sends each check-in once.
    stack = await stack.restart();

    await finished(askedId);
    await finished(`${askedId}-checkins`);
    const answeredId = await idOf(answered);
    await finished(answeredId);
    await finished(`${answeredId}-checkins`);
    const plainId = await idOf(plain.candidate.email);
    await finished(plainId);
    await stack.sfn.idle();

    // No answer: asked on day 7 and day 14. An offer on day 7: the day-14 check-in is skipped.
    expect((await emailsTo(stack.inboxUrl, asked)).map((m) => m.subject)).toEqual([
      expect.any(String),
      expect.any(String),
      expect.any(String),
      "Any news from Harbour Analytics?",
      "Any news from Harbour Analytics?",
    ]);
    expect(await emailsTo(stack.inboxUrl, answered)).toHaveLength(4);
    const record = (await debriefItems()).find((i) => i.id === answeredId) as {
      checkins: Record<string, { answer: string }>;
      sends: Record<string, unknown>;
    };
    expect(record.checkins).toEqual({ checkin7: { answer: "offer", at: expect.any(String) } });
    expect(record.sends.checkin14).toBeUndefined();
    // A debrief without a centre ends after the tips: no check-in execution at all.
    expect(await emailsTo(stack.inboxUrl, plain.candidate.email)).toHaveLength(3);
    expect(checkinExecution(plainId)).toBeUndefined();
  });

  it("stops a debrief's check-ins with its emails: after 'stop emails' or 'delete my data' no check-in is sent", async () => {
    const stopper = `stopper-${process.pid}@example.com`;
    const eraser = `eraser-${process.pid}@example.com`;
    const control = `control-${process.pid}@example.com`;
    for (const email of [stopper, eraser, control])
      expect((await postForm(stack.appUrl, "/c/harbour", centreFormFields(email))).status).toBe(303);
    const pageOf = async (email: string) => {
      const [letter] = await emailsTo(stack.inboxUrl, email);
      const url = (letter?.body.html ?? "").match(/href="([^"]+\/d\/[A-Za-z0-9_-]+)"/)?.[1] ?? "";
      return url.replace(stack.url, stack.appUrl);
    };

    // Both wait for day 7 in their check-in executions when the candidate acts.
    const stopperId = (await idOf(stopper)) ?? "";
    const eraserId = (await idOf(eraser)) ?? "";
    const controlId = (await idOf(control)) ?? "";
    for (const id of [stopperId, eraserId, controlId])
      await waitFor(async () => checkinExecution(id)?.status === "RUNNING", {
        timeoutMs: 12 * DAY_MS,
        what: "the check-in workflow",
      });
    expect((await postAsBrowser(stack.appUrl, `${await pageOf(stopper)}/stop`)).status).toBe(303);
    expect((await postAsBrowser(stack.appUrl, `${await pageOf(eraser)}/delete`, { confirm: "yes" })).status).toBe(200);
    expect(checkinExecution(stopperId)?.status).toBe("ABORTED");
    expect(checkinExecution(eraserId)?.status).toBe("ABORTED");

    // Once the control's day-14 check-in has come, theirs would have too.
    await finished(`${controlId}-checkins`);
    expect(await emailsTo(stack.inboxUrl, control)).toHaveLength(5);
    expect(await emailsTo(stack.inboxUrl, stopper)).toHaveLength(3);
    expect(await emailsTo(stack.inboxUrl, eraser)).toHaveLength(3);
  });
});
