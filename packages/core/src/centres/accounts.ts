import { z } from "zod";
import { checkSignInLimits, type RateCounter } from "../abuse/rate-limit";
import { type FieldErrors, fieldErrors } from "../debrief/validate";
import { normaliseAddress } from "../digest";
import type { Clock, Mailer, OutgoingEmail } from "../ports";
import { hashToken, newToken, TOKEN_PATTERN } from "../tokens";
import { inviteEmail, signInEmail } from "./account-emails";
import type { Centre } from "./model";
import { ADMIN_KEY_PATTERN, type CentreResult, hashAdminKey, keyIdOf, newAdminKey } from "./service";
import type { CentreStore } from "./store";
import type { AccountStore, Advisor, AdvisorKey, CentreEvent, CentreEventKind, Team } from "./team";

/** A sign-in link works once, within this many minutes, and only while it is its advisor's newest. */
export const SIGN_IN_LINK_MINUTES = 15;
/** A session lasts this long from sign-in; signing out or removal ends it at once. */
export const SESSION_HOURS = 12;
/** A centre's log keeps each line this long. */
export const CENTRE_LOG_DAYS = 365;
/** A key's last use is written at most this often (every API call would otherwise write). */
const KEY_USE_RESOLUTION_MS = 60_000;

export type AccountDeps = {
  accounts: AccountStore;
  centres: CentreStore;
  mailer: Mailer;
  clock: Clock;
  publicUrl: string;
  /** A sign-in or invitation email that could not be sent, by error name (the caller's logger). */
  onMailFailed?: (error: unknown) => void;
};

/** Who is acting: a signed-in advisor, an advisor's API key, or the shared key of before advisor accounts. */
export type Actor = { kind: "advisor"; advisor: Advisor; keyId?: string } | { kind: "shared"; keyId: string };

/** How an actor is named in the centre's log. */
export const actorName = (actor: Actor) => (actor.kind === "advisor" ? actor.advisor.email : "the shared key");

/** An owner-only action tried by an advisor (a 403). */
export class NotAllowedError extends Error {
  override name = "NotAllowedError";
}

export const adminUrl = (publicUrl: string, slug: string) => `${publicUrl}/c/${slug}/admin`;
const signInUrl = (publicUrl: string, slug: string, token: string) => `${adminUrl(publicUrl, slug)}/sign-in/${token}`;

/**
 * An advisor's id: a digest of their normalised address, so any spelling of it finds them.
 * Not keyed: the address itself is kept beside it (their links go there), and the CLI that
 * makes a centre's owner needs no key.
 */
export const advisorIdOf = (email: string) => hashToken(`advisor:${normaliseAddress(email)}`).slice(0, 22);
const linkHashOf = (accounts: AccountStore, token: string) => accounts.digest(`link:${token}`);
const sessionHashOf = (accounts: AccountStore, token: string) => accounts.digest(`session:${token}`);

const emailField = z
  .string({ error: "Enter your email address" })
  .trim()
  .min(1, "Enter your email address")
  .max(254, "Keep this under 254 characters")
  .pipe(z.email("Enter an email address such as name@uni.example.edu"));
const nameField = z
  .string({ error: "Enter their name" })
  .trim()
  .min(1, "Enter their name")
  .max(100, "Keep this under 100 characters")
  .regex(/^[^\p{Cc}]*$/u, "Must be a single line of text");
const labelField = z
  .string({ error: "Must be text" })
  .trim()
  .max(60, "Keep this under 60 characters")
  .regex(/^[^\p{Cc}]*$/u, "Must be a single line of text");

async function logEvent(deps: Pick<AccountDeps, "accounts" | "clock">, slug: string, event: Omit<CentreEvent, "at">) {
  await deps.accounts.appendEvent(slug, { at: deps.clock.now().toISOString(), ...event });
}

/** Records what an actor did in the centre's log. */
export function recordCentreEvent(
  deps: Pick<AccountDeps, "accounts" | "clock">,
  slug: string,
  actor: Actor,
  action: CentreEventKind,
  detail?: string,
) {
  return logEvent(deps, slug, { actor: actorName(actor), action, ...(detail ? { detail } : {}) });
}

