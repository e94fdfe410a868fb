import { describe, expect, it } from "vitest";
import { LINK_PREFIXES, linkPath, linkRoute } from "./link-paths";

describe("link paths", () => {
  it("put each kind of link under its own prefix, none the start of another", () => {
    expect(linkPath("page", "t0k")).toBe("/d/t0k");
    expect(linkPath("action", "t0k")).toBe("/a/t0k");
    expect(linkPath("unsubscribe", "t0k")).toBe("/u/t0k");
    expect(linkPath("not-me", "t0k")).toBe("/not-me/t0k");
    const prefixes = Object.values(LINK_PREFIXES).map((p) => `${p}/`);
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });

  it("write what follows the token, and the router's pattern", () => {
    expect(linkPath("page", "t0k", "checkin", "checkin7", "offer")).toBe("/d/t0k/checkin/checkin7/offer");
    expect(linkRoute("not-me")).toBe("/not-me/:token");
  });
});
