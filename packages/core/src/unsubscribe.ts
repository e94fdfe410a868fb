import type { SendKind } from "./debrief/model";

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
