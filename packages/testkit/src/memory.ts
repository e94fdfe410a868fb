/**
 * In-memory implementations of the ports, for fast `createApp(deps).request(...)`
 * tests of the HTTP layer. They keep the adapters' promises (conditional writes,
 * one-use tokens, expiry hidden on read), which `ports.contract.test.ts` holds them
 * to against the DynamoDB adapters. Only tests import this module: never a product
 * entry (api.ts, steps, the local stack), and never an integration test, which use
 * the real adapters against the emulators.
 */
import {
  type AuditEntry,
  addressDigest,
  type Centre,
  type CentreDebriefSummary,
  type CentreStore,
  type CheckinWorkflowInput,
  type Clock,
  type Debrief,
  type DebriefStore,
  isExpired,
  keyedDigest,
  legacyAddressDigest,
  type Mailer,
  type OutgoingEmail,
  type RateCounter,
  type SendRecord,
  type StatsSource,
  studentDigest,
  type Workflow,
  type WorkflowInput,
} from "@debrief/core";

type TokenItem = { debriefId: string; expiresAt: string; action?: string };

/** One table, as in DynamoDB: the debrief store and the centre store share the debrief items. */
export type MemoryTable = {
  debriefs: Map<string, Debrief>;
  tokens: Map<string, TokenItem>;
  /** By digest: keyed (what `suppress` writes), or the plain one of items from before keyed digests. */
  suppressed: Map<string, { reason: string; at: string; expiresAt?: string }>;
  centres: Map<string, Centre>;
  keys: Map<string, { slug: string; createdAt: string }>;
  audits: Map<string, { entries: AuditEntry[]; expiresAt: string }>;
  rates: Map<string, { ids: Set<string>; expiresAt: string }>;
};

export function createMemoryTable(): MemoryTable {
  return {
    debriefs: new Map(),
    tokens: new Map(),
    suppressed: new Map(),
    centres: new Map(),
    keys: new Map(),
    audits: new Map(),
    rates: new Map(),
  };
}

// Every read and write copies, as a round trip to a database would: no caller shares an object with the store.
const copy = <T>(v: T): T => structuredClone(v);
const live = (expiresAt: string, now: Date) => Date.parse(expiresAt) > now.getTime();
/** The key the memory ports digest addresses and IPs with (the DynamoDB adapters keep theirs in the table). */
const DIGEST_SECRET = "memory-ports";
/** What DynamoDB keeps of an item written with `removeUndefinedValues`: no undefined fields. */
const stored = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The email's claim is this one (a claim of an earlier release has no id: its time names it). */
const isClaim = (send: SendRecord, claim: Pick<SendRecord, "claimedAt" | "claim">) =>
  send.claimedAt === claim.claimedAt && send.claim === claim.claim;
const unanswered = (send: SendRecord) => !send.messageId && !send.rejected && !send.skipped;

