import { randomUUID } from "node:crypto";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { emailsTo, headerOf, type StoredEmail, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { tableItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const DAY_S = 3;
const DAY_MS = DAY_S * 1000;
const TOKEN = "[A-Za-z0-9_-]{43}";

const link = (m: StoredEmail | undefined, route: string) =>
  new RegExp(`href="(http://localhost:\\d+/${route}/${TOKEN})"`).exec(m?.body.html ?? "")?.[1] ?? "";
const tokenOf = (url: string) => url.split("/").pop() ?? "";

describe("link tokens: each kind opens its own route only, and replays mint nothing", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: DAY_S, env: predictableSchedule() });
  });
  afterAll(async () => {
    await stack?.dispose();
  });
  const local = (url: string) => url.replace(stack.url, stack.appUrl);
  const post = (url: string) =>
    fetch(local(url), {
      method: "POST",
      headers: { origin: stack.url, "sec-fetch-site": "same-origin" },
      redirect: "manual",
    });

  it("puts an unsubscribe-only token in List-Unsubscribe and a not-me-only token in the footer, never the page token", async () => {
    const body = validDebrief();
    const res = await postDebrief(stack.appUrl, body);
    expect(res.status).toBe(201);
    const answer = (await res.json()) as { page: string };
    const { page } = answer;
    const [letter, nudge] = await waitFor(
      async () => {
        const mails = await emailsTo(stack.inboxUrl, body.candidate.email);
        return mails.length >= 2 && mails;
      },
      { timeoutMs: 3 * DAY_MS, what: "the letter and the reminder" },
    );

    const unsubscribe = (headerOf(nudge as StoredEmail, "List-Unsubscribe") ?? "").slice(1, -1);
    const notMe = link(nudge, "not-me");
    const emailedPage = link(letter, "d");
    expect(unsubscribe).toMatch(new RegExp(`/u/${TOKEN}$`));
    expect(notMe).not.toBe("");
    expect(emailedPage).not.toBe("");
    const pageToken = tokenOf(page);
    expect(new Set([pageToken, tokenOf(unsubscribe), tokenOf(notMe)]).size).toBe(3);
    expect(JSON.stringify(nudge?.headers)).not.toContain(pageToken);

    // The header's token and the footer's token do not open the page (read, export, edit, delete) ...
    for (const token of [tokenOf(unsubscribe), tokenOf(notMe)]) {
      expect((await fetch(`${stack.appUrl}/d/${token}`)).status).toBe(404);
      expect((await fetch(`${stack.appUrl}/d/${token}/data.json`)).status).toBe(404);
      expect((await post(`${stack.url}/d/${token}/delete`)).status).toBe(404);
    }
    // ... nor each other's route, while each works on its own and the page links open the page.
    expect((await fetch(`${stack.appUrl}/not-me/${tokenOf(unsubscribe)}`)).status).toBe(404);
    expect((await fetch(`${stack.appUrl}/u/${tokenOf(notMe)}`)).status).toBe(404);
    expect((await fetch(local(unsubscribe))).status).toBe(200);
    expect((await fetch(local(notMe))).status).toBe(200);
    expect((await fetch(local(page))).status).toBe(200);
    expect((await fetch(local(emailedPage))).status).toBe(200);

    // Every email carries the same not-me link, and the submitter's answer never held it.
    expect(link(letter, "not-me")).toBe(notMe);
    expect(JSON.stringify(answer)).not.toContain(tokenOf(notMe));
  });

  it("answers thirty replays of one Idempotency-Key with the same page link and writes nothing for them", async () => {
    const body = validDebrief();
    const key = randomUUID();
    const first = await postDebrief(stack.appUrl, body, { "idempotency-key": key });
    expect(first.status).toBe(201);
    const { id, page } = (await first.json()) as { id: string; page: string };
    const before = (await tableItems()).filter((i) => i.pk === `DEBRIEF#${id}` || i.debriefId === id);

    const pages = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const again = await postDebrief(stack.appUrl, body, { "idempotency-key": key });
      expect(again.status).toBe(200);
      pages.add(((await again.json()) as { page: string }).page);
    }
    // A client retrying after a lost response still gets its page, and it is always the same one.
    expect([...pages]).toEqual([page]);
    expect((await fetch(local(page))).status).toBe(200);

    // No token item was written, and the debrief did not grow (apart from its own sends meanwhile).
    const after = (await tableItems()).filter((i) => i.pk === `DEBRIEF#${id}` || i.debriefId === id);
    expect(after.filter((i) => String(i.pk).startsWith("TOKEN#"))).toEqual([]);
    expect(after).toHaveLength(before.length);
    const debrief = after.find((i) => i.pk === `DEBRIEF#${id}`) as { tokenHashes: string[]; linkKey: string };
    expect(debrief.tokenHashes).toEqual([]);
    expect(JSON.stringify(debrief)).not.toContain(tokenOf(page));
  });

  it("lets a one-use link work once, and erasure void every link of the debrief", async () => {
    const body = validDebrief();
    const res = await postDebrief(stack.appUrl, body);
    const { page } = (await res.json()) as { page: string };
    const [letter] = await waitFor(
      async () => {
        const mails = await emailsTo(stack.inboxUrl, body.candidate.email);
        return mails.length >= 1 && mails;
      },
      { timeoutMs: DAY_MS, what: "the letter" },
    );
    const sent = link(letter, "a");
    const actions = [
      ...(letter?.body.html ?? "").matchAll(new RegExp(`href="(http://localhost:\\d+/a/${TOKEN})"`, "g")),
    ]
      .map((m) => m[1] ?? "")
      .filter((u, i, all) => all.indexOf(u) === i);
    expect(actions.length).toBe(4);
    expect((await fetch(local(sent))).status).toBe(200);
    expect((await post(sent)).status).toBe(200);
    // Used: a second click, and its confirmation page, find nothing.
    expect((await post(sent)).status).toBe(404);
    expect((await fetch(local(sent))).status).toBe(404);

    // "Delete my data" through its own one-use link: every other link stops working with the debrief.
    const erase = actions.at(-1) ?? "";
    expect((await post(erase)).status).toBe(200);
    for (const url of [page, link(letter, "not-me"), ...actions]) expect((await fetch(local(url))).status).toBe(404);
    expect((await tableItems()).filter((i) => JSON.stringify(i).includes(body.candidate.email))).toEqual([]);
  });
});
