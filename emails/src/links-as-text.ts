import LinkifyIt from "linkify-it";
import tlds from "tlds";

// What mail clients turn into links: URLs, and bare domains on any delegated top-level domain (attackers
// favour the new ones), so the full list rather than linkify-it's few defaults.
const linkify = new LinkifyIt().tlds(tlds, true);

/**
 * `text` with every web address and domain a mail client would make clickable written so that none is:
 * the scheme dropped and each dot as "[.]" (`https://example.com/work` → `example[.]com/work`). Email
 * addresses are kept as they are (a client makes them `mailto:`, which only opens a new message).
 */
export function linksAsText(text: string): string {
  let out = "";
  let at = 0;
  for (const match of linkify.match(text) ?? []) {
    if (match.schema === "mailto:") continue;
    out += text.slice(at, match.index) + match.raw.replace(/^[a-z][a-z0-9+.-]*:\/\/|^\/\//i, "").replaceAll(".", "[.]");
    at = match.lastIndex;
  }
  return out + text.slice(at);
}

/** Whether `text` holds anything a mail client would make a web link (what linksAsText leaves none of). */
export function hasWebLink(text: string): boolean {
  return (linkify.match(text) ?? []).some((m) => m.schema !== "mailto:");
}
