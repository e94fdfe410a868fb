import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { type AccountStore, hashAdminKey, isoWeek, rotateOwnerKey, systemClock } from "@debrief/core";
import { documentClient } from "@debrief/core/aws";
import {
  centreInsightsSchema,
  centreStatsSchema,
  sharedDebriefSchema,
  sharedListSchema,
} from "@debrief/functions/api/centres/schemas";
import { createApp } from "@debrief/functions/app";
import { operationsHandlers } from "@debrief/functions/operations";
import { apiDeps, wire } from "@debrief/functions/wiring";
import { proveAddress, provisionCentre } from "@debrief/testkit/centres";
import { startFaultProxy } from "@debrief/testkit/fault-proxy";
import { centreFormFields, postForm, tokenOf } from "@debrief/testkit/forms";
import { waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { debriefItems, tableItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const DOMAIN = "students.northfield.ac.uk";
const silent = { info() {}, warn() {}, error() {} };

describe("career centres on the local stack", () => {
  let stack: TestStack;
  let north: Awaited<ReturnType<typeof provisionCentre>>;
  let east: Awaited<ReturnType<typeof provisionCentre>>;
  let n = 0;
  const studentEmail = () => `student${++n}-${process.pid}@${DOMAIN}`;
  const api = (path: string, key?: string) =>
    fetch(`${stack.appUrl}/api/centres/${path}`, key ? { headers: { authorization: `Bearer ${key}` } } : {});
  const debriefIdOf = async (email: string) => {
    const item = (await debriefItems()).find(
      (i) => (i.input as { candidate: { email: string } }).candidate.email === email,
    );
    return item?.id as string | undefined;
  };

  // Real time, unless a test moves it (the padding attack spreads its debriefs over the days of one week).
  let shiftMs = 0;
  const clock = { now: () => new Date(Date.now() + shiftMs) };

  beforeAll(async () => {
    stack = await startTestStack({
      env: { FORM_MIN_FILL_SECONDS: "0", RATE_LIMIT_PER_IP_PER_HOUR: "1000" },
      clock,
    });
    north = await provisionCentre({
      slug: "northfield",
      displayName: "Northfield University Careers",
      logoUrl: "https://careers.northfield.example/logo.png",
      accentColour: "#7a1f5c",
      allowedDomains: [DOMAIN],
      cohorts: ["MSc Data 2026", "BA History 2026"],
      tips: ["Book a mock interview with us before any second round."],
    });
    east = await provisionCentre({ slug: "eastbay", displayName: "East Bay Bootcamp" });
  });
  afterAll(async () => {
    // Let every letter go out first, so no workflow step is cut off by the shutdown.
    await waitFor(
      async () =>
        (await debriefItems()).every((i) => (i.sends as { letter?: { messageId?: string } }).letter?.messageId),
      { timeoutMs: 20_000, what: "every letter to be sent" },
    ).catch(() => undefined);
    await stack?.dispose();
  });

  it("shows the centre's branded form, and 404 for an unknown centre", async () => {
    const res = await fetch(`${stack.appUrl}/c/northfield`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Northfield University Careers");
    expect(html).toContain('src="https://careers.northfield.example/logo.png"');
    expect(html).toContain('action="/c/northfield"');
    expect(html).toMatch(/href="\/c\/northfield\/brand\.css\?v=[0-9a-f]{10}"/);
    expect(html).toContain('<option value="MSc Data 2026">');
    // Sharing is offered, and off unless the student ticks it.
    // The share box is there and not ticked.
    const shareBox = html.match(/<input[^>]*id="shareWithCentre"[^>]*>/)?.[0];
    expect(shareBox).toMatch(/type="checkbox"/);
    expect(shareBox).not.toMatch(/checked/);
    // The logo's origin is allowed by this page's CSP.
    expect(res.headers.get("content-security-policy")).toMatch(/img-src[^;]*https:/);
    const css = await (await fetch(`${stack.appUrl}/c/northfield/brand.css`)).text();
    expect(css).toContain("--brand: #7a1f5c");

    expect((await fetch(`${stack.appUrl}/c/no-such-centre`)).status).toBe(404);
    expect((await fetch(`${stack.appUrl}/c/Not_A_Slug!`)).status).toBe(404);
  });

  it("refuses a student outside the allowed domains with a clear message and stores nothing", async () => {
    const email = `lena-${process.pid}@gmail.com`;
    const res = await postForm(stack.appUrl, "/c/northfield", centreFormFields(email));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(
      "Northfield University Careers accepts only student addresses ending in @students.northfield.ac.uk. Use your student email address.",
    );
    expect(await debriefIdOf(email)).toBeUndefined();

    // A student address is accepted, and the debrief remembers its centre (not shared unless ticked).
    const student = studentEmail();
    const ok = await postForm(stack.appUrl, "/c/northfield", centreFormFields(student));
    expect(ok.status).toBe(303);
    const id = await debriefIdOf(student);
    const item = (await debriefItems()).find((i) => i.id === id);
    expect(item?.centre).toBe("northfield");
    expect(item?.shareWithCentre).toBe(false);
  });

  it("answers 401 to a missing, wrong, revoked or other centre's key before revealing anything", async () => {
    expect((await api("northfield/stats", north.key)).status).toBe(200);
    const refused = [
      await api("northfield/stats"),
      await api("northfield/stats", east.key),
      await api("northfield/stats", `cak_${"A".repeat(43)}`),
      await api("northfield/stats", "not-even-a-key"),
      await api("northfield/shared", east.key),
      await api(`northfield/shared/00000000-0000-4000-8000-000000000000`, east.key),
      await api("northfield/no-such-route", east.key),
      // An unknown centre looks exactly like a known one without a key.
      await api("no-such-centre/stats", north.key),
      await api("no-such-centre/stats"),
    ];
    for (const res of refused) {
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      expect(await res.json()).toEqual({
        error: "unauthorized",
        message: "Send a valid API key of this centre (an advisor's, or the shared key) as a Bearer token",
      });
    }
    // And the other way round.
    expect((await api("eastbay/stats", north.key)).status).toBe(401);
    expect((await api("eastbay/stats", east.key)).status).toBe(200);
  });

  it("keeps API keys only as hashes, and a rotated key stops working", async () => {
    const items = JSON.stringify(await tableItems());
    expect(items).not.toContain(north.key);
    expect(items).not.toContain(east.key);
    expect(items).toContain(hashAdminKey(east.key));
    expect(north.key).toMatch(/^cak_[A-Za-z0-9_-]{43}$/);

    const fresh = await rotateOwnerKey({ accounts: east.accounts, clock: systemClock }, "eastbay");
    expect((await api("eastbay/stats", east.key)).status).toBe(401);
    expect((await api("eastbay/stats", fresh)).status).toBe(200);
    const after = JSON.stringify(await tableItems());
    expect(after).not.toContain(fresh);
    expect(after).not.toContain(hashAdminKey(east.key));
    east = { ...east, key: fresh };
  });

  it("shows the advisor nothing of a student who did not share", async () => {
    const email = studentEmail();
    const res = await postForm(stack.appUrl, "/c/northfield", centreFormFields(email));
    expect(res.status).toBe(303);
    const id = await debriefIdOf(email);
    expect(id).toBeDefined();

    const list = (await (await api("northfield/shared", north.key)).json()) as { debriefs: { id: string }[] };
    expect(list.debriefs.map((d) => d.id)).not.toContain(id);
    const open = await api(`northfield/shared/${id}`, north.key);
    expect(open.status).toBe(404);
    expect(await open.text()).not.toContain("Lena");
  });

  it("lets a student share, shows them each advisor access, and withdraw", async () => {
    const email = studentEmail();
    const res = await postForm(
      stack.appUrl,
      "/c/northfield",
      centreFormFields(email, { shareWithCentre: "on", cohort: "MSc Data 2026" }),
    );
    const token = tokenOf(res);
    const id = await debriefIdOf(email);

    const list = sharedListSchema.parse(await (await api("northfield/shared", north.key)).json());
    expect(list.debriefs.map((d) => d.id)).toContain(id);
    // Another centre's key sees nothing of it.
    expect((await api(`eastbay/shared/${id}`, east.key)).status).toBe(404);
    const open = await api(`northfield/shared/${id}`, north.key);
    expect(open.status).toBe(200);
    // What the API answers is what its OpenAPI document says (both come from these schemas).
    const view = sharedDebriefSchema.parse(await open.json());
    expect(view.debrief.candidate.email).toBe(email);
    expect(view.cohort).toBe("MSc Data 2026");

    // The candidate's page leads to the sharing page.
    const own = await (await fetch(`${stack.appUrl}/d/${token}`)).text();
    expect(own).toContain(`href="/d/${token}/centre"`);
    expect(own).toContain("Shared with Northfield University Careers");
    const page = await (await fetch(`${stack.appUrl}/d/${token}/centre`)).text();
    expect(page).toContain("Your advisors at Northfield University Careers can read this debrief");
    expect(page).toContain(`(Priya Nair, key ${hashAdminKey(north.key).slice(0, 12)})`);
    expect(page.match(/An advisor at Northfield University Careers/g)).toHaveLength(1);

    const withdraw = await fetch(`${stack.appUrl}/d/${token}/centre`, {
      method: "POST",
      body: new URLSearchParams({ share: "off" }),
    });
    expect(withdraw.status).toBe(200);
    expect(await withdraw.text()).toContain("can no longer open your debrief");
    expect((await api(`northfield/shared/${id}`, north.key)).status).toBe(404);
    const after = (await (await api("northfield/shared", north.key)).json()) as { debriefs: { id: string }[] };
    expect(after.debriefs.map((d) => d.id)).not.toContain(id);
    // The refused attempt after withdrawal is not an access: the log still holds one entry.
    const page2 = await (await fetch(`${stack.appUrl}/d/${token}/centre`)).text();
    expect(page2.match(/An advisor at Northfield University Careers/g)).toHaveLength(1);

    // Erasing the debrief takes its access log with it.
    const auditKey = `AUDIT#${id}`;
    expect((await tableItems()).some((i) => i.pk === auditKey)).toBe(true);
    const erase = await fetch(`${stack.appUrl}/d/${token}/delete`, {
      method: "POST",
      body: new URLSearchParams({ confirm: "yes" }),
    });
    expect(erase.status).toBe(200);
    expect((await tableItems()).some((i) => i.pk === auditKey || i.id === id)).toBe(false);
  });

  it("records exactly one answer per check-in link, and only on the button press", async () => {
    const email = studentEmail();
    const token = tokenOf(await postForm(stack.appUrl, "/c/northfield", centreFormFields(email)));
    const id = await debriefIdOf(email);
    const link = (answer: string) => `${stack.appUrl}/d/${token}/checkin/checkin7/${answer}`;
    const stored = async () => (await debriefItems()).find((i) => i.id === id)?.checkins;

    // Following the link (as a mail scanner would) records nothing.
    const shown = await fetch(link("offer"));
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain("I got an offer");
    expect(await stored()).toBeUndefined();

    // Two different answers racing: exactly one is kept.
    const [a, b] = await Promise.all([
      fetch(link("offer"), { method: "POST" }),
      fetch(link("rejected"), { method: "POST" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const kept = a.status === 200 ? "offer" : "rejected";
    const checkins = (await stored()) as Record<string, { answer: string }>;
    expect(Object.keys(checkins)).toEqual(["checkin7"]);
    expect(checkins.checkin7?.answer).toBe(kept);
    // A later click changes nothing.
    expect((await fetch(link("no_reply"), { method: "POST" })).status).toBe(409);
    expect(((await stored()) as Record<string, { answer: string }>).checkin7?.answer).toBe(kept);

    expect((await fetch(`${stack.appUrl}/d/${token}/checkin/checkin9/offer`, { method: "POST" })).status).toBe(404);
    expect((await fetch(`${stack.appUrl}/d/${token}/checkin/checkin7/hired`, { method: "POST" })).status).toBe(404);
  });

  describe("statistics", () => {
    let stats: {
      weeks: Record<string, unknown>[];
      cohorts: Record<string, unknown>[];
      minGroupSize: number;
    };
    let key: string;
    let accounts: AccountStore;

    beforeAll(async () => {
      // A centre that lowered the minimum group size to the floor of 5.
      const centre = await provisionCentre({
        slug: "statsville",
        cohorts: ["Big cohort", "Small cohort"],
        minGroupSize: 5,
      });
      key = centre.key;
      accounts = centre.accounts;
      // A student proves their address by acting on a one-use link from their letter (a POST; "Stop emails"
      // here, which changes no count, where "I sent it" would count a letter).
      const prove = (email: string) => proveAddress(stack.appUrl, stack.inboxUrl, email);
      const submit = async (cohort: string, answer?: string, proven = true) => {
        const email = `stats-${++n}-${process.pid}@example.com`;
        const res = await postForm(stack.appUrl, "/c/statsville", centreFormFields(email, { cohort }));
        if (proven) await prove(email);
        if (answer) {
          const r = await fetch(`${stack.appUrl}/d/${tokenOf(res)}/checkin/checkin7/${answer}`, { method: "POST" });
          expect(r.status).toBe(200);
        }
      };
      // Big cohort: 6 students, 5 reached a second interview, one of them an offer; small cohort: 2 students.
      await submit("Big cohort", "offer");
      for (let i = 0; i < 4; i++) await submit("Big cohort", "second_interview");
      await submit("Big cohort", "rejected");
      await submit("Small cohort", "offer");
      await submit("Small cohort");
      // Three invented students who never act on their email (anyone may type an address of the domain) and
      // answer "offer" through the page: were they counted, the small cohort would reach 5 and show.
      for (let i = 0; i < 3; i++) await submit("Small cohort", "offer", false);
      const res = await api("statsville/stats", key);
      expect(res.status).toBe(200);
      stats = centreStatsSchema.parse(await res.json()) as typeof stats;
    });

    it("suppresses groups and counts under 5, and every count that would let one be subtracted out", () => {
      expect(stats.minGroupSize).toBe(5);
      const none = { letterSent: null, secondInterview: null, offer: null };
      // The week holds all eight, in two cells: Big cohort's 6 and Small cohort's 2. A figure including the
      // small cell hides its students (the week's 8 minus Big cohort's 6 would give the 2); inside Big cohort,
      // 5 of 6 reached a second interview (the one who did not would be singled out) and 1 an offer.
      expect(stats.cohorts).toEqual([
        {
          group: "Big cohort",
          suppressed: false,
          students: 6,
          letterSent: 0,
          secondInterview: null,
          offer: null,
          rates: { letterSent: 0, secondInterview: null, offer: null },
        },
        { group: "Small cohort", suppressed: true, students: null, ...none, rates: none },
      ]);
      expect(stats.weeks).toHaveLength(1);
      expect(stats.weeks[0]).toMatchObject({
        suppressed: false,
        students: null,
        letterSent: 0,
        secondInterview: null,
        offer: null,
        rates: { letterSent: null, secondInterview: null, offer: null },
      });
      for (const stage of ["students", "letterSent", "secondInterview", "offer"]) {
        const week = stats.weeks[0]?.[stage];
        const big = stats.cohorts[0]?.[stage];
        if (typeof week === "number" && typeof big === "number") expect([0]).toContain(week - big);
      }
      expect(JSON.stringify(stats)).not.toContain("@example.com");
    });

    it("answers every table of the insights for a filter, as JSON and CSV, and records each export", async () => {
      const res = await api("statsville/insights?cohort=Big+cohort", key);
      expect(res.status).toBe(200);
      const insights = centreInsightsSchema.parse(await res.json());
      expect(insights.filter).toEqual({ cohort: "Big cohort" });
      // The same rule as the stats: Big cohort's 6 students are one cell, shown at the centre's minimum of 5.
      expect(insights.students).toBe(6);
      const rows = insights.cohorts as { group: string; students: number | null }[];
      expect(rows.map((r) => [r.group, r.students])).toEqual([["Big cohort", 6]]);
      expect(insights.situations).toEqual([{ key: "nerves", students: 6, rate: 1 }]);
      const csv = await (await api("statsville/insights.csv?cohort=Big+cohort", key)).text();
      expect(csv.split("\r\n")).toContain("situation,nerves,false,6,,,,,,,1");
      const bad = await api("statsville/insights?cohort=Nobody&from=2026-13", key);
      expect(bad.status).toBe(422);
      expect(((await bad.json()) as { fields: Record<string, string> }).fields).toEqual({
        cohort: "Choose one of the centre's cohorts",
        from: "Choose a week such as 2026-W07",
      });
      const log = await accounts.events("statsville", new Date(0), new Date());
      expect(log.map((e) => e.detail)).toEqual(
        expect.arrayContaining(["insights (API) cohort=Big cohort", "insights.csv (API) cohort=Big cohort"]),
      );
    });

    it("exports the same aggregates as CSV", async () => {
      const res = await api("statsville/stats.csv", key);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/csv");
      const [header, ...lines] = (await res.text()).trimEnd().split("\r\n");
      expect(header).toBe(
        "grouping,group,suppressed,students,letterSent,secondInterview,offer,letterSentRate,secondInterviewRate,offerRate",
      );
      const fromCsv = lines.map((line) => {
        const [grouping, group, suppressed, ...cells] = line.split(",");
        const [students, letterSent, secondInterview, offer, ...rates] = cells.map((v) =>
          v === "" ? null : Number(v),
        );
        const [letterSentRate, secondInterviewRate, offerRate] = rates;
        return {
          grouping,
          row: {
            group,
            suppressed: suppressed === "true",
            students,
            letterSent,
            secondInterview,
            offer,
            rates: { letterSent: letterSentRate, secondInterview: secondInterviewRate, offer: offerRate },
          },
        };
      });
      expect(fromCsv.filter((r) => r.grouping === "week").map((r) => r.row)).toEqual(stats.weeks);
      expect(fromCsv.filter((r) => r.grouping === "cohort").map((r) => r.row)).toEqual(stats.cohorts);
    });
  });

  describe("the padding attack: one mailbox posing as several students", () => {
    const PAD_DOMAIN = "pad.example.edu";
    const COHORT = "Target cohort";
    // 10:00 UTC on the Monday of the ISO week before last: the attack spreads over its first three days.
    const monday = (() => {
      const d = new Date();
      d.setUTCHours(10, 0, 0, 0);
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) - 14);
      return d;
    })();
    const onDay = (day: number) => {
      shiftMs = monday.getTime() + day * 86_400_000 - Date.now();
    };
    let key: string;
    let rows: { weeks: Record<string, unknown>[]; cohorts: Record<string, unknown>[] };

    beforeAll(async () => {
      key = (await provisionCentre({ slug: "padville", allowedDomains: [PAD_DOMAIN], cohorts: [COHORT] })).key;
      const submit = async (email: string, action: "I sent it" | "Stop emails") => {
        const fields = centreFormFields(email, {
          cohort: COHORT,
          "interview.date": clock.now().toISOString().slice(0, 10),
        });
        const res = await postForm(stack.appUrl, "/c/padville", fields);
        expect(res.status, `the debrief for ${email}`).toBe(303);
        await proveAddress(stack.appUrl, stack.inboxUrl, email, action);
      };
      try {
        // The target, on the Tuesday, proves their address by marking the letter sent.
        onDay(1);
        await submit(`rowan.target@${PAD_DOMAIN}`, "I sent it");
        // The attacker's one mailbox (samlee) under nine names, each proven from the inbox they all reach:
        // plus tags (three a day pass the per-address limit), dots (a Google Workspace domain ignores them),
        // and three days of the same ISO week. Nine padded debriefs and the target's make ten.
        const padded = [
          ["samlee+a", "samlee+b", "sam.lee+a"],
          ["samlee+c", "sam.lee+b", "s.amlee"],
          ["samlee+d", "s.amlee+b", "sa.m.lee"],
        ];
        for (const [day, names] of padded.entries()) {
          onDay(day);
          for (const name of names) await submit(`${name}@${PAD_DOMAIN}`, "Stop emails");
        }
      } finally {
        shiftMs = 0;
      }
      onDay(3);
      const res = await api("padville/stats", key);
      shiftMs = 0;
      expect(res.status).toBe(200);
      rows = (await res.json()) as typeof rows;
    });

    it("counts the mailbox once, so the target's group stays hidden and their letter cannot be read off", () => {
      const week = rows.weeks.find((r) => r.group === isoWeek(monday.toISOString()));
      const cohort = rows.cohorts.find((r) => r.group === COHORT);
      // Shown, the group's letters would give the target away: the padding sent none, so a 0 would say the
      // target sent none, and a hidden count (1 to 4) that they sent it.
      expect(week, "the target's week").toMatchObject({ suppressed: true });
      expect(cohort, "the target's cohort").toMatchObject({ suppressed: true });
      for (const row of [week, cohort]) expect(row?.letterSent).toBeNull();
    });

    it("reads the statistics with a Query on the student index, never a Scan", async () => {
      const seen: string[] = [];
      const proxy = await startFaultProxy(
        process.env.AWS_ENDPOINT_URL_DYNAMODB ?? "",
        (req) => {
          seen.push(`${String(req.headers["x-amz-target"]).replace("DynamoDB_20120810.", "")} ${req.body}`);
          return "pass";
        },
        () => ({ status: 500, body: "{}" }),
      );
      try {
        // The same wiring as the stack's (and Lambda's), its table reached through the recording proxy.
        const app = createApp(
          apiDeps(wire({ env: { ...process.env, AWS_ENDPOINT_URL_DYNAMODB: proxy.url }, log: silent, clock })),
        );
        const res = await app.request("/api/centres/padville/stats", { headers: { authorization: `Bearer ${key}` } });
        expect(res.status).toBe(200);
      } finally {
        await proxy.close();
      }
      expect(seen.filter((r) => r.startsWith("Scan"))).toEqual([]);
      expect(seen.filter((r) => r.startsWith("Query")).map((r) => JSON.parse(r.slice(6)).IndexName)).toEqual([
        "byCentreStudent",
      ]);
    });

    it("backfills the students of debriefs stored before the student index", async () => {
      const items = await debriefItems();
      const mailbox = items.filter((i) => i.centre === "padville" && i.countedIn === "padville");
      expect(new Set(mailbox.map((i) => i.studentDigest)).size).toBe(2);
      const [old] = mailbox.filter((i) => i.studentDigest !== mailbox.find((m) => m.letterSentAt)?.studentDigest);
      const digest = old?.studentDigest;
      // As a proven centre debrief stored by an earlier release looks: no digest, not in the index.
      await documentClient(new DynamoDBClient({})).send(
        new UpdateCommand({
          TableName: process.env.TABLE_NAME,
          Key: { pk: old?.pk },
          UpdateExpression: "REMOVE countedIn, studentDigest, insightFacts",
        }),
      );
      await operationsHandlers(wire({ log: silent, clock })).reconcile();
      const after = (await debriefItems()).find((i) => i.pk === old?.pk);
      expect(after).toMatchObject({ countedIn: "padville", studentDigest: digest });
      expect(after?.insightFacts).toEqual({ situations: ["nerves"], questionTypes: [] });
    });
  });
});
