import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { Debrief, DebriefRequest } from "@debrief/core";
import { submitThroughApi, validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { formFields, formGuardFields, postAsBrowser } from "@debrief/testkit/forms";
import { emailsTo, type StoredEmail, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// One workflow day lasts this long locally; every wait below is derived from it.
const DAY_S = 4;
const DAY_MS = DAY_S * 1000;

describe("the candidate's page and the one-use links", () => {
  let stack: TestStack;
  let doc: DynamoDBDocumentClient;
  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: DAY_S, env: predictableSchedule() });
    // The stack points the SDK at dynalite through AWS_ENDPOINT_URL_DYNAMODB.
    doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  /** Submits a debrief through the JSON API; returns its id, address and page path. */
  async function submit(overrides: Partial<DebriefRequest> = {}) {
    const body = validDebrief(overrides);
    body.candidate = { ...body.candidate, timeZone: "UTC" };
    body.interview = { ...body.interview, interviewer: { ...body.interview.interviewer, email: "jonas@example.com" } };
    return { ...(await submitThroughApi(stack.appUrl, body)), body };
  }

  const get = (path: string) => fetch(`${stack.appUrl}${path}`, { redirect: "manual" });
  const post = (path: string, fields: Record<string, string> = {}) => postAsBrowser(stack.appUrl, path, fields);

  async function items() {
    const { Items = [] } = await doc.send(new ScanCommand({ TableName: "debriefs", ConsistentRead: true }));
    return Items;
  }
  async function stored(id: string): Promise<Debrief | undefined> {
    const item = (await items()).find((i) => i.pk === `DEBRIEF#${id}`);
    return item as Debrief | undefined;
  }
  const mails = (address: string, n: number, what: string, timeoutMs = 3 * DAY_MS) =>
    waitFor(
      async () => {
        const all = await emailsTo(stack.inboxUrl, address);
        return all.length >= n && all;
      },
      { timeoutMs, what },
    );
  const actionLinks = (mail: StoredEmail | undefined) =>
    Object.fromEntries(
      [...(mail?.body.html ?? "").matchAll(/href="[^"]*(\/a\/[A-Za-z0-9_-]{43})"[^>]*>([^<]+)</g)].map((m) => [
        m[2],
        m[1]!,
      ]),
    );
  const tamper = (path: string) => path.slice(0, -1) + (path.endsWith("A") ? "B" : "A");

  it("shows the draft, and answers 404 to an unknown, altered or malformed token", async () => {
    const { path } = await submit();
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    for (const id of ['id="letter"', 'id="send-mailto"', 'id="download-eml"', 'id="mark-sent"', 'id="snooze"']) {
      expect(html).toContain(id);
    }
    expect(html).toContain('href="mailto:jonas@example.com?subject=');
    // The page's one script comes from the app (the CSP allows no inline script).
    // Under a content-hashed name, cached for a year.
    const src = html.match(/<script src="(\/assets\/candidate\.[0-9a-f]{10}\.js)" defer="">/)?.[1];
    expect(src).toBeDefined();
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    const script = await get(src ?? "");
    expect(script.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await script.text()).toContain("navigator.clipboard");
    expect((await get(tamper(path))).status).toBe(404);
    expect((await get(`${tamper(path)}/letter.eml`)).status).toBe(404);
    expect((await post(`${tamper(path)}/stop`)).status).toBe(404);
    expect((await get("/d/not-a-token")).status).toBe(404);
  });

  it("takes the decision date, a sample's relevance and the off-day choice from the form into the letter", async () => {
    const email = `form-content-${Date.now()}@example.com`;
    const form = new URLSearchParams({
      ...(await formGuardFields(stack.appUrl)),
      ...formFields(email, {
        "interview.decisionDate": "2030-01-15",
        "interview.format": "video",
        "samples.0.title": "Delay dashboard",
        "samples.0.url": "https://example.com/dashboard",
        "samples.0.note": "It reports delays daily",
        tone: "warm",
        offDay: "mention",
      }),
    });
    const res = await fetch(`${stack.appUrl}/`, { method: "POST", body: form, redirect: "manual" });
    expect(res.status).toBe(303);
    const page = await (await get(res.headers.get("location")!)).text();
    // Nerves are left out by default; asked for, the letter owns them in one sentence.
    expect(page).toContain("I was more nervous than I expected");
    expect(page).toContain(
      "my delay dashboard, which you can find at https://example.com/dashboard (it reports delays daily).",
    );
    const id = (await items()).find((i) => (i.input as { candidate?: { email?: string } })?.candidate?.email === email)
      ?.id as string;
    expect((await stored(id))?.input.interview.decisionDate).toBe("2030-01-15");
  });

  it("saves an edited draft, which the .eml and the mailto then carry; another tone replaces it once confirmed", async () => {
    const { id, path } = await submit();
    const subject = "Thank you, and one more answer";
    const body = "Dear Jonas,\n\nMy own words.\n\nBest wishes,\nAmira";
    const saved = await post(`${path}/draft`, { subject, body });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`${path}?done=draft`);
    expect((await stored(id))?.draft).toMatchObject({ subject, body });

    const page = await (await get(`${path}?done=draft`)).text();
    expect(page).toContain("My own words.");
    expect(page).toContain("Your changes to the letter are saved");
    const eml = await get(`${path}/letter.eml`);
    expect(eml.headers.get("content-type")).toBe("message/rfc822");
    const parsed = await simpleParser(Buffer.from(await eml.arrayBuffer()));
    expect(parsed.subject).toBe(subject);
    expect(parsed.text?.replace(/\r\n/g, "\n").trimEnd()).toBe(body);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0]?.address : undefined).toBe("jonas@example.com");

    // An empty letter is refused with a field message, and nothing is overwritten.
    const empty = await post(`${path}/draft`, { subject, body: "  " });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("The letter cannot be empty");
    expect((await stored(id))?.draft?.body).toBe(body);

    // Another tone replaces the edited draft only once the candidate confirms it.
    const kept = await post(`${path}/tone`, { tone: "formal" });
    expect(kept.status).toBe(422);
    expect((await stored(id))?.draft?.body).toBe(body);
    const toned = await post(`${path}/tone`, { tone: "formal", replace: "yes" });
    expect(toned.status).toBe(303);
    const after = await stored(id);
    expect(after?.draft).toBeUndefined();
    expect(after?.input.tone).toBe("formal");
    const tonedPage = await (await get(path)).text();
    expect(tonedPage).toContain("Dear Jonas Weber,");
    // The page says whom the composed letter addresses, so the candidate can change it.
    expect(tonedPage).toMatch(/id="salutation-used"[^>]*>\s*It addresses them as <strong>Jonas Weber<\/strong>/);
  });

  it("serves the data export and the practice session calendar file", async () => {
    const { id, path, body } = await submit();
    const data = (await (await get(`${path}/data.json`)).json()) as Record<string, unknown>;
    expect(data.id).toBe(id);
    expect((data.input as { candidate: { email: string } }).candidate.email).toBe(body.candidate.email);
    expect(data).not.toHaveProperty("tokenHashes");

    const ics = await get(`${path}/practice.ics`);
    expect(ics.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const vevent = new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent("vevent");
    const event = new ICAL.Event(vevent!);
    expect(event.summary).toBe("Interview practice: Data Analyst at Northwind Logistics");
    expect(event.description).toContain(body.questions![0]!.question);
    // 18:00 on the candidate's clock (UTC here), at least two hours after the tips are scheduled.
    const start = event.startDate.toJSDate();
    expect(start.getUTCHours()).toBe(18);
    const tipsAt = Date.parse((await stored(id))!.schedule.tipsAt);
    expect(start.getTime() - tipsAt).toBeGreaterThanOrEqual(2 * 3_600_000);
    expect(start.getTime() - tipsAt).toBeLessThan(26 * 3_600_000);
  });

  it("makes every one-use link in the letter work once, and refuses a tampered one", async () => {
    const { id, email } = await submit();
    const [letter] = await mails(email, 1, "the letter", DAY_MS / 2);
    const links = actionLinks(letter);
    expect(Object.keys(links).sort()).toEqual(["Delete my data", "I sent it", "Snooze a day", "Stop emails"]);

    const sent = links["I sent it"]!;
    expect((await get(tamper(sent))).status).toBe(404);
    expect((await post(tamper(sent))).status).toBe(404);
    // Opening the link only asks; a mail scanner that follows it changes nothing.
    const confirm = await get(sent);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('id="confirm-action"');
    expect((await stored(id))?.letterSentAt).toBeUndefined();
    const done = await post(sent);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Marked as sent");
    expect((await stored(id))?.letterSentAt).toEqual(expect.any(String));
    expect((await post(sent)).status).toBe(404);
    expect((await get(sent)).status).toBe(404);

    // The reminder that follows reflects it: what to expect, not a reminder.
    const [, nudge] = await mails(email, 2, "the reminder");
    expect(nudge?.subject).toBe("You sent it: what to expect from Northwind Logistics");

    const snooze = links["Snooze a day"]!;
    expect((await post(snooze)).status).toBe(200);
    expect((await post(snooze)).status).toBe(404);

    // "Delete my data" from the email erases everything: the links not yet used stop working too.
    const erase = links["Delete my data"]!;
    expect((await post(tamper(erase))).status).toBe(404);
    const erased = await post(erase);
    expect(erased.status).toBe(200);
    expect(await erased.text()).toContain("deleted");
    expect(await stored(id)).toBeUndefined();
    expect((await get(links["Stop emails"]!)).status).toBe(404);
    expect((await post(erase)).status).toBe(404);
  });

  it("stops every email through the 'stop emails' link; a debrief sent alongside still gets its own", async () => {
    const stopped = await submit();
    const control = await submit();
    const [letter] = await mails(stopped.email, 1, "the letter", DAY_MS / 2);
    const stop = actionLinks(letter)["Stop emails"]!;
    expect((await post(stop)).status).toBe(200);
    expect((await post(stop)).status).toBe(404);
    expect((await stored(stopped.id))?.stoppedAt).toEqual(expect.any(String));
    expect(stack.sfn.executions().find((e) => e.name === stopped.id)?.status).toBe("ABORTED");

    // Once the control's nudge and tips have come, the stopped debrief's would have too.
    await mails(control.email, 3, "the control's nudge and tips");
    expect(await emailsTo(stack.inboxUrl, stopped.email)).toHaveLength(1);
  });

  it("sends the tips at once after 'I got a second interview', skips the reminder, and never sends the tips twice", async () => {
    const { id, email, path } = await submit();
    await mails(email, 1, "the letter", DAY_MS / 2);
    const res = await post(`${path}/second-interview`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${path}?done=second-interview`);
    // Well before the reminder is due (a scaled day), the tips arrive.
    const [, tips] = await mails(email, 2, "the tips, at once", DAY_MS / 2);
    expect(tips?.subject).toBe("Preparing for a second interview: Data Analyst at Northwind Logistics");
    expect(tips?.body.html).toContain("/practice.ics");

    const executions = stack.sfn.executions().filter((e) => e.name.startsWith(id));
    expect(executions.find((e) => e.name === id)?.status).toBe("ABORTED");
    // The new execution ran to its end: the letter and tips found their claims, the reminder was moot.
    await waitFor(
      async () => stack.sfn.executions().find((e) => e.name.startsWith(`${id}-tips-now-`))?.status === "SUCCEEDED",
      {
        timeoutMs: DAY_MS,
        what: "the rescheduled execution to finish",
      },
    );
    expect((await stored(id))?.sends.nudge).toBeUndefined();
    expect((await emailsTo(stack.inboxUrl, email)).map((m) => m.subject)).toHaveLength(2);
    // A second press changes nothing.
    expect((await post(`${path}/second-interview`)).headers.get("location")).toBe(`${path}?done=tips-already-sent`);
  });

  it("snoozes the next email by a day while the workflow is waiting", async () => {
    const { id, email, path } = await submit();
    const control = await submit();
    await mails(email, 1, "the letter", DAY_MS / 2);
    const before = (await stored(id))!.schedule;
    expect((await post(`${path}/snooze`)).headers.get("location")).toBe(`${path}?done=snoozed`);
    const after = (await stored(id))!;
    expect(Date.parse(after.schedule.nudgeAt) - Date.parse(before.nudgeAt)).toBe(86_400_000);
    expect(Date.parse(after.schedule.tipsAt) - Date.parse(before.tipsAt)).toBe(86_400_000);
    expect(after.snoozes).toBe(1);
    expect(stack.sfn.executions().find((e) => e.name === id)?.status).toBe("ABORTED");
    const running = stack.sfn.executions().find((e) => e.name === after.workflowName);
    expect(running?.status).toBe("RUNNING");
    expect(JSON.parse(running!.input)).toMatchObject({ debriefId: id, nudgeAt: after.schedule.nudgeAt });

    // When the control (same schedule, not snoozed) has its reminder, the snoozed one has none yet; it comes later.
    await mails(control.email, 2, "the control's nudge");
    expect(await emailsTo(stack.inboxUrl, email)).toHaveLength(1);
    const [, nudge] = await mails(email, 2, "the snoozed nudge", 3 * DAY_MS);
    expect(nudge?.subject).toBe("Did you send your follow-up to Northwind Logistics?");
  });

  it("deletes every item of the debrief, stops its workflow, and sends nothing more", async () => {
    const { id, email, path } = await submit();
    const control = await submit();
    await mails(email, 1, "the letter", DAY_MS / 2);
    const debrief = (await stored(id))!;
    // Its links are derived from this key, stored with the debrief only.
    expect(debrief.linkKey).toEqual(expect.any(String));

    // Without the confirmation box ticked, nothing is deleted.
    expect((await post(`${path}/delete`)).headers.get("location")).toBe(`${path}?done=delete-unconfirmed`);
    expect(await stored(id)).toBeDefined();

    const res = await post(`${path}/delete`, { confirm: "yes" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Your data is deleted");
    const left = (await items()).filter((i) => i.pk === `DEBRIEF#${id}` || i.debriefId === id);
    expect(left).toEqual([]);
    expect(stack.sfn.executions().find((e) => e.name === id)?.status).toBe("ABORTED");
    expect((await get(path)).status).toBe(404);

    await mails(control.email, 3, "the control's nudge and tips");
    expect(await emailsTo(stack.inboxUrl, email)).toHaveLength(1);
  });
});
