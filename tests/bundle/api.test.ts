import { gunzipSync } from "node:zlib";
import { issueFormTicket } from "@debrief/core";
import { keys } from "@debrief/core/aws";
import { provisionCentre } from "@debrief/testkit/centres";
import { validDebrief } from "@debrief/testkit/debriefs";
import { centreFormFields, FORM_TICKET, formFields } from "@debrief/testkit/forms";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { debriefItems, tableItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { version } from "../../package.json";
import { type BundleStack, bodyOf, type HttpResult, httpEvent, startBundleStack } from "./support";

const FORM = { "content-type": "application/x-www-form-urlencoded" };

describe("the deployed API bundle on Node 22, handed HTTP API payload 2.0 events", () => {
  let stack: BundleStack;
  const api = async (event: ReturnType<typeof httpEvent>) =>
    (await stack.lambdas.invoke("ApiHandler", event)) as HttpResult;
  /** A ticket as if the form had been served a minute ago (the minimum fill time is 3 s): signed with the deployment's key. */
  const minuteOldTicket = async () => {
    const item = (await tableItems()).find((i) => i.pk === keys.formTicketKey());
    if (typeof item?.secret !== "string") throw new Error("The API kept no form-ticket key in the table");
    return issueFormTicket(item.secret, new Date(Date.now() - 60_000));
  };
  const formPost = async (path: string, fields: URLSearchParams, base64: boolean) =>
    api(
      httpEvent("POST", path, {
        headers: { ...FORM, origin: stack.url, "sec-fetch-site": "same-origin" },
        body: fields.toString(),
        base64,
      }),
    );
  const tokenIn = (r: HttpResult) => {
    const token = /^\/d\/([A-Za-z0-9_-]{43})\?new=1$/.exec(r.headers?.location ?? "")?.[1];
    if (!token) throw new Error(`No page token in the answer (${r.statusCode}: ${bodyOf(r).slice(0, 200)})`);
    return token;
  };

  beforeAll(async () => {
    // The deployed minimum fill time (3 s), not the tests' usual 0: the tickets below are signed earlier.
    stack = await startBundleStack({ FORM_MIN_FILL_SECONDS: "3" });
  }, 600_000);
  afterAll(async () => {
    await stack?.dispose();
  });

  it("runs the bundle sst deploy uploads, with nothing left outside it", () => {
    const api = stack.lambdas.functions.find((f) => f.name === "ApiHandler");
    expect(api).toMatchObject({ handler: "packages/functions/src/api.handler", runtime: "nodejs22.x" });
  });

  it("serves GET / with a signed form and GET /health with the version and every dependency reachable", async () => {
    const page = await api(httpEvent("GET", "/"));
    expect(page.statusCode).toBe(200);
    expect(page.headers?.["content-type"]).toMatch(/^text\/html/);
    expect(bodyOf(page)).toMatch(/name="ticket" value="[^"]+"/);

    const health = await api(httpEvent("GET", "/health"));
    expect(health.statusCode).toBe(200);
    expect(JSON.parse(bodyOf(health))).toEqual({
      status: "ok",
      version,
      checks: { table: "ok", email: "ok", workflow: "ok" },
    });
  });

  it("serves GET /api/openapi.json with the service's version, built into the bundle", async () => {
    const res = await api(httpEvent("GET", "/api/openapi.json"));
    expect(res.statusCode).toBe(200);
    expect((JSON.parse(bodyOf(res)) as { info: { version: string } }).info.version).toBe(version);
  });

  it("compresses pages for a browser that accepts gzip: the body comes base64-encoded and unzips to the same form", async () => {
    const plain = await api(httpEvent("GET", "/"));
    const zipped = await api(httpEvent("GET", "/", { headers: { "accept-encoding": "gzip, deflate, br" } }));
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers?.["content-encoding"]).toBe("gzip");
    expect(zipped.isBase64Encoded).toBe(true);
    const bytes = Buffer.from(zipped.body ?? "", "base64");
    const html = gunzipSync(bytes).toString("utf8");
    expect(html).toContain("<form");
    // The same page, but for its freshly signed ticket; a fraction of the size on the wire.
    const withoutTicket = (page: string) => page.replace(/name="ticket" value="[^"]+"/, "");
    expect(withoutTicket(html)).toBe(withoutTicket(bodyOf(plain)));
    expect(bytes.length).toBeLessThan(bodyOf(plain).length / 3);
  });

  it("accepts the form POST / with a plain body and with a base64 body (303 to the page, letter sent)", async () => {
    for (const base64 of [false, true]) {
      const email = `bundle-form-${base64 ? "b64" : "plain"}-${process.pid}@example.com`;
      const fields = new URLSearchParams({ ticket: await minuteOldTicket(), website: "", ...formFields(email) });
      const res = await formPost("/", fields, base64);
      expect(res.statusCode, bodyOf(res).slice(0, 300)).toBe(303);
      tokenIn(res);
      // The workflow started by the bundle runs the bundled send step.
      await waitFor(async () => (await emailsTo(stack.inboxUrl, email)).length === 1, {
        timeoutMs: 30_000,
        what: "the letter",
      });
    }
    const stored = (await debriefItems()).filter((d) => String(d.id).length > 0);
    expect(stored.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a form posted sooner than a person could fill it", async () => {
    const page = await api(httpEvent("GET", "/"));
    const ticket = FORM_TICKET.exec(bodyOf(page))?.[1] ?? "";
    const res = await formPost(
      "/",
      new URLSearchParams({ ticket, website: "", ...formFields("fast@example.com") }),
      true,
    );
    expect(res.statusCode).toBe(422);
  });

  it("accepts a career centre's form POST /c/{slug}", async () => {
    await provisionCentre({ slug: "bundle-harbour" });
    const email = `bundle-centre-${process.pid}@example.com`;
    const fields = new URLSearchParams(centreFormFields(email, { ticket: await minuteOldTicket(), website: "" }));
    const res = await formPost("/c/bundle-harbour", fields, true);
    expect(res.statusCode, bodyOf(res).slice(0, 300)).toBe(303);
    const stored = (await debriefItems()).find(
      (d) => (d.input as { candidate: { email: string } }).candidate.email === email,
    );
    expect(stored?.centre).toBe("bundle-harbour");
  });

  it("signs a centre's advisor in by emailed link, with a __Host- session cookie, and out", async () => {
    const owner = `owner-${process.pid}@bundle-pier.example.edu`;
    await provisionCentre({ slug: "bundle-pier", advisor: { name: "Ada Pier", email: owner } });
    const asked = await formPost("/c/bundle-pier/admin/sign-in", new URLSearchParams({ email: owner }), false);
    expect(asked.statusCode).toBe(200);
    expect(bodyOf(asked)).toContain("Check your email");
    const mail = await waitFor(async () => (await emailsTo(stack.inboxUrl, owner))[0], {
      timeoutMs: 20_000,
      what: "the sign-in link",
    });
    const path =
      /https?:\/\/[^/\s]+(\/c\/bundle-pier\/admin\/sign-in\/[A-Za-z0-9_-]{43})/.exec(mail.body.text ?? "")?.[1] ?? "";
    expect((await api(httpEvent("GET", path))).statusCode).toBe(200);
    const used = await formPost(path, new URLSearchParams(), false);
    expect(used.statusCode).toBe(303);
    const cookie = (used.cookies ?? []).find((c) => c.startsWith("__Host-centre-session=")) ?? "";
    expect(cookie).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
    const session = cookie.split(";")[0] ?? "";
    const home = await api(httpEvent("GET", "/c/bundle-pier/admin", { cookies: [session] }));
    expect(bodyOf(home)).toContain("as <strong>Ada Pier</strong>");
    expect((await formPost(path, new URLSearchParams(), false)).statusCode).toBe(410);
    const out = await api(
      httpEvent("POST", "/c/bundle-pier/admin/sign-out", {
        headers: { ...FORM, origin: stack.url, "sec-fetch-site": "same-origin" },
        body: "",
        cookies: [session],
      }),
    );
    expect(out.statusCode).toBe(303);
    const after = await api(httpEvent("GET", "/c/bundle-pier/admin/team", { cookies: [session] }));
    expect(after.statusCode).toBe(303);
  });

  it("accepts POST /api/debriefs, then a candidate-page action and the letter as a binary .eml", async () => {
    const res = await api(
      httpEvent("POST", "/api/debriefs", {
        headers: { "content-type": "application/json", "idempotency-key": `bundle-${process.pid}-json` },
        body: JSON.stringify(validDebrief()),
      }),
    );
    expect(res.statusCode, bodyOf(res)).toBe(201);
    const { id, page } = JSON.parse(bodyOf(res)) as { id: string; page: string };
    const token = new URL(page).pathname.split("/")[2] ?? "";

    const sent = await formPost(`/d/${token}/sent`, new URLSearchParams(), true);
    expect(sent.statusCode).toBe(303);
    const item = (await debriefItems()).find((d) => d.id === id);
    expect(item?.letterSentAt).toEqual(expect.any(String));

    const eml = await api(httpEvent("GET", `/d/${token}/letter.eml`));
    expect(eml.statusCode).toBe(200);
    expect(eml.headers?.["content-type"]).toBe("message/rfc822");
    // A binary type: API Gateway decodes the base64 body before it reaches the browser.
    expect(eml.isBase64Encoded).toBe(true);
    expect(bodyOf(eml)).toMatch(/^Subject: .+/m);
  });
});
