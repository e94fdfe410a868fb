import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasWebLink, linksAsText } from "./links-as-text";

describe("linksAsText", () => {
  it.each([
    [
      "Claim your refund now (https://refund-desk.example.com/claim?id=1)",
      "Claim your refund now (refund-desk[.]example[.]com/claim?id=1)",
    ],
    ["see www.example.org/x", "see www[.]example[.]org/x"],
    ["go to paypa1.xyz/login now", "go to paypa1[.]xyz/login now"],
    ["ftp://files.example.net/a", "files[.]example[.]net/a"],
    ["https://ok.example.com/redirect/evil.example.top/y", "ok[.]example[.]com/redirect/evil[.]example[.]top/y"],
  ])("writes the links of %j as text", (typed, shown) => {
    expect(linksAsText(typed)).toBe(shown);
    expect(hasWebLink(shown)).toBe(false);
  });

  it("keeps email addresses, abbreviations, versions and names that are no links", () => {
    for (const text of [
      "Dr. Lena Fischer, internship supervisor: lena.fischer@example.org",
      "e.g. Node.js 3.5, St. Louis, U.S. team, i.e. one.",
    ]) {
      expect(linksAsText(text)).toBe(text);
    }
  });

  it("leaves nothing a mail client would make a web link, whatever links a text holds", () => {
    const host = fc
      .array(fc.stringMatching(/^[a-z0-9]{1,10}$/), { minLength: 1, maxLength: 3 })
      .chain((labels) =>
        fc.constantFrom("com", "xyz", "top", "click", "de", "io").map((tld) => [...labels, tld].join(".")),
      );
    const link = fc
      .tuple(fc.constantFrom("https://", "http://", "www.", ""), host, fc.constantFrom("", "/a", "/b.html?c=d.e"))
      .map((p) => p.join(""));
    const words = fc.constantFrom("Thanks", "see", "my work", "(", ")", ":", "Claim your refund", "e.g.", "3.5");
    fc.assert(
      fc.property(fc.array(fc.oneof(link, words), { maxLength: 8 }), (parts) => {
        expect(hasWebLink(linksAsText(parts.join(" ")))).toBe(false);
      }),
    );
  });
});
