import { type CandidateDeps, debriefForPageToken } from "./candidate";
import type { Debrief, SendKind } from "./debrief/model";
import { hashToken } from "./tokens";

// Unsubscribe and "this wasn't me" reuse the email's page token (not a one-use action
// token): they must keep working however often a mail provider or a person uses them.
const PAGE_PATH = /\/d\/([A-Za-z0-9_-]{43})$/;

/** The one-click unsubscribe link that goes with an email's page link. */
export function unsubscribeUrl(pageUrl: string): string | undefined {
  return PAGE_PATH.test(pageUrl) ? pageUrl.replace(PAGE_PATH, "/u/$1") : undefined;
}

/** The "this wasn't me" link that goes with an email's page link (in every email). */
export function notMeUrl(pageUrl: string): string | undefined {
  return PAGE_PATH.test(pageUrl) ? pageUrl.replace(PAGE_PATH, "/not-me/$1") : undefined;
}

/**
 * RFC 8058 one-click unsubscribe headers: on every email but the letter (which the
 * candidate asked for by submitting). The mail provider POSTs
 * `List-Unsubscribe=One-Click` to the URL, which stops the debrief's emails at once.
 */
export function listUnsubscribeHeaders(kind: SendKind, pageUrl: string): Record<string, string> | undefined {
  const url = unsubscribeUrl(pageUrl);
  if (kind === "letter" || !url) return undefined;
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/**
 * The debrief behind a "this wasn't me" link, which only an email may carry: the page token
 * handed to whoever submitted (the API's `page`, the form's redirect: the first token the
 * debrief lists) is refused, since the submitter has not shown the address is theirs.
 * Limit (issue 14, finding 3): a token handed to an idempotent replay is still a page token
 * and still accepted, until "not me"-only tokens are minted into the emails (issue 15).
 */
export async function debriefForNotMeToken(
  token: string,
  deps: Pick<CandidateDeps, "store" | "clock">,
): Promise<Debrief | undefined> {
  const debrief = await debriefForPageToken(token, deps);
  if (!debrief || debrief.tokenHashes[0] === hashToken(token)) return undefined;
  return debrief;
}
