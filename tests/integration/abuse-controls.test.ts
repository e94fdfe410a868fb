import { issueFormTicket } from "@debrief/core";
import { startBotVerifier } from "@debrief/testkit/bot-verifier";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { formFields, formGuardFields } from "@debrief/testkit/forms";
import { readInbox } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { debriefItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const FORM_SECRET = "form-secret-for-the-abuse-controls-test";
const BOT_SECRET = "bot-check-secret";
const HUMAN = "human-token";
const MIN_FILL_S = 20;

/** What a person types into the form (the guard's hidden fields are added per test). */
function typed(email: string): Record<string, string> {
  return formFields(email);
}

describe("abuse controls on the form, CSRF and security headers", () => {
  let stack: TestStack;
  let verifier: Awaited<ReturnType<typeof startBotVerifier>>;
  beforeAll(async () => {
    verifier = await startBotVerifier(BOT_SECRET, HUMAN);
    stack = await startTestStack({
      localDaySeconds: 60,
      env: {
        FORM_SECRET,
        FORM_MIN_FILL_SECONDS: String(MIN_FILL_S),
        BOT_CHECK_SECRET: BOT_SECRET,
        BOT_CHECK_SITE_KEY: "site-key-for-tests",
        BOT_CHECK_URL: verifier.url,
      },
    });
  });
  afterAll(async () => {
    await stack?.dispose();
    await verifier?.close();
  });

  /** A ticket issued as if the form had been open for a minute: a person's pace. */
  const oldTicket = () => issueFormTicket(FORM_SECRET, new Date(Date.now() - 60_000));
  const postForm = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${stack.appUrl}/`, { method: "POST", body: new URLSearchParams(fields), headers, redirect: "manual" });
  const storedFor = async (email: string) =>
    (await debriefItems()).filter((d) => (d.input as { candidate: { email: string } }).candidate.email === email);

  it("accepts a person's form: ticket of a minute ago, empty honeypot, bot check passed", async () => {
    const email = "person@example.com";
    const res = await postForm({ ...typed(email), ticket: oldTicket(), website: "", "cf-turnstile-response": HUMAN });
    expect(res.status).toBe(303);
    expect(await storedFor(email)).toHaveLength(1);
    // The verifier was asked with our secret, the widget's token and the client's address.
    expect(verifier.calls.at(-1)).toMatchObject({ secret: BOT_SECRET, response: HUMAN, remoteip: expect.any(String) });
  });

  const refused: [string, () => Record<string, string>, number, string][] = [
    [
      "a filled-in honeypot",
      () => ({ ticket: oldTicket(), website: "http://spam.example", "cf-turnstile-response": HUMAN }),
      400,
      "could not accept",
    ],
    [
      "no ticket",
      () => ({ website: "", "cf-turnstile-response": HUMAN }),
      400,
      "expired or did not come from our page",
    ],
    [
      "a forged ticket",
      () => ({
        ticket: issueFormTicket("some-other-secret-of-32-characters!", new Date(Date.now() - 60_000)),
        "cf-turnstile-response": HUMAN,
      }),
      400,
      "expired or did not come from our page",
    ],
    [
      "a ticket two days old",
      () => ({
        ticket: issueFormTicket(FORM_SECRET, new Date(Date.now() - 2 * 86_400_000)),
        "cf-turnstile-response": HUMAN,
      }),
      400,
      "expired",
    ],
    ["no bot-check token", () => ({ ticket: oldTicket(), website: "" }), 422, "check that you are a person"],
    [
      "a failing bot-check token",
      () => ({ ticket: oldTicket(), website: "", "cf-turnstile-response": "bot" }),
      422,
      "check that you are a person",
    ],
  ];
  it.each(refused)("refuses a form with %s, storing nothing", async (name, guard, status, message) => {
    const email = `refused-${name.replace(/\W+/g, "-")}@example.com`;
    const res = await postForm({ ...typed(email), ...guard() });
    expect(res.status).toBe(status);
    const html = await res.text();
    expect(html).toContain(message);
    // The form comes back with what was typed and a fresh ticket to send it again.
    expect(html).toContain(`value="${email}"`);
    expect(html).toMatch(/name="ticket" value="[^"]+"/);
    expect(await storedFor(email)).toHaveLength(0);
  });

  it("refuses a form sent faster than a person can fill it in", async () => {
    const email = "too-fast@example.com";
    const res = await postForm({
      ...typed(email),
      ...(await formGuardFields(stack.appUrl)),
      "cf-turnstile-response": HUMAN,
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("quicker than we expected");
    expect(await storedFor(email)).toHaveLength(0);
  });

  it("refuses a cross-site form post with 403 and stores nothing", async () => {
    const email = "csrf-victim@example.com";
    const fields = { ...typed(email), ticket: oldTicket(), website: "", "cf-turnstile-response": HUMAN };
    const crossSite = await postForm(fields, { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    const onlyOrigin = await postForm(fields, { origin: "https://evil.example" });
    expect(onlyOrigin.status).toBe(403);
    const toApi = await fetch(`${stack.appUrl}/api/debriefs`, {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      body: JSON.stringify(validDebrief({ candidate: { name: "A", email, timeZone: "UTC" } })),
    });
    expect(toApi.status).toBe(403);
    expect(await storedFor(email)).toHaveLength(0);

    // The same form from our own page goes through.
    const sameOrigin = await postForm(fields, { origin: stack.url, "sec-fetch-site": "same-origin" });
    expect(sameOrigin.status).toBe(303);
    expect(await storedFor(email)).toHaveLength(1);
  });

  it("sends security headers on every kind of response", async () => {
    const created = (await (await postDebrief(stack.appUrl, validDebrief())).json()) as { page: string };
    const tokenPage = created.page.replace(stack.url, stack.appUrl);
    const responses = {
      form: await fetch(`${stack.appUrl}/`),
      css: await fetch(`${stack.appUrl}/assets/app.css`),
      script: await fetch(`${stack.appUrl}/assets/form.js`),
      tokenPage: await fetch(tokenPage),
      unknownToken: await fetch(`${stack.appUrl}/d/${"x".repeat(43)}`),
      notFound: await fetch(`${stack.appUrl}/nowhere`),
      invalid: await postDebrief(stack.appUrl, { nope: true }),
      health: await fetch(`${stack.appUrl}/health`),
    };
    for (const [name, res] of Object.entries(responses)) {
      const h = (n: string) => res.headers.get(n) ?? `(no ${n} on ${name})`;
      const csp = h("content-security-policy");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/script-src 'self'[^;]*;/);
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).not.toContain("unsafe-eval");
      expect(h("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      expect(h("x-content-type-options")).toBe("nosniff");
      expect(h("x-frame-options")).toBe("DENY");
      const tokenPath = name === "tokenPage" || name === "unknownToken";
      expect(h("referrer-policy")).toBe(tokenPath ? "no-referrer" : "strict-origin-when-cross-origin");
    }
    expect(responses.tokenPage.status).toBe(200);
    // No inline script anywhere on the pages: every <script> loads a file.
    for (const res of [responses.form, responses.tokenPage]) {
      const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
      for (const tag of scripts) expect(tag).toMatch(/\bsrc="/);
    }
  });

  it("sent no email for any refused form", async () => {
    const refusedAddresses = (await readInbox(stack.inboxUrl))
      .flatMap((m) => m.destination.to)
      .filter((a) => /refused|too-fast/.test(a));
    expect(refusedAddresses).toEqual([]);
  });
});
