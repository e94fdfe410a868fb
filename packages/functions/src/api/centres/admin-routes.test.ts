import { createCentre, digestUnsubscribeToken, isoWeek, SIGN_IN_PER_ADDRESS_PER_HOUR } from "@debrief/core";
import { memoryApp } from "@debrief/testkit/app";
import { centreFormFields } from "@debrief/testkit/forms";
import { describe, expect, it } from "vitest";

const OWNER = "priya@northfield.example.edu";
const FORM = { "content-type": "application/x-www-form-urlencoded" };

async function centre() {
  const m = memoryApp();
  const stores = { centres: m.deps.centres!, accounts: m.deps.accounts! };
  const made = await createCentre(
    stores,
    {
      slug: "northfield",
      displayName: "Northfield Careers",
      advisor: { name: "Priya Nair", email: OWNER },
      cohorts: ["MSc Data", "BA History"],
    },
    m.clock,
  );
  if (!made.ok) throw new Error("centre");
  const post = (path: string, fields: Record<string, string> = {}, cookie?: string) =>
    m.app.request(path, {
      method: "POST",
      headers: { ...FORM, ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(fields),
    });
  const get = (path: string, cookie?: string) => m.app.request(path, { headers: cookie ? { cookie } : {} });
  /** The last email's sign-in link path, to `to`. */
  const linkTo = (to: string) => {
    const mail = m.mailer.sent.filter((e) => e.to === to).at(-1);
    const path = /https:\/\/debrief\.example\.org(\/c\/northfield\/admin\/sign-in\/[A-Za-z0-9_-]{43})/.exec(
      mail?.text ?? "",
    )?.[1];
    if (!path) throw new Error(`no sign-in link to ${to}`);
    return path;
  };
  const signIn = async (email: string) => {
    expect((await post("/c/northfield/admin/sign-in", { email })).status).toBe(200);
    const res = await post(linkTo(email));
    expect(res.status).toBe(303);
    const cookie = /^(__Host-centre-session=[A-Za-z0-9_-]{43});/.exec(res.headers.get("set-cookie") ?? "")?.[1];
    if (!cookie) throw new Error("no session cookie");
    return cookie;
  };
  return { ...m, post, get, linkTo, signIn };
}

describe("a centre's advisors sign in by emailed link", () => {
  it("answers a known and an unknown address alike, and mails only the known one", async () => {
    const m = await centre();
    const known = await m.post("/c/northfield/admin/sign-in", { email: OWNER });
    const unknown = await m.post("/c/northfield/admin/sign-in", { email: "nobody@northfield.example.edu" });
    expect([known.status, unknown.status]).toEqual([200, 200]);
    const strip = (html: string) => html.replaceAll(OWNER, "X").replaceAll("nobody@northfield.example.edu", "X");
    expect(strip(await known.text())).toBe(strip(await unknown.text()));
    expect(m.mailer.sent.map((e) => e.to)).toEqual([OWNER]);
    expect(m.mailer.sent[0]?.subject).toBe("Sign in to Northfield Careers");
    // The store keeps only the link's keyed hash.
    const token = m.linkTo(OWNER).split("/").at(-1) ?? "";
    expect(JSON.stringify(await m.deps.accounts!.team("northfield"))).not.toContain(token);
  });

  it("opens a page whose button signs in; the link works once, and sets a __Host- session cookie", async () => {
    const m = await centre();
    await m.post("/c/northfield/admin/sign-in", { email: OWNER.toUpperCase() });
    const link = m.linkTo(OWNER);
    const page = await m.get(link);
    expect(page.status).toBe(200);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(await page.text()).toContain(`<form method="post" action="${link}">`);
    // Following the link (a mail scanner) signed nothing in: the POST still works.
    const first = await m.post(link);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/c/northfield/admin");
    const cookie = first.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-centre-session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\//);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Domain");
    expect((await m.post(link)).status).toBe(410);

    const session = /^([^;]+)/.exec(cookie)?.[1] ?? "";
    const home = await m.get("/c/northfield/admin", session);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Signed in to Northfield Careers as <strong>Priya Nair</strong>");
  });

  it("refuses an expired link and one a newer link replaced", async () => {
    const m = await centre();
    await m.post("/c/northfield/admin/sign-in", { email: OWNER });
    const old = m.linkTo(OWNER);
    await m.post("/c/northfield/admin/sign-in", { email: OWNER });
    const fresh = m.linkTo(OWNER);
    expect(fresh).not.toBe(old);
    expect((await m.post(old)).status).toBe(410);
    m.clock.advance(15 * 60_000 + 1);
    const expired = await m.post(fresh);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("This sign-in link no longer works");
  });

  it("ends a session on sign-out and after 12 hours", async () => {
    const m = await centre();
    const a = await m.signIn(OWNER);
    const out = await m.post("/c/northfield/admin/sign-out", {}, a);
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(/^__Host-centre-session=; Max-Age=0/);
    const after = await m.get("/c/northfield/admin/team", a);
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toBe("/c/northfield/admin");

    const b = await m.signIn(OWNER);
    m.clock.advance(12 * 3_600_000 - 1000);
    expect((await m.get("/c/northfield/admin/team", b)).status).toBe(200);
    m.clock.advance(2000);
    expect((await m.get("/c/northfield/admin/team", b)).status).toBe(303);
  });

  it("limits sign-in links per address, known or not", async () => {
    const m = await centre();
    for (const email of [OWNER, "nobody@northfield.example.edu"]) {
      for (let i = 0; i < SIGN_IN_PER_ADDRESS_PER_HOUR; i++) {
        expect((await m.post("/c/northfield/admin/sign-in", { email })).status).toBe(200);
      }
      const limited = await m.post("/c/northfield/admin/sign-in", { email });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  it("refuses a cross-site sign-in or form post", async () => {
    const m = await centre();
    const cookie = await m.signIn(OWNER);
    const res = await m.app.request("/c/northfield/admin/team", {
      method: "POST",
      headers: { ...FORM, cookie, origin: "https://evil.example" },
      body: new URLSearchParams({ name: "Eve", email: "eve@evil.example" }),
    });
    expect(res.status).toBe(403);
    expect((await m.deps.accounts!.team("northfield")).advisors).toHaveLength(1);
  });
});

describe("the owner's team", () => {
  it("invites an advisor, who signs in; removing them ends their session and keys at once", async () => {
    const m = await centre();
    const owner = await m.signIn(OWNER);
    const bad = await m.post("/c/northfield/admin/team", { name: "", email: "nope" }, owner);
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('href="#invite-name"');
    expect(html).toContain("Enter an email address such as name@uni.example.edu");

    const invited = await m.post(
      "/c/northfield/admin/team",
      { name: "Sam Osei", email: "sam@northfield.example.edu" },
      owner,
    );
    expect(invited.status).toBe(303);
    expect(m.mailer.sent.at(-1)?.subject).toBe("You are invited to Northfield Careers on Interview Debrief");
    const res = await m.post(m.linkTo("sam@northfield.example.edu"));
    const sam = /^([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1] ?? "";
    expect((await m.get("/c/northfield/admin", sam)).status).toBe(200);
    // An advisor may not invite, remove or read the log.
    expect((await m.post("/c/northfield/admin/team", { name: "X", email: "x@y.edu" }, sam)).status).toBe(403);
    expect((await m.get("/c/northfield/admin/activity", sam)).status).toBe(403);

    const made = await m.post("/c/northfield/admin/keys", { label: "report script" }, sam);
    const key = /<code class="secret">(cak_[A-Za-z0-9_-]{43})<\/code>/.exec(await made.text())?.[1] ?? "";
    const api = () => m.app.request("/api/centres/northfield/stats", { headers: { authorization: `Bearer ${key}` } });
    expect((await api()).status).toBe(200);

    const team = await m.deps.accounts!.team("northfield");
    const samId = team.advisors.find((a) => a.email === "sam@northfield.example.edu")?.id;
    expect((await m.post(`/c/northfield/admin/team/${samId}/remove`, {}, owner)).status).toBe(303);
    expect((await m.get("/c/northfield/admin", sam)).status).toBe(200); // the sign-in form again
    expect(await (await m.get("/c/northfield/admin", sam)).text()).toContain("Email me a sign-in link");
    expect((await m.get("/c/northfield/admin/team", sam)).status).toBe(303);
    expect((await api()).status).toBe(401);
    // The owner cannot be removed.
    const ownerId = team.advisors.find((a) => a.role === "owner")?.id;
    expect((await m.post(`/c/northfield/admin/team/${ownerId}/remove`, {}, owner)).status).toBe(404);

    const log = await (await m.get("/c/northfield/admin/activity", owner)).text();
    for (const line of ["Invited", "sam@northfield.example.edu", "Made an API key", "report script", "Removed"]) {
      expect(log).toContain(line);
    }
  });
});

describe("the weekly email", () => {
  it("is asked for and stopped on the Team page; its one-click link stops it without a session, from any origin", async () => {
    const m = await centre();
    const cookie = await m.signIn(OWNER);
    const asked = await m.post("/c/northfield/admin/digest", { weekly: "on" }, cookie);
    expect(asked.headers.get("location")).toBe("/c/northfield/admin/team?done=digest-on");
    expect(await (await m.get("/c/northfield/admin/team", cookie)).text()).toContain("Stop the weekly email");
    const ownerId = (await m.deps.accounts!.team("northfield")).advisors[0]?.id ?? "";
    expect(await m.deps.accounts!.digestSubscribers()).toEqual([{ slug: "northfield", advisorId: ownerId }]);

    const path = `/c/northfield/admin/digest/unsubscribe/${await digestUnsubscribeToken(m.deps.accounts!, "northfield", ownerId)}`;
    // Following the link (a mail scanner) stops nothing: its page has the button that POSTs.
    const page = await m.get(path);
    expect(await page.text()).toContain(`<form method="post" action="${path}">`);
    expect(await m.deps.accounts!.digestSubscribers()).toHaveLength(1);
    const wrong = await m.app.request(path.replace(/[^/]+$/, "x".repeat(43)), { method: "POST" });
    expect(wrong.status).toBe(404);
    const oneClick = await m.app.request(path, {
      method: "POST",
      headers: { ...FORM, origin: "https://mail.example" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(await m.deps.accounts!.digestSubscribers()).toEqual([]);
    expect(await (await m.get("/c/northfield/admin/team", cookie)).text()).toContain("Email me every Monday");
  });
});

describe("the insights page", () => {
  /** Twelve proven students in MSc Data, eleven of them nervous, and three in BA History. */
  async function withStudents() {
    const m = await centre();
    const submit = async (email: string, cohort: string, whatHappened: string) => {
      const date = m.clock.now().toISOString().slice(0, 10);
      const res = await m.postForm(
        "/c/northfield",
        centreFormFields(email, { cohort, whatHappened, "interview.date": date }),
      );
      expect(res.status).toBe(303);
    };
    for (let i = 0; i < 12; i++) await submit(`msc${i}@uni.example.edu`, "MSc Data", i < 11 ? "nerves" : "late");
    for (let i = 0; i < 3; i++) await submit(`ba${i}@uni.example.edu`, "BA History", "rambling");
    // Every student proved their address.
    for (const d of m.table.debriefs.values()) {
      await m.deps.store.updateDebrief(d.id, { addressProvenAt: m.clock.now().toISOString(), countedIn: "northfield" });
    }
    return { ...m, cookie: await m.signIn(OWNER) };
  }

  it("draws each figure as an SVG image with a title and a description, a table beside it, and no script or style", async () => {
    const m = await withStudents();
    const res = await m.get("/c/northfield/admin", m.cookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    const charts = [...html.matchAll(/<svg class="chart"[^>]*role="img" aria-labelledby="([^" ]+) ([^"]+)"/g)];
    expect(charts.length).toBe(5);
    for (const [, title, desc] of charts) {
      expect(html).toContain(`<title id="${title}">`);
      expect(html).toContain(`<desc id="${desc}">`);
    }
    expect(html.match(/<table>/g)?.length).toBe(4);
    expect(html).not.toMatch(/<script|<style| style="/);
    // 15 students: the week's 15 hides (the BA History cell of 3 is small), MSc Data's 12 shows; nerves (11 of
    // 12 in its cell) would single out the one who was late, so it hides as well.
    expect(html).toContain('<th scope="row">MSc Data</th><td>12</td>');
    expect(html).toContain('<th scope="row">BA History</th><td>hidden</td>');
    expect(html).toContain("Showing all cohorts, every week: the number of students is hidden");
  });

  it("filters by a GET form, refuses a cohort the centre does not have, and exports what it shows, logged", async () => {
    const m = await withStudents();
    const week = isoWeek(m.clock.now().toISOString());
    const filtered = await (
      await m.get(`/c/northfield/admin?cohort=MSc+Data&from=${week}&to=${week}`, m.cookie)
    ).text();
    expect(filtered).toContain('<form method="get" action="/c/northfield/admin"');
    expect(filtered).toContain("Showing MSc Data, weeks");
    expect(filtered).toContain(": 12 students.");
    expect(filtered).toContain('<option value="MSc Data" selected="">');
    expect((await m.get("/c/northfield/admin?cohort=Physics", m.cookie)).status).toBe(422);

    const csv = await m.get(`/c/northfield/admin/export.csv?cohort=MSc+Data`, m.cookie);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await csv.text()).split("\r\n");
    expect(lines).toContain("all,students,false,12,,,,,,,");
    expect(lines).toContain("cohort,MSc Data,false,12,0,0,0,0,0,0,");
    const json = (await (await m.get("/c/northfield/admin/export.json", m.cookie)).json()) as {
      students: number | null;
      cohorts: { group: string; students: number | null }[];
    };
    expect(json.students).toBeNull();
    expect(json.cohorts.map((r) => [r.group, r.students])).toEqual([
      ["BA History", null],
      ["MSc Data", 12],
    ]);
    const log = await (await m.get("/c/northfield/admin/activity", m.cookie)).text();
    expect(log).toContain("northfield-insights.csv?cohort=MSc+Data");
    expect(log).toContain("northfield-insights.json");
  });
});
