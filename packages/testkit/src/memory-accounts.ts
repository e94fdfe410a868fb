/**
 * The in-memory AccountStore for fast HTTP tests, keeping the DynamoDB adapter's promises
 * (one outstanding link per advisor, a link taken once, expiry hidden on read), which
 * `ports.contract.test.ts` holds it to. Only tests import this folder.
 */
import {
  type AccountStore,
  type Advisor,
  type AdvisorKey,
  type CentreEvent,
  keyedDigest,
  type Session,
  type SignInLink,
} from "@debrief/core";

const copy = <T>(v: T): T => structuredClone(v);
const SECRET = "memory-accounts";

export function createMemoryAccountStore(): AccountStore {
  const teams = new Map<string, { advisors: Map<string, Advisor>; keys: Map<string, AdvisorKey> }>();
  const links = new Map<string, SignInLink>();
  const sessions = new Map<string, Session>();
  const keyItems = new Map<string, { slug: string; keyId: string }>();
  const log = new Map<string, CentreEvent[]>();
  const subscribers = new Map<string, { slug: string; advisorId: string }>();
  const claims = new Set<string>();
  const subscriberKey = (slug: string, advisorId: string) => `${slug}#${advisorId}`;
  const teamOf = (slug: string) => {
    let t = teams.get(slug);
    if (!t) {
      t = { advisors: new Map(), keys: new Map() };
      teams.set(slug, t);
    }
    return t;
  };
  return {
    async digest(value) {
      return keyedDigest(SECRET, "account", value);
    },
    async team(slug) {
      const t = teamOf(slug);
      return copy({
        advisors: [...t.advisors.values()].sort((a, b) => a.addedAt.localeCompare(b.addedAt)),
        keys: [...t.keys.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      });
    },
    async addAdvisor(slug, advisor) {
      const t = teamOf(slug);
      if (t.advisors.has(advisor.id)) return false;
      t.advisors.set(advisor.id, copy(advisor));
      return true;
    },
    async removeAdvisor(slug, advisorId) {
      const t = teamOf(slug);
      if (!t.advisors.delete(advisorId)) return false;
      subscribers.delete(subscriberKey(slug, advisorId));
      for (const [id, k] of t.keys) {
        if (k.advisorId !== advisorId) continue;
        t.keys.delete(id);
        keyItems.delete(k.hash);
      }
      return true;
    },
    async setWeeklyDigest(slug, advisorId, weekly) {
      const a = teamOf(slug).advisors.get(advisorId);
      if (!a) return false;
      a.weeklyDigest = weekly;
      if (weekly) subscribers.set(subscriberKey(slug, advisorId), { slug, advisorId });
      else subscribers.delete(subscriberKey(slug, advisorId));
      return true;
    },
    async saveLink(link) {
      const a = teamOf(link.slug).advisors.get(link.advisorId);
      if (!a) return false;
      if (a.pendingLink) links.delete(a.pendingLink);
      a.pendingLink = link.hash;
      links.set(link.hash, copy(link));
      return true;
    },
    async takeLink(hash, now) {
      const link = links.get(hash);
      if (!link || Date.parse(link.expiresAt) <= now.getTime()) return undefined;
      links.delete(hash);
      return copy(link);
    },
    async saveSession(session) {
      sessions.set(session.hash, copy(session));
    },
    async findSession(hash, now) {
      const s = sessions.get(hash);
      return s && Date.parse(s.expiresAt) > now.getTime() ? copy(s) : undefined;
    },
    async deleteSession(hash) {
      sessions.delete(hash);
    },
    async addKey(slug, key) {
      if (keyItems.has(key.hash)) throw new Error("ConditionalCheckFailedException");
      keyItems.set(key.hash, { slug, keyId: key.id });
      teamOf(slug).keys.set(key.id, copy(key));
    },
    async findKey(hash) {
      return copy(keyItems.get(hash));
    },
    async touchKey(slug, keyId, at) {
      const k = teamOf(slug).keys.get(keyId);
      if (k) k.lastUsedAt = at.toISOString();
    },
    async deleteKey(slug, key) {
      teamOf(slug).keys.delete(key.id);
      keyItems.delete(key.hash);
    },
    async appendEvent(slug, event) {
      log.set(slug, [...(log.get(slug) ?? []), copy(event)]);
    },
    async events(slug, since) {
      return copy(log.get(slug) ?? [])
        .filter((e) => Date.parse(e.at) >= since.getTime())
        .sort((a, b) => b.at.localeCompare(a.at));
    },
    async digestSubscribers() {
      return copy([...subscribers.values()]);
    },
    async claimDigest(slug, advisorId, week) {
      const key = `${subscriberKey(slug, advisorId)}#${week}`;
      if (claims.has(key)) return false;
      claims.add(key);
      return true;
    },
    async releaseDigest(slug, advisorId, week) {
      claims.delete(`${subscriberKey(slug, advisorId)}#${week}`);
    },
    async deleteTeam(slug) {
      for (const a of teamOf(slug).advisors.keys()) subscribers.delete(subscriberKey(slug, a));
      for (const k of teamOf(slug).keys.values()) keyItems.delete(k.hash);
      teams.delete(slug);
      log.delete(slug);
    },
  };
}
