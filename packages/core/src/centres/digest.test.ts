import {
  createManualClock,
  createMemoryCentreStore,
  createMemoryMailer,
  createMemoryStore,
  createMemoryTable,
} from "@debrief/testkit/memory";
import { createMemoryAccountStore } from "@debrief/testkit/memory-accounts";
import { personaDebrief } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import { inviteAdvisor } from "./accounts";
import {
  type DigestDeps,
  digestUnsubscribeToken,
  reportedWeek,
  sendWeeklyDigests,
  unsubscribeFromDigest,
  type WeeklyDigest,
} from "./digest";
import { createCentre } from "./service";

describe("reportedWeek", () => {
  it.each([
    ["2026-12-07T07:00:00Z", "2026-W49", "2026-11-30", "2026-12-06"], // a Monday morning: the week just ended
    ["2026-12-13T23:59:00Z", "2026-W49", "2026-11-30", "2026-12-06"], // the Sunday after: still that week
    ["2027-01-04T07:00:00Z", "2026-W53", "2026-12-28", "2027-01-03"], // across the year
  ])("at %s reports %s (%s to %s)", (now, week, from, to) =>
    expect(reportedWeek(new Date(now))).toEqual({ week, from, to }),
  );
});

describe("sendWeeklyDigests", () => {
  async function setup() {
    const table = createMemoryTable();
    const centres = createMemoryCentreStore(table);
    const debriefs = createMemoryStore(table);
    const accounts = createMemoryAccountStore();
    const mailer = createMemoryMailer();
    const clock = createManualClock("2026-12-01T09:00:00.000Z");
    const made = await createCentre(
      { centres, accounts },
      { slug: "north", displayName: "North Careers", advisor: { name: "Ann Owner", email: "ann@north.edu" } },
      clock,
    );
    if (!made.ok) throw new Error("centre");
    const rendered: WeeklyDigest[] = [];
    const deps: DigestDeps = {
      centres,
      accounts,
      mailer,
      clock,
      publicUrl: "https://debrief.example",
      render: async (d) => {
        rendered.push(d);
        return { subject: `${d.centreName} ${d.week}`, html: "<p>figures</p>", text: "figures" };
      },
    };
    // Twelve proven students in the week before Monday 7 December, all nervous.
    for (let i = 0; i < 12; i++) {
      const d = personaDebrief("amira", {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        centre: "north",
        countedIn: "north",
        createdAt: "2026-12-02T10:00:00.000Z",
        insightFacts: { situations: ["nerves"], questionTypes: [] },
      });
      await debriefs.create({
        ...d,
        input: { ...d.input, candidate: { ...d.input.candidate, email: `s${i}@north.edu` } },
      });
    }
    const owner = made.value.owner;
    const sam = await inviteAdvisor({ ...deps }, { slug: "north", displayName: "North Careers" }, owner, {
      name: "Sam",
      email: "sam@north.edu",
    });
    if (!sam.ok) throw new Error("sam");
    mailer.sent.length = 0;
    clock.set("2026-12-07T07:00:00.000Z");
    return { deps, accounts, mailer, clock, rendered, owner, sam: sam.value };
  }

  it("sends last week's figures once to each advisor who asked, with a one-click unsubscribe", async () => {
    const { deps, accounts, mailer, rendered, owner, sam } = await setup();
    await accounts.setWeeklyDigest("north", owner.id, true);
    expect(await sendWeeklyDigests(deps)).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(mailer.sent.map((e) => e.to)).toEqual(["ann@north.edu"]);
    const [digest] = rendered;
    expect(digest).toMatchObject({
      centreName: "North Careers",
      advisorName: "Ann Owner",
      week: "2026-W49",
      students: 12,
      rates: { letterSent: 0, secondInterview: 0, offer: 0 },
      situations: [{ key: "nerves", rate: 1 }],
      pageUrl: "https://debrief.example/c/north/admin?from=2026-W49&to=2026-W49",
    });
    const token = await digestUnsubscribeToken(accounts, "north", owner.id);
    expect(digest?.unsubscribeUrl).toBe(`https://debrief.example/c/north/admin/digest/unsubscribe/${token}`);
    expect(mailer.sent[0]?.headers).toEqual({
      "List-Unsubscribe": `<${digest?.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    // Run again the same week (a retry, the local timer): nothing twice.
    expect(await sendWeeklyDigests(deps)).toEqual({ sent: 0, skipped: 1, failed: 0 });
    expect(mailer.sent).toHaveLength(1);
    // Sam, who did not ask, gets nothing; the owner's link stops it, Sam's token is not theirs.
    expect(await unsubscribeFromDigest(accounts, "north", "x".repeat(43))).toBe(false);
    expect(await unsubscribeFromDigest(accounts, "north", token)).toBe(true);
    expect((await accounts.team("north")).advisors.find((a) => a.id === owner.id)?.weeklyDigest).toBe(false);
    expect(sam.weeklyDigest).toBeUndefined();
    expect(await accounts.digestSubscribers()).toEqual([]);
  });

  it("gives a claim back when the send fails, so the next run sends it", async () => {
    const { deps, accounts, mailer, owner } = await setup();
    await accounts.setWeeklyDigest("north", owner.id, true);
    const failing = { ...deps, mailer: { ...mailer, send: async () => Promise.reject(new Error("throttled")) } };
    const failures: unknown[] = [];
    expect(await sendWeeklyDigests({ ...failing, onFailed: (e) => failures.push(e) })).toEqual({
      sent: 0,
      skipped: 0,
      failed: 1,
    });
    expect(failures).toHaveLength(1);
    expect(await sendWeeklyDigests(deps)).toEqual({ sent: 1, skipped: 0, failed: 0 });
  });

  it("sends nothing to an advisor removed since they asked", async () => {
    const { deps, accounts, mailer, sam } = await setup();
    await accounts.setWeeklyDigest("north", sam.id, true);
    await accounts.removeAdvisor("north", sam.id);
    expect(await sendWeeklyDigests(deps)).toEqual({ sent: 0, skipped: 0, failed: 0 });
    expect(mailer.sent).toEqual([]);
  });
});
