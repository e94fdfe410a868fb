import type { Draft } from "./draft";
import { oneLine } from "./text";

/** Mail clients cut longer bodies from a mailto: link (about 1,500 characters is safe across clients). */
export const MAILTO_BODY_LIMIT = 1500;

export type Mailto = { href: string; full: boolean };

/** What the mailto: link carries when the letter is too long: a pointer to the .eml, for the candidate to replace. */
export function shortMailtoBody(draft: Draft): string {
  const greeting = draft.body.split("\n")[0] ?? "";
  return `${greeting}\n\n[Your full letter is too long for this link. Open the .eml file from your email or your page instead, or paste the letter here.]\n`;
}

// RFC 6068: encode everything outside the unreserved set; line breaks are CRLF.
const encode = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, "\r\n"));

/**
 * A mailto: link that opens the letter in the candidate's own mail program,
 * addressed to the interviewer when an address was given. Bodies over the limit
 * are replaced by a short note pointing to the .eml download.
 */
export function mailtoLink(draft: Draft, to?: string): Mailto {
  const full = draft.body.length <= MAILTO_BODY_LIMIT;
  const body = full ? draft.body : shortMailtoBody(draft);
  const address = to ? encodeURIComponent(to).replace(/%40/g, "@") : "";
  return { href: `mailto:${address}?subject=${encode(oneLine(draft.subject))}&body=${encode(body)}`, full };
}