export function createMemoryStore(table: MemoryTable = createMemoryTable()): DebriefStore {
  const t = table;
  return {
    async create(debrief) {
      if (t.debriefs.has(debrief.id)) return false;
      t.debriefs.set(debrief.id, stored(debrief));
      for (const hash of debrief.tokenHashes) {
        t.tokens.set(hash, { debriefId: debrief.id, expiresAt: debrief.expiresAt });
      }
      return true;
    },
    async get(id, now) {
      const d = t.debriefs.get(id);
      return d && !isExpired(d, now) ? copy(d) : undefined;
    },
    async delete(id) {
      t.debriefs.delete(id);
    },
    async markWorkflowStarted(id, at) {
      const d = t.debriefs.get(id);
      if (!d) throw new Error("ConditionalCheckFailedException");
      d.workflowStartedAt ??= at.toISOString();
    },
    async claimSend(id, kind, claim, replacing) {
      const d = t.debriefs.get(id);
      if (!d) return false;
      const current = d.sends[kind];
      if (replacing ? !current || !isClaim(current, replacing) || !unanswered(current) || current.confirmed : current) {
        return false;
      }
      d.sends[kind] = stored(claim);
      return true;
    },
    async releaseSend(id, kind, claim) {
      const d = t.debriefs.get(id);
      const current = d?.sends[kind];
      if (d && current && isClaim(current, claim) && unanswered(current)) delete d.sends[kind];
    },
    async completeSend(id, kind, claim, record) {
      const send = t.debriefs.get(id)?.sends[kind];
      if (!send || !isClaim(send, claim)) throw new Error("ConditionalCheckFailedException");
      Object.assign(send, stored(record) as Partial<SendRecord>);
    },
    async recordSendConfirmation({ debriefId, kind, claim }, confirmation) {
      const send = t.debriefs.get(debriefId)?.sends[kind];
      if (send?.claim === claim) {
        send.confirmed ??= stored(confirmation);
        return "confirmed";
      }
      if (!send?.replaced?.includes(claim) || send.lateConfirmations?.includes(claim)) return "unknown";
      send.lateConfirmations = [...(send.lateConfirmations ?? []), claim];
      return "late";
    },
    async requestResend(id, kind, claim, at) {
      const send = t.debriefs.get(id)?.sends[kind];
      if (!send || !isClaim(send, claim) || !unanswered(send) || send.confirmed) return false;
      send.resendRequestedAt = at.toISOString();
      return true;
    },
    async recordFailure(id, failure) {
      const d = t.debriefs.get(id);
      if (d) d.failure = copy(failure);
    },
    async ensureLinkKey(id, linkKey) {
      const d = t.debriefs.get(id);
      if (!d) return undefined;
      d.linkKey ??= linkKey;
      return d.linkKey;
    },
    async useLink(id, code, now) {
      const d = t.debriefs.get(id);
      if (!d || isExpired(d, now) || d.usedLinks?.has(code)) return undefined;
      d.usedLinks = new Set([...(d.usedLinks ?? []), code]);
      return copy(d);
    },
    storedTokens: {
      async findPageToken(tokenHash, now) {
        const item = t.tokens.get(tokenHash);
        return item && !item.action && live(item.expiresAt, now) ? item.debriefId : undefined;
      },
      async findActionToken(tokenHash, now) {
        const item = t.tokens.get(tokenHash);
        if (!item?.action || !live(item.expiresAt, now)) return undefined;
        return { debriefId: item.debriefId, action: item.action as never };
      },
      async consumeActionToken(tokenHash, now) {
        const item = t.tokens.get(tokenHash);
        if (!item?.action || !live(item.expiresAt, now)) return undefined;
        t.tokens.delete(tokenHash);
        return { debriefId: item.debriefId, action: item.action as never };
      },
    },
    async updateDebrief(id, changes) {
      const d = t.debriefs.get(id) as Record<string, unknown> | undefined;
      if (!d) return;
      for (const [field, value] of Object.entries(changes)) {
        if (value === undefined) delete d[field];
        else d[field] = stored(value);
      }
    },
    async erase(debrief) {
      const current = t.debriefs.get(debrief.id);
      t.debriefs.delete(debrief.id);
      for (const hash of new Set([...debrief.tokenHashes, ...(current?.tokenHashes ?? [])])) t.tokens.delete(hash);
      t.audits.delete(debrief.id);
    },
    async suppress(address, reason, at, expiresAt) {
      const key = addressDigest(DIGEST_SECRET, address);
      const current = t.suppressed.get(key);
      const lapsed = current?.expiresAt !== undefined && !live(current.expiresAt, at);
      // A lasting suppression replaces a lapsing one; a lapsing one replaces only one that has lapsed.
      const replaces = !current || (expiresAt ? lapsed : current.expiresAt !== undefined);
      if (replaces)
        t.suppressed.set(key, stored({ reason, at: at.toISOString(), expiresAt: expiresAt?.toISOString() }));
    },
    async isSuppressed(address, now = new Date()) {
      // Both digests, as the DynamoDB store reads them: the keyed one, and the plain one of items stored before it.
      return [addressDigest(DIGEST_SECRET, address), legacyAddressDigest(address)].some((key) => {
        const item = t.suppressed.get(key);
        return item !== undefined && (item.expiresAt === undefined || live(item.expiresAt, now));
      });
    },
    async *listDebriefs(now) {
      for (const d of [...t.debriefs.values()]) if (!isExpired(d, now)) yield copy(d);
    },
    async *listSendRecords(now) {
      for (const d of [...t.debriefs.values()]) if (!isExpired(d, now)) yield copy({ id: d.id, sends: d.sends });
    },
    async *debriefsForAddress(address, now) {
      const digest = addressDigest(DIGEST_SECRET, address);
      for (const d of [...t.debriefs.values()]) {
        if (isExpired(d, now) || addressDigest(DIGEST_SECRET, d.input.candidate.email) !== digest) continue;
        yield stored({
          id: d.id,
          expiresAt: d.expiresAt,
          workflowName: d.workflowName,
          workflowStartedAt: d.workflowStartedAt,
        });
      }
    },
    async backfillAddressDigests() {
      // The memory store derives the digest on every read: nothing is ever missing.
      return 0;
    },
    async deleteExpired(now) {
      let deleted = 0;
      for (const map of [t.debriefs, t.tokens, t.audits, t.rates] as Map<string, { expiresAt: string }>[]) {
        for (const [key, item] of map) {
          if (!live(item.expiresAt, now)) {
            map.delete(key);
            deleted++;
          }
        }
      }
      return deleted;
    },
    async markRedriven(id, executionName, at) {
      const d = t.debriefs.get(id);
      if (!d) throw new Error("ConditionalCheckFailedException");
      d.workflowName = executionName;
      d.workflowStartedAt = at.toISOString();
      delete d.failure;
    },
    async ping() {},
  };
}

