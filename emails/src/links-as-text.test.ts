import fc from "fast-check";
import LinkifyIt from "linkify-it";
import tlds from "tlds";
import { describe, expect, it } from "vitest";
import { linksAsText } from "./links-as-text";

/** The oracle: what a mail client would link, as linkify-it (markdown-it's linkifier) finds it, on every TLD. */
const linkify = new LinkifyIt().tlds(tlds, true);
const webLinks = (text: string) => (linkify.match(text) ?? []).filter((m) => m.schema !== "mailto:").map((m) => m.raw);

describe("linksAsText", () => {
  it.each([
    [
      "Claim your refund now (https://refund-desk.example.com/claim?id=1)",
      "Claim your refund now (refund-desk[.]example[.]com/claim?id=1)",
    ],
    ["see www.example.org/x.", "see www[.]example[.]org/x."],
    ["which you can find at https://example.com/work.", "which you can find at example[.]com/work."],
    ["go to paypa1.xyz/login now", "go to paypa1[.]xyz/login now"],
    ["ftp://files.example.net/a", "files[.]example[.]net/a"],
    ["https://ok.example.com/redirect/evil.example.top/y", "ok[.]example[.]com/redirect/evil[.]example[.]top/y"],
    ["HTTPS://SHOUT.EXAMPLE.COM", "SHOUT[.]EXAMPLE[.]COM"],
  ])("writes the links of %j as text", (typed, shown) => {
    expect(webLinks(typed)).not.toEqual([]);
    expect(linksAsText(typed)).toBe(shown);
    expect(webLinks(shown)).toEqual([]);
  });

  it("keeps email addresses, abbreviations, versions and names that are no links", () => {
    for (const text of [
      "Dr. Lena Fischer, internship supervisor: lena.fischer@example.org",
      "john.top@example.com",
      "e.g. Node.js 3.5, St. Louis, U.S. team, i.e. one.",
    ]) {
      expect(linksAsText(text)).toBe(text);
    }
  });

  it("leaves nothing a mail client would make a web link, whatever links a text holds", () => {
    const host = fc
      .array(fc.stringMatching(/^[a-z0-9]{1,10}$/), { minLength: 1, maxLength: 3 })
      .chain((labels) =>
        fc.constantFrom("com", "xyz", "top", "click", "de", "io", "org").map((tld) => [...labels, tld].join(".")),
      );
    const link = fc
      .tuple(fc.constantFrom("https://", "http://", "www.", ""), host, fc.constantFrom("", "/a", "/b.html?c=d.e", "."))
      .map((p) => p.join(""));
    const words = fc.constantFrom(
      "Thanks",
      "see",
      "my work",
      "(",
      ")",
      ":",
      "Claim your refund",
      "e.g.",
      "3.5",
      "a@b.org",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(link, words), { maxLength: 8 }), (parts) => {
        expect(webLinks(linksAsText(parts.join(" ")))).toEqual([]);
      }),
    );
  });
});
