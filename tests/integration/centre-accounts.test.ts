import { hashAdminKey, newAdminKey, SIGN_IN_LINK_MINUTES, systemClock } from "@debrief/core";
import { provisionCentre } from "@debrief/testkit/centres";
import { centreFormFields, postForm, tokenOf } from "@debrief/testkit/forms";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { tableItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const OWNER = "owner@harbour.example.edu";
const ADVISOR = "sam.osei@harbour.example.edu";

// Issue 24: advisors sign in as themselves. Through HTTP and the SES emulator's store only.
describe("a centre's advisors on the local stack", () => {
  // Each test builds on the one before (the owner's session, the invited advisor, the key).
  let stack: TestStack;
  // Real time, unless a test moves it on (an expired link, an ended session).
  let shiftMs = 0;
  const clock = { now: () => new Date(Date.now() + shiftMs) };
  let sharedKey: string;
  /** The owner's session (sign-in links are limited to 5 an hour per address: each test does not sign in anew). */
  let owner = "";
  const admin = (rest = "") => `${stack.appUrl}/c/harbour/admin${rest}`;
  const post = (url: string, fields: Record<string, string> = {}, cookie?: string) =>
    fetch(url, {
      method: "POST",
      body: new URLSearchParams(fields),
      // As a browser on the page posts: from the page's own origin.
      headers: { origin: new URL(stack.url).origin, ...(cookie ? { cookie } : {}) },
      redirect: "manual",
    });
  const get = (url: string, cookie?: string) => fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const cookieOf = (res: Response) => /^(__Host-centre-session=[^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  /** The sign-in links mailed to an address, oldest first, read from the SES emulator's store. */
  const linksTo = async (address: string) =>
    (await emailsTo(stack.inboxUrl, address)).map(
      (m) => /(https?:\/\/[^\s"]+\/c\/harbour\/admin\/sign-in\/[A-Za-z0-9_-]{43})/.exec(m.body.text ?? "")?.[1] ?? "",
    );
  const nextLink = async (address: string, count: number) =>
    waitFor(
      async () => {
        const links = await linksTo(address);
        return links.length >= count && links[count - 1];
      },
      { timeoutMs: 10_000, what: `sign-in link ${count} to ${address}` },
    );
  const signIn = async (address: string, count: number) => {
    expect((await post(admin("/sign-in"), { email: address })).status).toBe(200);
    const res = await post(await nextLink(address, count));
    expect(res.status).toBe(303);
    return cookieOf(res) ?? "";
  };

  beforeAll(async () => {
    stack = await startTestStack({ env: { FORM_MIN_FILL_SECONDS: "0", RATE_LIMIT_PER_IP_PER_HOUR: "1000" }, clock });
    const centre = await provisionCentre({
      slug: "harbour",
      displayName: "Harbour College Careers",
      advisor: { name: "Nia Owens", email: OWNER },
    });
    // A shared key as centres had before advisor accounts: in the centre's key list, of nobody.
    sharedKey = newAdminKey();
    await centre.store.addKey(hashAdminKey(sharedKey), "harbour", systemClock.now());
    await centre.store.saveCentre({ ...centre.centre, keyHashes: [hashAdminKey(sharedKey)] });
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  it("answers a known and an unknown address alike, and mails a link only to the known one", async () => {
    const known = await post(admin("/sign-in"), { email: OWNER });
    const unknown = await post(admin("/sign-in"), { email: "stranger@harbour.example.edu" });
    expect(known.status).toBe(unknown.status);
    const same = (html: string, address: string) => html.replaceAll(address, "ADDRESS");
    expect(same(await known.text(), OWNER)).toBe(same(await unknown.text(), "stranger@harbour.example.edu"));
    expect([...known.headers.keys()].sort()).toEqual([...unknown.headers.keys()].sort());
    const link = await nextLink(OWNER, 1);
    expect(link).toMatch(/\/c\/harbour\/admin\/sign-in\/[A-Za-z0-9_-]{43}$/);
    expect(await emailsTo(stack.inboxUrl, "stranger@harbour.example.edu")).toEqual([]);
    // Only the keyed hash of the link's token is stored.
    const token = link.split("/").at(-1) ?? "";
    expect(JSON.stringify(await tableItems())).not.toContain(token);
    // Following the link (as a mail scanner does) signs nothing in; the button's POST does, once.
    const page = await get(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<button type="submit" class="primary">Sign in</button>');
    const used = await post(link);
    expect(used.status).toBe(303);
    expect(cookieOf(used)).toMatch(/^__Host-centre-session=[A-Za-z0-9_-]{43}$/);
    expect((await post(link)).status).toBe(410);
  });

  it("refuses a link a newer one replaced, and one past its 15 minutes", async () => {
    const before = (await linksTo(OWNER)).length;
    await post(admin("/sign-in"), { email: OWNER });
    const first = await nextLink(OWNER, before + 1);
    await post(admin("/sign-in"), { email: OWNER });
    const second = await nextLink(OWNER, before + 2);
    expect((await post(first)).status).toBe(410);
    shiftMs = SIGN_IN_LINK_MINUTES * 60_000 + 1000;
    try {
      const late = await post(second);
      expect(late.status).toBe(410);
      expect(await late.text()).toContain("This sign-in link no longer works");
    } finally {
      shiftMs = 0;
    }
  });

  it("invites an advisor, who signs in from the emailed link; sign-out and removal end sessions at once", async () => {
    owner = await signIn(OWNER, (await linksTo(OWNER)).length + 1);
    expect(await (await get(admin(), owner)).text()).toContain("as <strong>Nia Owens</strong>");
    expect((await post(admin("/team"), { name: "Sam Osei", email: ADVISOR }, owner)).status).toBe(303);
    const invitation = await waitFor(async () => (await emailsTo(stack.inboxUrl, ADVISOR))[0], {
      timeoutMs: 10_000,
      what: "the invitation",
    });
    expect(invitation.subject).toBe("You are invited to Harbour College Careers on Interview Debrief");
    expect(invitation.body.text).toContain("Nia Owens added you as an advisor of Harbour College Careers");
    const sam = cookieOf(await post(await nextLink(ADVISOR, 1))) ?? "";
    const home = await (await get(admin(), sam)).text();
    expect(home).toContain("as <strong>Sam Osei</strong> (sam.osei@harbour.example.edu), an advisor");

    // A second session of Sam's, then sign-out ends only the one signed out.
    const samAgain = await signIn(ADVISOR, 2);
    expect((await post(admin("/sign-out"), {}, samAgain)).status).toBe(303);
    expect((await get(admin("/team"), samAgain)).status).toBe(303);
    expect((await get(admin("/team"), sam)).status).toBe(200);

    // Removed: Sam's open session ends at once, and a link asked for later never comes.
    const team = await (await get(admin("/team"), owner)).text();
    const removePath = /action="(\/c\/harbour\/admin\/team\/[^/"]+\/remove)"/.exec(team)?.[1] ?? "";
    expect((await post(`${stack.appUrl}${removePath}`, {}, owner)).status).toBe(303);
    const after = await get(admin("/shared"), sam);
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toBe("/c/harbour/admin");
    const mailed = (await emailsTo(stack.inboxUrl, ADVISOR)).length;
    expect((await post(admin("/sign-in"), { email: ADVISOR })).status).toBe(200);
    // The owner's own link, asked for after Sam's, arrives: by then Sam's would have too.
    const later = await signIn(OWNER, (await linksTo(OWNER)).length + 1);
    expect(await emailsTo(stack.inboxUrl, ADVISOR)).toHaveLength(mailed);

    // A session lasts 12 hours.
    shiftMs = 12 * 3_600_000 + 1000;
    try {
      expect((await get(admin("/team"), later)).status).toBe(303);
    } finally {
      shiftMs = 0;
    }
    expect((await get(admin("/team"), later)).status).toBe(200);
  });

  it("keeps the shared key working until the owner revokes it, and says so on the page", async () => {
    const stats = (key: string) =>
      fetch(`${stack.appUrl}/api/centres/harbour/stats`, { headers: { authorization: `Bearer ${key}` } });
    expect((await stats(sharedKey)).status).toBe(200);
    const team = await (await get(admin("/team"), owner)).text();
    expect(team).toContain("The shared key still works");
    expect(team).toContain("It keeps working until you revoke it");

    // A personal key for scripts: made, used (its last use shown), revoked.
    const made = await (await post(admin("/keys"), { label: "weekly report" }, owner)).text();
    const key = /<code class="secret">(cak_[A-Za-z0-9_-]{43})<\/code>/.exec(made)?.[1] ?? "";
    expect((await stats(key)).status).toBe(200);
    expect(JSON.stringify(await tableItems())).not.toContain(key);
    const listed = await (await get(admin("/team"), owner)).text();
    expect(listed).toMatch(
      /weekly report <span class="muted">\([^)]+\)<\/span><\/th><td>Nia Owens<\/td><td>[^<]+<\/td><td>\d{4}-/,
    );

    expect((await post(admin("/shared-key/revoke"), {}, owner)).status).toBe(303);
    expect((await stats(sharedKey)).status).toBe(401);
    expect(await (await get(admin("/team"), owner)).text()).not.toContain("The shared key still works");
    const keyId = /weekly report <span class="muted">\(([^)]+)\)/.exec(listed)?.[1] ?? "";
    expect((await post(admin(`/keys/${keyId}/revoke`), {}, owner)).status).toBe(303);
    expect((await stats(key)).status).toBe(401);
  });

  it("records who opened which shared debrief and the rest in the owner's log", async () => {
    const student = `river-${process.pid}@example.com`;
    const res = await postForm(stack.appUrl, "/c/harbour", centreFormFields(student, { shareWithCentre: "on" }));
    const pageToken = tokenOf(res);
    const list = await (await get(admin("/shared"), owner)).text();
    const debriefId = /\/c\/harbour\/admin\/shared\/([0-9a-f-]{36})/.exec(list)?.[1] ?? "";
    const opened = await (await get(admin(`/shared/${debriefId}`), owner)).text();
    expect(opened).toContain("Lena Okafor");
    // The student sees who opened it.
    expect(await (await fetch(`${stack.appUrl}/d/${pageToken}/centre`)).text()).toContain(
      "An advisor at Harbour College Careers (Nia Owens)",
    );

    const log = await (await get(admin("/activity"), owner)).text();
    const rows = [...log.matchAll(/<tr><td>[^<]+<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><td>([^<]*)<\/td><\/tr>/g)].map(
      (m) => [m[1], m[2], m[3]],
    );
    expect(rows).toContainEqual([OWNER, "Opened a shared debrief", debriefId]);
    expect(rows).toContainEqual([OWNER, "Invited", ADVISOR]);
    expect(rows).toContainEqual([OWNER, "Removed", ADVISOR]);
    expect(rows).toContainEqual([ADVISOR, "Signed in", ""]);
    expect(rows).toContainEqual([ADVISOR, "Signed out", ""]);
    expect(rows).toContainEqual([OWNER, "Revoked the shared key", ""]);
    expect(rows.filter((r) => r[1] === "Made an API key" && r[2]?.startsWith("weekly report"))).toHaveLength(1);
    // An advisor's page never shows the log.
    expect(log).not.toContain("stranger@harbour.example.edu");
  });
});
