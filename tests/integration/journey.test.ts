import { emailedSignInLink, provisionCentre, SESSION_COOKIE } from "@debrief/testkit/centres";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { formFields, formGuardFields } from "@debrief/testkit/forms";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { version } from "../../package.json";

// One workflow day lasts this long locally; every wait below is derived from it.
const DAY_S = 4;
const DAY_MS = DAY_S * 1000;

// Once with the handlers' source in-process, once with the deploy bundles on Node 22 (LOCAL_LAMBDA=bundled).
describe.each(["in-process", "bundled"] as const)("the whole journey on the embedded local stack (%s)", (lambda) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: DAY_S, env: predictableSchedule(), lambda });
  }, 600_000);
  afterAll(async () => {
    await stack?.dispose();
  });

  it("answers /health with every dependency reachable", async () => {
    const res = await fetch(`${stack.appUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", version, checks: { table: "ok", email: "ok", workflow: "ok" } });
  });

  it("turns a form submission into the letter, then the reminder, then the tips", async () => {
    const email = `form-journey-${Date.now()}@example.com`;
    const form = new URLSearchParams({
      ...(await formGuardFields(stack.appUrl)),
      ...formFields(email, {
        whatHappened: "bad_call",
        "questions.0.question": "Why logistics?",
        "questions.0.betterAnswer": "Because every late parcel is a puzzle I enjoy solving with data.",
        tone: "warm",
      }),
    });
    form.append("whatHappened", "nerves");

    const res = await fetch(`${stack.appUrl}/`, { method: "POST", body: form, redirect: "manual" });
    expect(res.status).toBe(303);
    const location = res.headers.get("location") ?? "";
    expect(location).toMatch(/^\/d\/[A-Za-z0-9_-]{43}\?new=1$/);

    // The confirmation page shows the draft.
    const page = await fetch(`${stack.appUrl}${location}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Jonas");
    expect(html).toContain("every late parcel is a puzzle");

    // The letter is sent straight away: well before the reminder is due a scaled day later.
    const [letter] = await waitFor(
      async () => {
        const mails = await emailsTo(stack.inboxUrl, email);
        return mails.length >= 1 && mails;
      },
      { timeoutMs: DAY_MS / 2, what: "the letter" },
    );
    expect(letter?.subject).toContain("Data Analyst");
    expect(letter?.body.text).toContain("Jonas");
    expect(letter?.body.text).toContain("every late parcel is a puzzle I enjoy solving with data.");
    expect(letter?.body.html).toContain("Jonas Weber");

    const all = await waitFor(
      async () => {
        const mails = await emailsTo(stack.inboxUrl, email);
        return mails.length >= 3 && mails;
      },
      { timeoutMs: 4 * DAY_MS, what: "the reminder and the tips" },
    );
    expect(all.map((m) => m.subject)).toEqual([
      expect.stringContaining("Following up"),
      expect.stringContaining("Did you send your follow-up"),
      expect.stringContaining("second interview"),
    ]);
    for (const m of all) expect(m.destination.to).toEqual([email]);
    // The reminder waits about a day after the letter, the tips another day (or until the letter's window has
    // passed: after a Friday evening that is Monday, so the wait above allows four days).
    const [a, b, c] = all.map((m) => m.at);
    expect(b! - a!).toBeGreaterThanOrEqual(Math.floor((DAY_S * 22) / 24) - 1);
    expect(c! - b!).toBeGreaterThanOrEqual(DAY_S - 1);
    // Links in the emails start with PUBLIC_URL and lead to the candidate's page.
    const link = letter?.body.html?.match(/href="([^"]+\/d\/[A-Za-z0-9_-]{43})"/)?.[1];
    expect(link?.startsWith(stack.url)).toBe(true);
    expect((await fetch(link!.replace(stack.url, stack.appUrl))).status).toBe(200);
  });

  it("accepts the JSON API and answers 201 with the id and status", async () => {
    const body = validDebrief();
    const res = await postDebrief(stack.appUrl, body);
    expect(res.status).toBe(201);
    const json = (await res.json()) as { id: string; status: string };
    expect(json.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(json.status).toBe("scheduled");
    const [letter] = await waitFor(
      async () => {
        const mails = await emailsTo(stack.inboxUrl, body.candidate.email);
        return mails.length >= 1 && mails;
      },
      { timeoutMs: DAY_MS / 2, what: "the letter" },
    );
    expect(letter?.body.text).toContain(body.questions?.[0]?.betterAnswer);
  });

  it("signs a centre's owner in from the emailed link, opens the admin page, and signs out", async () => {
    const slug = `journey-${lambda}`;
    const owner = `owner@${slug}.example.edu`;
    await provisionCentre({ slug, displayName: "Journey Careers", advisor: { name: "Ada Pier", email: owner } });
    const admin = `${stack.appUrl}/c/${slug}/admin`;
    const asBrowser = (cookie?: string) => ({
      // As a browser on the page posts: from the page's own origin.
      headers: { origin: new URL(stack.url).origin, ...(cookie ? { cookie } : {}) },
      redirect: "manual" as const,
    });

    // Asked for on the form, read back from the SES emulator's store.
    const link = new URL(await emailedSignInLink(stack, slug, owner));
    expect(link.origin).toBe(new URL(stack.url).origin);
    // Following the link (as a mail scanner does) only shows the button; its POST signs in.
    const shown = await fetch(`${stack.appUrl}${link.pathname}`, asBrowser());
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('<button type="submit" class="primary">Sign in</button>');
    const used = await fetch(`${stack.appUrl}${link.pathname}`, { method: "POST", ...asBrowser() });
    expect(used.status).toBe(303);
    expect(used.headers.get("location")).toBe(`/c/${slug}/admin`);
    const setCookie = used.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(setCookie).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
    const session = setCookie.split(";")[0] ?? "";

    const home = await fetch(admin, asBrowser(session));
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("as <strong>Ada Pier</strong>");

    const out = await fetch(`${admin}/sign-out`, { method: "POST", ...asBrowser(session) });
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
    // The session item is gone: the same cookie now gets the sign-in form, and a page behind it sends there.
    const after = await fetch(admin, asBrowser(session));
    const afterHtml = await after.text();
    expect(afterHtml).toContain("<h1>Sign in to Journey Careers</h1>");
    expect(afterHtml).not.toContain("as <strong>Ada Pier</strong>");
    const team = await fetch(`${admin}/team`, asBrowser(session));
    expect(team.status).toBe(303);
    expect(team.headers.get("location")).toBe(`/c/${slug}/admin`);
  });

  it("keeps no personal data in the workflow input", async () => {
    const body = validDebrief();
    const res = await postDebrief(stack.appUrl, body);
    const { id } = (await res.json()) as { id: string };
    const execution = stack.sfn.executions().find((e) => e.name === id);
    expect(execution).toBeDefined();
    expect(Object.keys(JSON.parse(execution!.input)).sort()).toEqual(["debriefId", "nudgeAt", "tipsAt"]);
    expect(execution!.input).not.toContain(body.candidate.email);
    expect(execution!.input).not.toContain("Jonas");
  });
});
