import tlds from "tlds";

/** Every delegated top-level domain: mail clients link a bare domain on any of them (attackers favour new ones). */
const TOP_LEVEL_DOMAINS = new Set(tlds);

/**
 * A URL with a scheme, which clients link whatever its host: the scheme and the rest up to white space,
 * without the punctuation that ends the sentence around it ("…at https://example.com/work.").
 */
const WITH_SCHEME = /\b(?:https?|ftp):\/\/([^\s<>"]*[^\s<>".,;:!?])/giu;
/**
 * A domain name (labels and a top-level domain), not part of an email address or a longer word. Clients link
 * it with or without a path; its dots are what makes it a link.
 */
const DOMAIN =
  /(?<![\p{L}\p{N}@._-])((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+([\p{L}\p{N}-]{2,63}))(?![\p{L}\p{N}@_-]|\.[\p{L}\p{N}])/gu;

const dotsAsText = (text: string) => text.replaceAll(".", "[.]");

/**
 * `text` with every web address and domain a mail client would make clickable written so that none is:
 * the scheme dropped and each dot as "[.]" (`https://example.com/work` → `example[.]com/work`). Email
 * addresses are kept as they are (a client makes them `mailto:`, which only opens a new message). One pass
 * of two regular expressions and a set lookup: the letter email runs it on every letter.
 */
export function linksAsText(text: string): string {
  return text
    .replace(WITH_SCHEME, (_, rest: string) => dotsAsText(rest))
    .replace(DOMAIN, (domain: string, _name: string, tld: string) =>
      TOP_LEVEL_DOMAINS.has(tld.toLowerCase()) ? dotsAsText(domain) : domain,
    );
}
