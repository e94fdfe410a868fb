/** The candidate's links: the debrief and purpose behind a token, and the links each email carries. */
import type { Debrief, SendKind } from "../debrief/model";
import { linkPath } from "../link-paths";
import { CANDIDATE_ACTIONS, type CandidateAction, type EmailLinks } from "../ports";
import { deriveToken, hashToken, type LinkKind, type LinkPurpose, tokenDebriefId, verifyToken } from "../tokens";
import type { CandidateDeps } from "./deps";

/**
 * The debrief behind a link token of one of `kinds`, with what the token may do; undefined
 * for a malformed, unknown, expired or erased one, and for a token of another kind. A token
 * stored as an item (ports.ts StoredTokens) is a page token (or an action token, see actions.ts).
 */
export async function debriefForLink(
  token: string,
  kinds: readonly LinkKind[],
  deps: Pick<CandidateDeps, "store" | "clock">,
): Promise<{ debrief: Debrief; purpose: LinkPurpose } | undefined> {
  const id = tokenDebriefId(token);
  if (!id) return undefined;
  const now = deps.clock.now();
  const named = await deps.store.get(id, now);
  const purpose = named && verifyToken(token, named);
  if (named && purpose) return kinds.includes(purpose.kind) ? { debrief: named, purpose } : undefined;
  if (!kinds.includes("page")) return undefined;
  const stored = await deps.store.storedTokens.findPageToken(hashToken(token), now);
  const debrief = stored ? await deps.store.get(stored, now) : undefined;
  return debrief ? { debrief, purpose: { kind: "page" } } : undefined;
}

/** The debrief behind a page token; undefined for a malformed, unknown, expired or erased one. */
export async function debriefForPageToken(
  token: string,
  deps: Pick<CandidateDeps, "store" | "clock">,
): Promise<Debrief | undefined> {
  return (await debriefForLink(token, ["page"], deps))?.debrief;
}

/** Which one-use links an email carries: "I sent it" only while the letter is unsent, snooze only before the tips. */
export function emailActions(kind: string, d: Pick<Debrief, "letterSentAt">): CandidateAction[] {
  if (kind !== "letter" && kind !== "nudge") return ["stop", "delete"];
  return CANDIDATE_ACTIONS.filter((a) => a !== "sent" || !d.letterSentAt);
}

/** The candidate's page link: the same for every email and every replay of the submission. */
export function pageUrl(d: Pick<Debrief, "id" | "linkKey">, publicUrl: string): string {
  if (!d.linkKey) throw new Error("The debrief has no link key");
  return `${publicUrl}${linkPath("page", deriveToken(d.id, d.linkKey, { kind: "page" }))}`;
}

/**
 * The links of one email, derived from the debrief's link key (nothing is written): its page,
 * its one-use buttons, the unsubscribe link of its List-Unsubscribe header and its
 * "this wasn't me" link, each able to do only what it is for.
 */
export function emailLinks(kind: SendKind, d: Pick<Debrief, "id" | "linkKey" | "letterSentAt">, publicUrl: string) {
  if (!d.linkKey) throw new Error("The debrief has no link key");
  const token = (purpose: LinkPurpose) => deriveToken(d.id, d.linkKey as string, purpose);
  const actions: EmailLinks["actions"] = {};
  for (const action of emailActions(kind, d)) {
    actions[action] = `${publicUrl}${linkPath("action", token({ kind: "action", email: kind, action }))}`;
  }
  return {
    page: pageUrl(d, publicUrl),
    actions,
    unsubscribe: `${publicUrl}${linkPath("unsubscribe", token({ kind: "unsubscribe" }))}`,
    notMe: `${publicUrl}${linkPath("not-me", token({ kind: "not-me" }))}`,
  } satisfies EmailLinks;
}