export function createMemoryCentreStore(table: MemoryTable = createMemoryTable()): CentreStore {
  const t = table;
  return {
    async createCentre(centre) {
      if (t.centres.has(centre.slug)) return false;
      t.centres.set(centre.slug, stored(centre));
      return true;
    },
    async getCentre(slug) {
      const c = t.centres.get(slug);
      return c ? copy(c) : undefined;
    },
    async listCentres() {
      return [...t.centres.values()].map(copy).sort((a, b) => a.slug.localeCompare(b.slug));
    },
    async saveCentre(centre) {
      if (!t.centres.has(centre.slug)) return false;
      t.centres.set(centre.slug, stored(centre));
      return true;
    },
    async addKey(keyHash, slug, at) {
      if (t.keys.has(keyHash)) throw new Error("ConditionalCheckFailedException");
      t.keys.set(keyHash, { slug, createdAt: at.toISOString() });
    },
    async findKey(keyHash) {
      return t.keys.get(keyHash)?.slug;
    },
    async deleteKey(keyHash) {
      t.keys.delete(keyHash);
    },
    async deleteCentre(slug) {
      t.centres.delete(slug);
    },
    async countedStudents(slug, now) {
      const rows: StatsSource[] = [];
      for (const d of t.debriefs.values()) {
        if (d.countedIn !== slug || !live(d.expiresAt, now)) continue;
        rows.push(
          stored({
            // The memory store derives the student's digest on every read: nothing is ever missing.
            student: studentDigest(DIGEST_SECRET, d.input.candidate.email),
            createdAt: d.createdAt,
            cohort: d.cohort,
            letterSentAt: d.letterSentAt,
            secondInterviewAt: d.secondInterviewAt,
            checkins: d.checkins,
            insightFacts: d.insightFacts,
          }),
        );
      }
      return rows;
    },
    async backfillCountedStudents() {
      return 0;
    },
    async centreDebriefs(slug, now) {
      const rows: CentreDebriefSummary[] = [];
      for (const d of t.debriefs.values()) {
        if (d.centre !== slug || !live(d.expiresAt, now)) continue;
        rows.push(
          stored({
            id: d.id,
            createdAt: d.createdAt,
            expiresAt: d.expiresAt,
            cohort: d.cohort,
            letterSentAt: d.letterSentAt,
            secondInterviewAt: d.secondInterviewAt,
            checkins: d.checkins,
            shareWithCentre: d.shareWithCentre === true,
          }),
        );
      }
      return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async setSharing(debriefId, share, at) {
      const d = t.debriefs.get(debriefId) as (Debrief & { sharingChangedAt?: string }) | undefined;
      if (!d?.centre) return false;
      d.shareWithCentre = share;
      d.sharingChangedAt = at.toISOString();
      return true;
    },
    async detachFromCentre(debriefId) {
      const d = t.debriefs.get(debriefId);
      if (!d) return;
      delete d.centre;
      delete d.shareWithCentre;
      delete d.cohort;
      delete d.centreSnapshot;
      delete d.countedIn;
      delete d.insightFacts;
    },
    async appendAudit(debriefId, entry, expiresAt) {
      const log = t.audits.get(debriefId) ?? { entries: [], expiresAt };
      log.entries.push(stored(entry));
      log.expiresAt = expiresAt;
      t.audits.set(debriefId, log);
    },
    async auditLog(debriefId) {
      return copy(t.audits.get(debriefId)?.entries ?? []);
    },
    async recordCheckin(debriefId, kind, answer) {
      const d = t.debriefs.get(debriefId) as (Debrief & { checkins?: Record<string, unknown> }) | undefined;
      if (!d) return false;
      d.checkins ??= {};
      if (d.checkins[kind]) return false;
      d.checkins[kind] = stored(answer);
      return true;
    },
  };
}

export function createMemoryRateCounter(table: MemoryTable = createMemoryTable()): RateCounter {
  return {
    async digest(purpose, value) {
      return purpose === "address" ? addressDigest(DIGEST_SECRET, value) : keyedDigest(DIGEST_SECRET, "ip", value);
    },
    async admit(key, id, limit, expiresAt) {
      const counter = table.rates.get(key) ?? { ids: new Set<string>(), expiresAt: expiresAt.toISOString() };
      if (!counter.ids.has(id) && counter.ids.size >= limit) return false;
      counter.ids.add(id);
      table.rates.set(key, counter);
      return true;
    },
  };
}

/** Executions by name, as Step Functions keeps them: starting a name twice is one execution. */
export type MemoryWorkflow = Workflow & {
  executions: Map<string, { input: WorkflowInput | CheckinWorkflowInput; status: "RUNNING" | "ABORTED" }>;
  /** Makes the next calls fail, as an unreachable service would. */
  failing: boolean;
};

export function createMemoryWorkflow(): MemoryWorkflow {
  const wf: MemoryWorkflow = {
    executions: new Map(),
    failing: false,
    async start(input, executionName = input.debriefId) {
      if (wf.failing) throw new Error("ServiceUnavailable");
      if (!wf.executions.has(executionName))
        wf.executions.set(executionName, { input: copy(input), status: "RUNNING" });
    },
    async stop(executionName) {
      if (wf.failing) throw new Error("ServiceUnavailable");
      const e = wf.executions.get(executionName);
      if (e) e.status = "ABORTED";
    },
    async ping() {
      if (wf.failing) throw new Error("ServiceUnavailable");
    },
  };
  return wf;
}

export type MemoryMailer = Mailer & { sent: (OutgoingEmail & { messageId: string })[] };

export function createMemoryMailer(): MemoryMailer {
  const mailer: MemoryMailer = {
    sent: [],
    async send(email) {
      const messageId = `memory-${mailer.sent.length + 1}`;
      mailer.sent.push({ ...copy(email), messageId });
      return { messageId };
    },
    async ping() {},
  };
  return mailer;
}

/** A clock the test moves by hand: no sleeps. */
export type ManualClock = Clock & { set(at: Date | string): void; advance(ms: number): void };

export function createManualClock(start: Date | string = "2026-12-01T09:00:00.000Z"): ManualClock {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (at) => {
      now = new Date(at);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
}
