import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import {
  type AccountStore,
  type Advisor,
  type CentreStore,
  type Debrief,
  type DebriefStore,
  debriefInputSchema,
  hashToken,
  legacyAddressDigest,
  newToken,
  type RateCounter,
} from "@debrief/core";
import {
  createDynamoAccountStore,
  createDynamoCentreStore,
  createDynamoRateCounter,
  createDynamoStore,
  documentClient,
  keys,
} from "@debrief/core/aws";
import { ensureTable, startDynamo } from "@debrief/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validDebrief } from "./debriefs";
import { createMemoryCentreStore, createMemoryRateCounter, createMemoryStore, createMemoryTable } from "./memory";
import { createMemoryAccountStore } from "./memory-accounts";

/**
 * One contract, two implementations: the in-memory ports the fast tests use and the
 * DynamoDB adapters (against dynalite) must answer every case alike, so they cannot drift.
 */
type Ports = {
  store: DebriefStore;
  centres: CentreStore;
  accounts: AccountStore;
  counter: RateCounter;
  /** Writes a suppression as releases before keyed digests did: under the address's plain SHA-256. */
  suppressUnkeyed: (address: string, expiresAt?: Date) => Promise<void>;
};
const unkeyedItem = (address: string, expiresAt?: Date) => ({
  reason: "bounce",
  at: NOW.toISOString(),
  ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
  digest: legacyAddressDigest(address),
});

const NOW = new Date("2026-12-01T09:00:00.000Z");
const LATER = new Date("2027-03-01T09:00:00.000Z");
let seq = 0;

function debrief(extra: Partial<Debrief> = {}): Debrief {
  seq++;
  const id = `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}-${Math.random().toString(16).slice(2, 6)}`;
  return {
    id,
    input: debriefInputSchema.parse(validDebrief({ interviewedAt: NOW })),
    createdAt: NOW.toISOString(),
    schedule: { nudgeAt: NOW.toISOString(), tipsAt: NOW.toISOString() } as Debrief["schedule"],
    expiresAt: "2027-01-01T00:00:00.000Z",
    tokenHashes: [],
    sends: {},
    ...extra,
  };
}