/** A new sign-in link for an advisor, which replaces any earlier one; undefined if they are gone. */
async function newSignInLink(deps: AccountDeps, slug: string, advisor: Advisor): Promise<string | undefined> {
  const token = newToken();
  const expiresAt = new Date(deps.clock.now().getTime() + SIGN_IN_LINK_MINUTES * 60_000).toISOString();
  const saved = await deps.accounts.saveLink({
    hash: await linkHashOf(deps.accounts, token),
    slug,
    advisorId: advisor.id,
    expiresAt,
  });
  return saved ? signInUrl(deps.publicUrl, slug, token) : undefined;
}

async function send(deps: AccountDeps, email: OutgoingEmail) {
  try {
    await deps.mailer.send(email);
  } catch (error) {
    // Answered as if sent: a failure only for known addresses would tell which addresses have an account.
    deps.onMailFailed?.(error);
  }
}

export type SignInRequest =
  | { kind: "sent"; email: string }
  | { kind: "invalid"; errors: FieldErrors }
  | { kind: "limited"; retryAfterSeconds: number };

/**
 * "Email me a sign-in link": counted against the client IP and the address first, then,
 * only if the address has an account at this centre, a new link (replacing any earlier
 * one) is mailed to the address the owner invited. The answer is the same either way.
 */
export async function requestSignIn(
  deps: AccountDeps & { rateCounter: RateCounter },
  centre: Pick<Centre, "slug" | "displayName">,
  fields: { email?: unknown },
  ctx: { ip?: string; requestId: string },
): Promise<SignInRequest> {
  const parsed = z.object({ email: emailField }).safeParse(fields);
  if (!parsed.success) return { kind: "invalid", errors: fieldErrors(parsed.error) };
  const email = parsed.data.email;
  const verdict = await checkSignInLimits(
    { ip: ctx.ip, address: email, requestId: ctx.requestId },
    deps.clock.now(),
    deps.rateCounter,
  );
  if (verdict.limited) return { kind: "limited", retryAfterSeconds: verdict.retryAfterSeconds };
  const id = advisorIdOf(email);
  const advisor = (await deps.accounts.team(centre.slug)).advisors.find((a) => a.id === id);
  if (advisor) {
    const link = await newSignInLink(deps, centre.slug, advisor);
    if (link) {
      await send(
        deps,
        signInEmail(advisor.email, { centreName: centre.displayName, link, minutes: SIGN_IN_LINK_MINUTES }),
      );
    }
  }
  return { kind: "sent", email };
}

/**
 * Uses a sign-in link (the page's "Sign in" button, a POST): the link is deleted first, so
 * of two uses one wins; it must be unexpired, of this centre, and its advisor's newest.
 * Opens a session, whose token goes into the cookie and whose keyed hash names its item.
 */
