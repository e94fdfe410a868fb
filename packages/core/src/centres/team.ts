/**
 * A centre's people: its owner and advisors, the sign-in links and sessions that let them
 * in, their personal API keys, and the centre's log of what they did. The flows over these
 * are in accounts.ts; the store that keeps them is the AccountStore port below.
 */

export const ADVISOR_ROLES = ["owner", "advisor"] as const;
export type AdvisorRole = (typeof ADVISOR_ROLES)[number];

/** One person who may sign in to a centre's admin page. */
export type Advisor = {
  /** A digest of their normalised address (accounts.ts `advisorIdOf`). */
  id: string;
  /** Where their sign-in links go (as the owner typed it). */
  email: string;
  name: string;
  role: AdvisorRole;
  addedAt: string;
  /** Who added them (an email), absent for the owner `pnpm centre create` made. */
  addedBy?: string;
  /** They asked for the Monday email with the week's figures. */
  weeklyDigest?: boolean;
  /** The keyed hash of their one outstanding sign-in link: a newer link replaces it. */
  pendingLink?: string;
};

/** A personal API key of an advisor, for scripts: only its SHA-256 is kept. */
export type AdvisorKey = {
  /** A short, non-secret name for the key: the start of its hash. */
  id: string;
  hash: string;
  advisorId: string;
  label: string;
  createdAt: string;
  lastUsedAt?: string;
};

export type Team = { advisors: Advisor[]; keys: AdvisorKey[] };

/** An emailed sign-in link, stored by the keyed hash of its token. */
export type SignInLink = { hash: string; slug: string; advisorId: string; expiresAt: string };

/** A signed-in browser, named by the keyed hash of its cookie's token. */
export type Session = { hash: string; slug: string; advisorId: string; createdAt: string; expiresAt: string };

export const CENTRE_EVENTS = [
  "signed-in",
  "signed-out",
  "opened-debrief",
  "exported",
  "invited",
  "removed",
  "key-created",
  "key-revoked",
  "shared-key-revoked",
] as const;
export type CentreEventKind = (typeof CENTRE_EVENTS)[number];

/** One line of a centre's log: who did what, when (kept a year, shown to the owner). */
export type CentreEvent = {
  at: string;
  /** The advisor's email, or "the shared key". */
  actor: string;
  action: CentreEventKind;
  /** What it was done to: a debrief id, an export's name, an advisor's email, a key's id. */
  detail?: string;
};

export interface AccountStore {
  /** The keyed digest (digest.ts, purpose "account") of a sign-in link's or a session's token. */
  digest(value: string): Promise<string>;
  /** The centre's advisors and keys (empty for a centre with none). */
  team(slug: string): Promise<Team>;
  /** Adds an advisor; false if that address already has an account at this centre. */
  addAdvisor(slug: string, advisor: Advisor): Promise<boolean>;
  /** Removes an advisor and their keys (the key items too); false if there was none. */
  removeAdvisor(slug: string, advisorId: string): Promise<boolean>;
  /** Changes an advisor's weekly email choice (and the list of who gets it); false if there is no such advisor. */
  setWeeklyDigest(slug: string, advisorId: string, weekly: boolean): Promise<boolean>;
  /** Stores a sign-in link and makes it its advisor's one outstanding link (false: no such advisor). */
  saveLink(link: SignInLink): Promise<boolean>;
  /** Deletes the link if it exists and has not expired, and returns it: of two uses, one gets it. */
  takeLink(hash: string, now: Date): Promise<SignInLink | undefined>;
  saveSession(session: Session): Promise<void>;
  /** The session if it exists and has not expired. */
  findSession(hash: string, now: Date): Promise<Session | undefined>;
  deleteSession(hash: string): Promise<void>;
  addKey(slug: string, key: AdvisorKey): Promise<void>;
  /** The centre and key id an API key's hash belongs to, if the key is live. */
  findKey(hash: string): Promise<{ slug: string; keyId: string } | undefined>;
  /** Records a key's use (shown beside it). */
  touchKey(slug: string, keyId: string, at: Date): Promise<void>;
  /** Revokes a key: its item and its place in the team. */
  deleteKey(slug: string, key: Pick<AdvisorKey, "id" | "hash">): Promise<void>;
  /** Appends to the centre's log; each line is kept a year. */
  appendEvent(slug: string, event: CentreEvent): Promise<void>;
  /** The centre's log since `since`, newest first. */
  events(slug: string, since: Date, now: Date): Promise<CentreEvent[]>;
  /** Removes the centre's people, their keys, its log and their weekly emails (the centre is being deleted). */
  deleteTeam(slug: string, now: Date): Promise<void>;
  /** Everyone who asked for the weekly email, across centres (one read: no Scan). */
  digestSubscribers(): Promise<{ slug: string; advisorId: string }[]>;
  /** Claims one advisor's weekly email for one week before it is sent; false if it was claimed already. */
  claimDigest(slug: string, advisorId: string, week: string, expiresAt: Date): Promise<boolean>;
  /** Gives a claim back after a failed send, so the next run sends it. */
  releaseDigest(slug: string, advisorId: string, week: string): Promise<void>;
}
