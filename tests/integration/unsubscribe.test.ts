import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { emailsTo, headerOf, type StoredEmail, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { tableItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const DAY_S = 4;
const DAY_MS = DAY_S * 1000;

const isTips = (m: StoredEmail) => m.subject.includes("second interview");

describe('one-click unsubscribe and "this wasn\'t me"', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: DAY_S, env: predictableSchedule() });
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  const local = (url: string) => url.replace(stack.url, stack.appUrl);
  const arrived = (address: string, count: number, what: string) =>
    waitFor(
      async () => {
        const mails = await emailsTo(stack.inboxUrl, address);
        return mails.length >= count && mails;
      },
      { timeoutMs: 3 * DAY_MS, what },
    );

  it("puts RFC 8058 headers on the reminder and the tips, stops the emails at one click, and leaves a GET harmless", async () => {
    const leaving = validDebrief();
    const staying = validDebrief();
    for (const body of [leaving, staying]) expect((await postDebrief(stack.appUrl, body)).status).toBe(201);

    const [letter, nudge] = await arrived(leaving.candidate.email, 2, "the letter and the reminder");
    expect(headerOf(letter as StoredEmail, "List-Unsubscribe")).toBeUndefined();
    const unsubscribe = headerOf(nudge as StoredEmail, "List-Unsubscribe") ?? "";
    expect(unsubscribe).toMatch(/^<http:\/\/localhost:\d+\/u\/[A-Za-z0-9_-]{43}>$/);
    expect(headerOf(nudge as StoredEmail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    // Link scanners and people opening the link get a page with a button; nothing changes.
    const url = local(unsubscribe.slice(1, -1));
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Stop the emails");

    // What a mail provider sends: a cross-site POST from its servers, no cookies, no Origin.
    const oneClick = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain("You are unsubscribed");

    // The other debrief, sent at the same time, gets its tips (with the headers too) ...
    const stayed = await arrived(staying.candidate.email, 3, "the other debrief's tips");
    const tips = stayed.find(isTips) as StoredEmail;
    expect(headerOf(tips, "List-Unsubscribe")).toMatch(/\/u\/[A-Za-z0-9_-]{43}>$/);
    expect(headerOf(tips, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    // Every kind of email carries the "this wasn't me" link.
    for (const m of stayed) expect(m.body.html).toMatch(/href="http:\/\/localhost:\d+\/not-me\/[A-Za-z0-9_-]{43}"/);
    // ... and once the unsubscribed one's workflow has ended, it got none.
    await waitFor(async () => stack.sfn.executions().every((e) => e.status !== "RUNNING"), {
      timeoutMs: 3 * DAY_MS,
      what: "the workflows to end",
    });
    const left = await emailsTo(stack.inboxUrl, leaving.candidate.email);
    expect(left).toHaveLength(2);
    expect(left.some(isTips)).toBe(false);
  });

  it('carries a "this wasn\'t me" link in every email that suppresses the address for good', async () => {
    const victim = `victim-${Date.now()}@example.com`;
    const first = validDebrief({ candidate: { name: "Someone Else", email: victim, timeZone: "UTC" } });
    const second = validDebrief({ candidate: { name: "Someone Else", email: victim, timeZone: "UTC" } });
    for (const body of [first, second]) expect((await postDebrief(stack.appUrl, body)).status).toBe(201);
    const letters = await arrived(victim, 2, "both letters");
    for (const m of letters) {
      expect(m.body.html).toMatch(/href="http:\/\/localhost:\d+\/not-me\/[A-Za-z0-9_-]{43}"/);
      expect(m.body.text).toContain("this wasn't me");
    }
    const link = local(
      /href="(http:\/\/localhost:\d+\/not-me\/[A-Za-z0-9_-]{43})"/.exec(letters[0]?.body.html ?? "")?.[1] ?? "",
    );

    const confirm = await fetch(link);
    expect(confirm.status).toBe(200);
    expect(confirm.headers.get("referrer-policy")).toBe("no-referrer");
    const done = await fetch(link, { method: "POST", headers: { origin: stack.url, "sec-fetch-site": "same-origin" } });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("We will not email you again");

    // Only a hash of the address is kept on the list.
    const suppressed = (await tableItems()).filter((i) => String(i.pk).startsWith("SUPPRESSED#"));
    expect(suppressed).toHaveLength(1);
    expect(JSON.stringify(suppressed)).not.toContain(victim);

    // A new debrief to that address is taken, but nothing more reaches it: not its letter, not the others' nudges.
    expect(
      (await postDebrief(stack.appUrl, validDebrief({ candidate: { name: "X", email: victim, timeZone: "UTC" } })))
        .status,
    ).toBe(201);
    await waitFor(async () => stack.sfn.executions().every((e) => e.status !== "RUNNING"), {
      timeoutMs: 4 * DAY_MS,
      what: "every workflow to end",
    });
    expect(await emailsTo(stack.inboxUrl, victim)).toHaveLength(2);
  });
});
