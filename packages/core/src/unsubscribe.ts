import { type CandidateDeps, debriefForLink } from "./candidate";
import type { Debrief, SendKind } from "./debrief/model";
import { hashToken, TOKEN_PATTERN } from "./tokens";

/**
 * RFC 8058 one-click unsubscribe headers: on every email but the letter (which the
 * candidate asked for by submitting). The mail provider POSTs
 * `List-Unsubscribe=One-Click` to the URL, which stops the debrief's emails at once. The
 * URL carries an unsubscribe-only token (mail providers and unsubscribe services see it),
 * never the page token.
 */
export function listUnsubscribeHeaders(kind: SendKind, unsubscribeUrl: string | undefined) {
  if (kind === "letter" || !unsubscribeUrl) return undefined;
  return { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/**
 * The debrief behind a "this wasn't me" link, which only an email carries: a not-me-only
 * token (tokens.ts), never a page token, so the submitter (who got the page link without
 * showing the address is theirs) cannot silence the address. Emails sent before 0.1.0 put a
 * stored page token in this link (ports.ts StoredTokens): one of those is honoured, unless it
 * is the page token handed to the submitter (the first the debrief lists).
 */
export async function debriefForNotMeToken(
  token: string,
  deps: Pick<CandidateDeps, "store" | "clock">,
): Promise<Debrief | undefined> {
  const derived = await debriefForLink(token, ["not-me"], deps);
  if (derived) return derived.debrief;
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const now = deps.clock.now();
  const hash = hashToken(token);
  const id = await deps.store.storedTokens.findPageToken(hash, now);
  const debrief = id ? await deps.store.get(id, now) : undefined;
  return debrief && debrief.tokenHashes[0] !== hash ? debrief : undefined;
}