function contract(name: string, ports: () => Ports) {
  describe(`ports contract: ${name}`, () => {
    it("creates a debrief once, reads it back, hides it once expired", async () => {
      const { store } = ports();
      const d = debrief();
      expect(await store.create(d)).toBe(true);
      expect(await store.create(d)).toBe(false);
      expect((await store.get(d.id, NOW))?.input.candidate.email).toBe(d.input.candidate.email);
      expect(await store.get(d.id, LATER)).toBeUndefined();
      expect(await store.get("00000000-0000-4000-8000-000000000000", NOW)).toBeUndefined();
    });

    it("finds an earlier release's page token, and uses a one-use link exactly once", async () => {
      const { store } = ports();
      const page = hashToken(newToken());
      const d = debrief({ tokenHashes: [page] });
      await store.create(d);
      expect(await store.storedTokens.findPageToken(page, NOW)).toBe(d.id);
      expect(await store.storedTokens.findPageToken(page, LATER)).toBeUndefined();
      const uses = await Promise.all([store.useLink(d.id, "snooze", NOW), store.useLink(d.id, "snooze", NOW)]);
      expect(uses.filter(Boolean).map((u) => u?.id)).toEqual([d.id]);
      expect(await store.useLink(d.id, "stop", LATER)).toBeUndefined();
      expect(await store.ensureLinkKey(d.id, "key-1")).toBe("key-1");
      expect(await store.ensureLinkKey(d.id, "key-2")).toBe("key-1");
    });

    it("claims a send for one caller, releases an unfinished claim, never a completed one", async () => {
      const { store } = ports();
      const d = debrief();
      await store.create(d);
      const first = { claimedAt: NOW.toISOString(), claim: "0000000000000001" };
      const claims = await Promise.all([
        store.claimSend(d.id, "letter", first),
        store.claimSend(d.id, "letter", { ...first, claim: "0000000000000002" }),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      const mine = claims[0] ? first : { ...first, claim: "0000000000000002" };
      // Another claim's release changes nothing.
      await store.releaseSend(d.id, "letter", { ...mine, claim: "00000000000000ff" });
      expect((await store.get(d.id, NOW))?.sends.letter).toEqual(mine);
      await store.releaseSend(d.id, "letter", mine);
      expect(await store.claimSend(d.id, "letter", first)).toBe(true);
      await store.completeSend(d.id, "letter", first, { messageId: "m-1", sentAt: NOW.toISOString() });
      await store.releaseSend(d.id, "letter", first);
      expect((await store.get(d.id, NOW))?.sends.letter).toEqual({
        ...first,
        messageId: "m-1",
        sentAt: NOW.toISOString(),
      });
      expect(await store.claimSend("00000000-0000-4000-8000-000000000000", "letter", first)).toBe(false);
    });

    it("takes over an unanswered claim once, records SES's event on its claim and a late one once", async () => {
      const { store } = ports();
      const d = debrief();
      await store.create(d);
      const stuck = { claimedAt: NOW.toISOString(), claim: "000000000000000a" };
      await store.claimSend(d.id, "nudge", stuck);
      const confirmation = { messageId: "m-9", event: "Send" as const, at: NOW.toISOString() };
      const ref = { debriefId: d.id, kind: "nudge" as const };
      expect(await store.recordSendConfirmation({ ...ref, claim: "000000000000000f" }, confirmation)).toBe("unknown");
      expect(await store.requestResend(d.id, "nudge", stuck, LATER)).toBe(true);
      const resend = { claimedAt: LATER.toISOString(), claim: "000000000000000b", repairs: 1, replaced: [stuck.claim] };
      const takeovers = await Promise.all([
        store.claimSend(d.id, "nudge", resend, stuck),
        store.claimSend(d.id, "nudge", { ...resend, claim: "000000000000000c" }, stuck),
      ]);
      expect(takeovers).toEqual([true, false]);
      // The step that made the first claim cannot complete or release the claim that replaced it.
      await expect(store.completeSend(d.id, "nudge", stuck, { messageId: "m-old" })).rejects.toThrow();
      await store.releaseSend(d.id, "nudge", stuck);
      expect((await store.get(d.id, NOW))?.sends.nudge).toEqual(resend);
      // SES's event for the replaced claim comes after all: noted once, as a late confirmation.
      expect(await store.recordSendConfirmation({ ...ref, claim: stuck.claim }, confirmation)).toBe("late");
      expect(await store.recordSendConfirmation({ ...ref, claim: stuck.claim }, confirmation)).toBe("unknown");
      // The resend's own event confirms it; the first event is kept.
      expect(await store.recordSendConfirmation({ ...ref, claim: resend.claim }, confirmation)).toBe("confirmed");
      const delivery = { ...confirmation, event: "Delivery" as const };
      expect(await store.recordSendConfirmation({ ...ref, claim: resend.claim }, delivery)).toBe("confirmed");
      expect((await store.get(d.id, NOW))?.sends.nudge).toEqual({
        ...resend,
        lateConfirmations: [stuck.claim],
        confirmed: confirmation,
      });
      // A confirmed claim is neither taken over nor asked for again.
      expect(await store.claimSend(d.id, "nudge", { ...resend, claim: "000000000000000d" }, resend)).toBe(false);
      expect(await store.requestResend(d.id, "nudge", resend, LATER)).toBe(false);
      const records: unknown[] = [];
      for await (const r of store.listSendRecords(NOW)) if (r.id === d.id) records.push(r);
      expect(records).toEqual([{ id: d.id, sends: { nudge: expect.objectContaining({ claim: resend.claim }) } }]);
    });

    it("updates and removes the fields a page changes, leaves a missing debrief missing, and erases every trace", async () => {
      const { store } = ports();
      const page = hashToken(newToken());
      const d = debrief({ tokenHashes: [page] });
      await store.create(d);
      await store.updateDebrief(d.id, { letterSentAt: NOW.toISOString(), snoozes: 1 });
      await store.updateDebrief(d.id, { snoozes: undefined });
      const read = await store.get(d.id, NOW);
      expect([read?.letterSentAt, read?.snoozes]).toEqual([NOW.toISOString(), undefined]);
      await store.updateDebrief("00000000-0000-4000-8000-000000000000", { snoozes: 2 });
      expect(await store.get("00000000-0000-4000-8000-000000000000", NOW)).toBeUndefined();
      await store.erase(d);
      expect(await store.get(d.id, NOW)).toBeUndefined();
      expect(await store.storedTokens.findPageToken(page, NOW)).toBeUndefined();
    });

    it("suppresses a mailbox under every spelling; a lapsing suppression lapses, a lasting one stays", async () => {
      const { store } = ports();
      const tag = Math.random().toString(36).slice(2, 8);
      await store.suppress(`b.o.b.${tag}+x@googlemail.com`, "not-me", NOW, new Date("2026-12-02T09:00:00.000Z"));
      expect(await store.isSuppressed(`bob${tag}@gmail.com`, NOW)).toBe(true);
      expect(await store.isSuppressed(`bob${tag}@gmail.com`, LATER)).toBe(false);
      await store.suppress(`bob${tag}@gmail.com`, "bounce", NOW);
      expect(await store.isSuppressed(`bob${tag}@gmail.com`, LATER)).toBe(true);
      expect(await store.isSuppressed(`alice${tag}@example.com`, NOW)).toBe(false);
    });

    it("still finds a suppression stored under the unkeyed digest of before, lasting or lapsing; either digest suppresses", async () => {
      const { store, suppressUnkeyed } = ports();
      const tag = Math.random().toString(36).slice(2, 8);
      const lasting = `carol.${tag}@example.org`;
      const lapsing = `dan.${tag}@example.org`;
      const DAY_AFTER = new Date("2026-12-02T09:00:00.000Z");
      await suppressUnkeyed(lasting);
      await suppressUnkeyed(lapsing, DAY_AFTER);
      // The unkeyed digest is of the trimmed, lower-cased address.
      expect(await store.isSuppressed(` ${lasting.toUpperCase()} `, LATER)).toBe(true);
      expect(await store.isSuppressed(lapsing, NOW)).toBe(true);
      expect(await store.isSuppressed(lapsing, LATER)).toBe(false);
      // A lapsed keyed suppression does not hide a lasting unkeyed one, nor a lapsed unkeyed one a lasting keyed one.
      await store.suppress(lasting, "not-me", NOW, DAY_AFTER);
      expect(await store.isSuppressed(lasting, LATER)).toBe(true);
      await store.suppress(lapsing, "bounce", NOW);
      expect(await store.isSuppressed(lapsing, LATER)).toBe(true);
    });

    it("counts distinct ids up to the limit; counting an id again is free", async () => {
      const { counter } = ports();
      const key = `test#${Math.random()}`;
      const until = new Date("2026-12-02T00:00:00.000Z");
      expect(await counter.admit(key, "a", 2, until)).toBe(true);
      expect(await counter.admit(key, "a", 2, until)).toBe(true);
      expect(await counter.admit(key, "b", 2, until)).toBe(true);
      expect(await counter.admit(key, "c", 2, until)).toBe(false);
      expect(await counter.admit(key, "b", 2, until)).toBe(true);
      expect(await counter.digest("address", "bomb+1@example.net")).toBe(
        await counter.digest("address", "bomb@example.net"),
      );
    });

    it("keeps centres, keys, sharing, one answer per check-in and the audit log", async () => {
      const { store, centres } = ports();
      const slug = `c${Math.random().toString(36).slice(2, 10)}`;
      const centre = {
        slug,
        displayName: "Northfield Careers",
        advisor: { name: "Priya Nair", email: "p@northfield.example.edu" },
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
        keyHashes: [],
      } as unknown as Parameters<CentreStore["createCentre"]>[0];
      expect(await centres.createCentre(centre)).toBe(true);
      expect(await centres.createCentre(centre)).toBe(false);
      expect((await centres.getCentre(slug))?.displayName).toBe("Northfield Careers");
      await centres.addKey(`key-${slug}`, slug, NOW);
      expect(await centres.findKey(`key-${slug}`)).toBe(slug);
      await centres.deleteKey(`key-${slug}`);
      expect(await centres.findKey(`key-${slug}`)).toBeUndefined();

      const plain = debrief();
      await store.create(plain);
      expect(await centres.setSharing(plain.id, true, NOW)).toBe(false);
      const linked = debrief({ centre: slug, shareWithCentre: false, cohort: "MBA" });
      await store.create(linked);
      expect(await centres.setSharing(linked.id, true, NOW)).toBe(true);
      const rows = await centres.centreDebriefs(slug, NOW);
      expect(rows.map((r) => [r.id, r.shareWithCentre, r.cohort])).toEqual([[linked.id, true, "MBA"]]);
      expect(await centres.recordCheckin(linked.id, "checkin7", { answer: "offer", at: NOW.toISOString() })).toBe(true);
      expect(await centres.recordCheckin(linked.id, "checkin7", { answer: "no", at: NOW.toISOString() })).toBe(false);
      expect((await store.get(linked.id, NOW))?.checkins?.checkin7?.answer).toBe("offer");
      const entry = { at: NOW.toISOString(), centre: slug, keyId: "abc123", action: "viewed" as const };
      await centres.appendAudit(linked.id, entry, linked.expiresAt);
      await centres.appendAudit(linked.id, entry, linked.expiresAt);
      expect(await centres.auditLog(linked.id)).toEqual([entry, entry]);
      await centres.detachFromCentre(linked.id);
      expect(await centres.centreDebriefs(slug, NOW)).toEqual([]);
    });

    it("counts a centre's proven students only, under one digest per mailbox however many debriefs", async () => {
      const { store, centres } = ports();
      const slug = `c${Math.random().toString(36).slice(2, 10)}`;
      const as = (email: string, extra: Partial<Debrief> = {}) => {
        const d = debrief({ centre: slug, ...extra });
        return { ...d, input: { ...d.input, candidate: { ...d.input.candidate, email } } };
      };
      const facts = { situations: ["nerves" as const], questionTypes: ["technical" as const] };
      const padded = [
        as("sam.lee+1@uni.example.edu", { cohort: "MBA", insightFacts: facts }),
        as("samlee@uni.example.edu"),
      ];
      const other = as("rowan@uni.example.edu");
      const unproven = as("kim@uni.example.edu");
      for (const d of [...padded, other, unproven]) await store.create(d);
      expect(await centres.countedStudents(slug, NOW)).toEqual([]);
      for (const d of [...padded, other]) {
        await store.updateDebrief(d.id, { addressProvenAt: NOW.toISOString(), countedIn: slug });
      }
      const rows = await centres.countedStudents(slug, NOW);
      expect(rows).toHaveLength(3);
      expect(new Set(rows.map((r) => r.student)).size).toBe(2);
      expect(rows.find((r) => r.cohort === "MBA")).toMatchObject({ createdAt: NOW.toISOString(), insightFacts: facts });
      // Nothing that names the student reaches the statistics.
      expect(JSON.stringify(rows)).not.toMatch(/@|sam|rowan|kim/i);
      // Expired debriefs and a detached one are not counted; the digest never shows on the debrief.
      expect(await centres.countedStudents(slug, LATER)).toEqual([]);
      await centres.detachFromCentre(other.id);
      expect(await centres.countedStudents(slug, NOW)).toHaveLength(2);
      expect(JSON.stringify(await store.get(padded[0]?.id ?? "", NOW))).not.toContain(rows[0]?.student);
    });
  });
}

function accountContract(name: string, ports: () => Ports) {
  describe(`account store contract: ${name}`, () => {
    const slug = () => `t${Math.random().toString(36).slice(2, 10)}`;
    const advisor = (id: string, extra: Partial<Advisor> = {}): Advisor => ({
      id,
      email: `${id}@uni.example.edu`,
      name: id,
      role: "advisor",
      addedAt: NOW.toISOString(),
      ...extra,
    });
    const inMinutes = (m: number) => new Date(NOW.getTime() + m * 60_000).toISOString();

    it("adds an advisor once per address, changes and removes them, with their keys", async () => {
      const { accounts } = ports();
      const s = slug();
      expect(await accounts.team(s)).toEqual({ advisors: [], keys: [] });
      expect(await accounts.addAdvisor(s, advisor("ann", { role: "owner" }))).toBe(true);
      expect(await accounts.addAdvisor(s, advisor("ann"))).toBe(false);
      expect(await accounts.addAdvisor(s, advisor("bob", { addedAt: LATER.toISOString() }))).toBe(true);
      expect(await accounts.setWeeklyDigest(s, "bob", true)).toBe(true);
      expect(await accounts.setWeeklyDigest(s, "nobody", true)).toBe(false);
      const key = { id: "k1", hash: `h-${s}`, advisorId: "bob", label: "script", createdAt: NOW.toISOString() };
      await accounts.addKey(s, key);
      expect(await accounts.findKey(key.hash)).toEqual({ slug: s, keyId: "k1" });
      await accounts.touchKey(s, "k1", LATER);
      const team = await accounts.team(s);
      expect(team.advisors.map((a) => [a.id, a.role, a.weeklyDigest])).toEqual([
        ["ann", "owner", undefined],
        ["bob", "advisor", true],
      ]);
      expect(team.keys).toEqual([{ ...key, lastUsedAt: LATER.toISOString() }]);
      expect(await accounts.removeAdvisor(s, "bob")).toBe(true);
      expect(await accounts.removeAdvisor(s, "bob")).toBe(false);
      expect(await accounts.findKey(key.hash)).toBeUndefined();
      expect((await accounts.team(s)).keys).toEqual([]);
    });

    it("keeps one outstanding link per advisor, taken once and never after it expires", async () => {
      const { accounts } = ports();
      const s = slug();
      await accounts.addAdvisor(s, advisor("ann"));
      const link = (hash: string, minutes = 15) => ({ hash, slug: s, advisorId: "ann", expiresAt: inMinutes(minutes) });
      expect(await accounts.saveLink(link(`a-${s}`))).toBe(true);
      expect(await accounts.saveLink(link(`b-${s}`))).toBe(true);
      expect(await accounts.saveLink({ ...link(`c-${s}`), advisorId: "nobody" })).toBe(false);
      // The earlier link is gone; the newer one is the advisor's pending link, taken once.
      expect(await accounts.takeLink(`a-${s}`, NOW)).toBeUndefined();
      expect(await accounts.takeLink(`c-${s}`, NOW)).toBeUndefined();
      expect((await accounts.team(s)).advisors[0]?.pendingLink).toBe(`b-${s}`);
      const [one, two] = await Promise.all([accounts.takeLink(`b-${s}`, NOW), accounts.takeLink(`b-${s}`, NOW)]);
      expect([one, two].filter(Boolean)).toEqual([link(`b-${s}`)]);
      await accounts.saveLink(link(`d-${s}`, 15));
      expect(await accounts.takeLink(`d-${s}`, new Date(Date.parse(inMinutes(15))))).toBeUndefined();
    });

    it("lists who asked for the weekly email, claims each week's email once, and forgets the removed", async () => {
      const { accounts } = ports();
      const s = slug();
      const mine = (list: { slug: string; advisorId: string }[]) => list.filter((x) => x.slug === s);
      await accounts.addAdvisor(s, advisor("ann", { role: "owner" }));
      await accounts.addAdvisor(s, advisor("bob"));
      expect(await accounts.setWeeklyDigest(s, "ann", true)).toBe(true);
      expect(await accounts.setWeeklyDigest(s, "bob", true)).toBe(true);
      expect(
        mine(await accounts.digestSubscribers())
          .map((x) => x.advisorId)
          .sort(),
      ).toEqual(["ann", "bob"]);
      const until = new Date(NOW.getTime() + 60 * 86_400_000);
      expect(await accounts.claimDigest(s, "ann", "2026-W49", until)).toBe(true);
      expect(await accounts.claimDigest(s, "ann", "2026-W49", until)).toBe(false);
      expect(await accounts.claimDigest(s, "ann", "2026-W50", until)).toBe(true);
      await accounts.releaseDigest(s, "ann", "2026-W49");
      expect(await accounts.claimDigest(s, "ann", "2026-W49", until)).toBe(true);
      await accounts.setWeeklyDigest(s, "ann", false);
      await accounts.removeAdvisor(s, "bob");
      expect(mine(await accounts.digestSubscribers())).toEqual([]);
      await accounts.setWeeklyDigest(s, "ann", true);
      await accounts.deleteTeam(s, NOW);
      expect(mine(await accounts.digestSubscribers())).toEqual([]);
    });

    it("finds a session until it expires or is deleted, and keeps the log newest first", async () => {
      const { accounts } = ports();
      const s = slug();
      const session = {
        hash: `s-${s}`,
        slug: s,
        advisorId: "ann",
        createdAt: NOW.toISOString(),
        expiresAt: inMinutes(720),
      };
      await accounts.saveSession(session);
      expect(await accounts.findSession(session.hash, NOW)).toEqual(session);
      expect(await accounts.findSession(session.hash, new Date(Date.parse(session.expiresAt)))).toBeUndefined();
      await accounts.deleteSession(session.hash);
      expect(await accounts.findSession(session.hash, NOW)).toBeUndefined();

      const at = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
      for (const days of [400, 200, 8, 1, 0]) {
        await accounts.appendEvent(s, { at: at(days), actor: "ann@uni.example.edu", action: "signed-in" });
      }
      const year = new Date(NOW.getTime() - 365 * 86_400_000);
      expect((await accounts.events(s, year, NOW)).map((e) => e.at)).toEqual([at(0), at(1), at(8), at(200)]);
      await accounts.deleteTeam(s, NOW);
      expect(await accounts.events(s, year, NOW)).toEqual([]);
    });
  });
}

/** Fresh in-memory ports over one table, for each case. */
function memoryPorts(): Ports {
  const table = createMemoryTable();
  return {
    store: createMemoryStore(table),
    centres: createMemoryCentreStore(table),
    accounts: createMemoryAccountStore(),
    counter: createMemoryRateCounter(table),
    async suppressUnkeyed(address, expiresAt) {
      const { digest, ...item } = unkeyedItem(address, expiresAt);
      table.suppressed.set(digest, item);
    },
  };
}

accountContract("in memory", memoryPorts);
accountContract("DynamoDB (dynalite)", () => dynamoPorts!);

contract("in memory", memoryPorts);

let dynamo: Awaited<ReturnType<typeof startDynamo>> | undefined;
let dir = "";
let dynamoPorts: Ports | undefined;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ports-contract-"));
  dynamo = await startDynamo(dir, 0);
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  await ensureTable(client, "contract");
  const options = { digestSecret: "contract-test" };
  dynamoPorts = {
    store: createDynamoStore("contract", client, options),
    centres: createDynamoCentreStore("contract", client, options),
    accounts: createDynamoAccountStore("contract", client, options),
    counter: createDynamoRateCounter("contract", client, options),
    async suppressUnkeyed(address, expiresAt) {
      const { digest, ...item } = unkeyedItem(address, expiresAt);
      await documentClient(client).send(
        new PutCommand({ TableName: "contract", Item: { pk: keys.suppressed(digest), ...item } }),
      );
    },
  };
});
afterAll(async () => {
  await dynamo?.close();
  rmSync(dir, { recursive: true, force: true });
});
contract("DynamoDB (dynalite)", () => dynamoPorts!);