export async function redeemSignIn(
  deps: Pick<AccountDeps, "accounts" | "clock">,
  slug: string,
  token: string,
): Promise<{ sessionToken: string; advisor: Advisor; expiresAt: Date } | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const now = deps.clock.now();
  const link = await deps.accounts.takeLink(await linkHashOf(deps.accounts, token), now);
  if (!link || link.slug !== slug) return undefined;
  const advisor = (await deps.accounts.team(slug)).advisors.find((a) => a.id === link.advisorId);
  if (!advisor || advisor.pendingLink !== link.hash) return undefined;
  const sessionToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await deps.accounts.saveSession({
    hash: await sessionHashOf(deps.accounts, sessionToken),
    slug,
    advisorId: advisor.id,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  await logEvent(deps, slug, { actor: advisor.email, action: "signed-in" });
  return { sessionToken, advisor, expiresAt };
}

export type SignedIn = { advisor: Advisor; team: Team; sessionHash: string };

/**
 * The advisor a session cookie's token signs in at this centre: the session must exist,
 * be unexpired and of this centre, and its advisor still on the team (removal ends it).
 */
export async function signedInAdvisor(
  deps: Pick<AccountDeps, "accounts" | "clock">,
  slug: string,
  sessionToken: string | undefined,
): Promise<SignedIn | undefined> {
  if (!sessionToken || !TOKEN_PATTERN.test(sessionToken)) return undefined;
  const sessionHash = await sessionHashOf(deps.accounts, sessionToken);
  const session = await deps.accounts.findSession(sessionHash, deps.clock.now());
  if (!session || session.slug !== slug) return undefined;
  const team = await deps.accounts.team(slug);
  const advisor = team.advisors.find((a) => a.id === session.advisorId);
  return advisor ? { advisor, team, sessionHash } : undefined;
}

export async function signOut(deps: Pick<AccountDeps, "accounts" | "clock">, slug: string, signedIn: SignedIn) {
  await deps.accounts.deleteSession(signedIn.sessionHash);
  await logEvent(deps, slug, { actor: signedIn.advisor.email, action: "signed-out" });
}

function ownerOnly(actor: Advisor) {
  if (actor.role !== "owner") throw new NotAllowedError("Only the centre's owner may do this");
}

/** The owner adds an advisor, who gets an invitation with a sign-in link. */
export async function inviteAdvisor(
  deps: AccountDeps,
  centre: Pick<Centre, "slug" | "displayName">,
  owner: Advisor,
  fields: { email?: unknown; name?: unknown },
): Promise<CentreResult<Advisor>> {
  ownerOnly(owner);
  const parsed = z.object({ email: emailField, name: nameField }).safeParse(fields);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const advisor: Advisor = {
    id: advisorIdOf(parsed.data.email),
    email: parsed.data.email,
    name: parsed.data.name,
    role: "advisor",
    addedAt: deps.clock.now().toISOString(),
    addedBy: owner.email,
  };
  if (!(await deps.accounts.addAdvisor(centre.slug, advisor))) {
    return { ok: false, errors: { email: `This address already has an account at ${centre.displayName}` } };
  }
  await logEvent(deps, centre.slug, { actor: owner.email, action: "invited", detail: advisor.email });
  const link = await newSignInLink(deps, centre.slug, advisor);
  if (link) {
    await send(
      deps,
      inviteEmail(advisor.email, {
        centreName: centre.displayName,
        invitedBy: owner.name,
        link,
        adminUrl: adminUrl(deps.publicUrl, centre.slug),
        minutes: SIGN_IN_LINK_MINUTES,
      }),
    );
  }
  return { ok: true, value: advisor };
}

/** The owner removes an advisor: their sessions and keys stop working at once. The owner stays. */
export async function removeAdvisor(
  deps: Pick<AccountDeps, "accounts" | "clock">,
  slug: string,
  owner: Advisor,
  advisorId: string,
): Promise<boolean> {
  ownerOnly(owner);
  const target = (await deps.accounts.team(slug)).advisors.find((a) => a.id === advisorId);
  if (!target || target.role === "owner") return false;
  if (!(await deps.accounts.removeAdvisor(slug, advisorId))) return false;
  await logEvent(deps, slug, { actor: owner.email, action: "removed", detail: target.email });
  return true;
}

/** A new personal API key for an advisor: returned once, only its SHA-256 is kept. */
export async function issueAdvisorKey(
  deps: Pick<AccountDeps, "accounts" | "clock">,
  slug: string,
  advisor: Advisor,
  label: unknown,
): Promise<CentreResult<{ key: string; entry: AdvisorKey }>> {
  const parsed = labelField.safeParse(label ?? "");
  if (!parsed.success) return { ok: false, errors: { label: parsed.error.issues[0]?.message ?? "Invalid" } };
  const key = newAdminKey();
  const hash = hashAdminKey(key);
  const entry: AdvisorKey = {
    id: hash.slice(0, 12),
    hash,
    advisorId: advisor.id,
    label: parsed.data || "API key",
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.accounts.addKey(slug, entry);
  await logEvent(deps, slug, { actor: advisor.email, action: "key-created", detail: `${entry.label} (${entry.id})` });
  return { ok: true, value: { key, entry } };
}

/** Revokes a key: an advisor their own, the owner anyone's. False if there is no such key they may revoke. */
export async function revokeAdvisorKey(
  deps: Pick<AccountDeps, "accounts" | "clock">,
  slug: string,
  actor: Advisor,
  keyId: string,
): Promise<boolean> {
  const key = (await deps.accounts.team(slug)).keys.find((k) => k.id === keyId);
  if (!key || (key.advisorId !== actor.id && actor.role !== "owner")) return false;
  await deps.accounts.deleteKey(slug, key);
  await logEvent(deps, slug, { actor: actor.email, action: "key-revoked", detail: `${key.label} (${key.id})` });
  return true;
}

/** The owner revokes the shared key of before advisor accounts (every one the centre still has). */
export async function revokeSharedKey(
  deps: Pick<AccountDeps, "accounts" | "centres" | "clock">,
  slug: string,
  owner: Advisor,
) {
  ownerOnly(owner);
  const centre = await deps.centres.getCentre(slug);
  if (!centre || centre.keyHashes.length === 0) return false;
  for (const hash of centre.keyHashes) await deps.centres.deleteKey(hash);
  await deps.centres.saveCentre({ ...centre, keyHashes: [], updatedAt: deps.clock.now().toISOString() });
  await logEvent(deps, slug, { actor: owner.email, action: "shared-key-revoked" });
  return true;
}

/**
 * Who a request's `Authorization: Bearer <key>` acts as at this centre: an advisor by
 * their personal key (its last use recorded), or the shared key while the owner has not
 * revoked it; undefined whether the key is malformed, unknown, revoked, of a removed
 * advisor, of another centre, or the centre does not exist (all answered alike).
 */
export async function authenticateBearer(
  deps: Pick<AccountDeps, "accounts" | "centres" | "clock">,
  slug: string,
  authorization: string | undefined,
): Promise<Actor | undefined> {
  const key = /^Bearer (\S+)$/i.exec(authorization?.trim() ?? "")?.[1];
  if (!key || !ADMIN_KEY_PATTERN.test(key)) return undefined;
  const hash = hashAdminKey(key);
  const personal = await deps.accounts.findKey(hash);
  if (personal) {
    if (personal.slug !== slug) return undefined;
    const team = await deps.accounts.team(slug);
    const entry = team.keys.find((k) => k.id === personal.keyId && k.hash === hash);
    const advisor = entry && team.advisors.find((a) => a.id === entry.advisorId);
    if (!entry || !advisor) return undefined;
    const now = deps.clock.now();
    if (!entry.lastUsedAt || now.getTime() - Date.parse(entry.lastUsedAt) >= KEY_USE_RESOLUTION_MS) {
      await deps.accounts.touchKey(slug, entry.id, now);
    }
    return { kind: "advisor", advisor, keyId: entry.id };
  }
  if ((await deps.centres.findKey(hash)) !== slug) return undefined;
  const centre = await deps.centres.getCentre(slug);
  return centre?.keyHashes.includes(hash) ? { kind: "shared", keyId: keyIdOf(hash) } : undefined;
}

/** The centre's log of the last year, newest first (the owner's page). */
export function centreLog(deps: Pick<AccountDeps, "accounts" | "clock">, slug: string) {
  const now = deps.clock.now();
  return deps.accounts.events(slug, new Date(now.getTime() - CENTRE_LOG_DAYS * 86_400_000), now);
}

/** The centre's owner, made with the centre (`pnpm centre create`). */
export function ownerOf(email: string, name: string, at: Date): Advisor {
  return { id: advisorIdOf(email), email, name, role: "owner", addedAt: at.toISOString() };
}

/** Revokes every key of the owner and issues a new one (`pnpm centre rotate-key`). */
export async function rotateOwnerKey(deps: Pick<AccountDeps, "accounts" | "clock">, slug: string) {
  const team = await deps.accounts.team(slug);
  const owner = team.advisors.find((a) => a.role === "owner");
  if (!owner) throw new NotAllowedError(`Centre "${slug}" has no owner`);
  for (const key of team.keys.filter((k) => k.advisorId === owner.id)) {
    await deps.accounts.deleteKey(slug, key);
    await logEvent(deps, slug, { actor: owner.email, action: "key-revoked", detail: `${key.label} (${key.id})` });
  }
  const issued = await issueAdvisorKey(deps, slug, owner, "Made by pnpm centre");
  if (!issued.ok) throw new Error("The owner's key could not be made");
  return issued.value.key;
}
