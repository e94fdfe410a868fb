import { describe, expect, it } from "vitest";
import {
  deriveToken,
  type LinkPurpose,
  newLinkKey,
  purposeCode,
  TOKEN_PATTERN,
  tokenDebriefId,
  verifyToken,
} from "./tokens";

const id = "3f2b8c1e-9a4d-4e7f-8b1a-0c2d3e4f5a6b";
const linkKey = newLinkKey();
const purposes: LinkPurpose[] = [
  { kind: "page" },
  { kind: "unsubscribe" },
  { kind: "not-me" },
  { kind: "action", email: "letter", action: "sent" },
  { kind: "action", email: "nudge", action: "snooze" },
  { kind: "action", email: "checkin14", action: "delete" },
];

describe("link tokens derived from a debrief's key", () => {
  it("are page-token shaped, name their debrief, and verify to their purpose", () => {
    for (const purpose of purposes) {
      const token = deriveToken(id, linkKey, purpose);
      expect(token).toMatch(TOKEN_PATTERN);
      expect(tokenDebriefId(token)).toBe(id);
      expect(verifyToken(token, { id, linkKey })).toEqual(purpose);
    }
  });

  it("are the same every time for one purpose, and different across purposes", () => {
    expect(deriveToken(id, linkKey, { kind: "page" })).toBe(deriveToken(id, linkKey, { kind: "page" }));
    const tokens = purposes.map((p) => deriveToken(id, linkKey, p));
    expect(new Set(tokens).size).toBe(purposes.length);
    expect(new Set(purposes.map(purposeCode)).size).toBe(purposes.length);
  });

  it("do not verify under another key, for another debrief, with a changed purpose or without a key", () => {
    const token = deriveToken(id, linkKey, { kind: "unsubscribe" });
    expect(verifyToken(token, { id, linkKey: newLinkKey() })).toBeUndefined();
    expect(verifyToken(token, { id: "3f2b8c1e-9a4d-4e7f-8b1a-0c2d3e4f5a6c", linkKey })).toBeUndefined();
    expect(verifyToken(token, { id })).toBeUndefined();
    // The purpose byte turned from "unsubscribe" into "page": the MAC no longer matches.
    const bytes = Buffer.from(token, "base64url");
    bytes[16] = purposeCode({ kind: "page" });
    expect(verifyToken(bytes.toString("base64url"), { id, linkKey })).toBeUndefined();
  });

  it("have one spelling: the last character's two unused bits changed is not the token", () => {
    const token = deriveToken(id, linkKey, { kind: "page" });
    const last = token.at(-1) ?? "A";
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const sibling = token.slice(0, -1) + alphabet[alphabet.indexOf(last) ^ 1];
    expect(Buffer.from(sibling, "base64url")).toEqual(Buffer.from(token, "base64url"));
    expect(verifyToken(sibling, { id, linkKey })).toBeUndefined();
  });

  it("refuse anything that is not token shaped", () => {
    expect(tokenDebriefId("short")).toBeUndefined();
    expect(verifyToken("x".repeat(44), { id, linkKey })).toBeUndefined();
  });
});
