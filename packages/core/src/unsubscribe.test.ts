import { describe, expect, it } from "vitest";
import { listUnsubscribeHeaders } from "./unsubscribe";

const url = `https://debrief.example/u/${"A".repeat(40)}_-9`;

describe("List-Unsubscribe", () => {
  it("puts RFC 8058 one-click headers on every email but the letter", () => {
    expect(listUnsubscribeHeaders("letter", url)).toBeUndefined();
    for (const kind of ["nudge", "tips", "checkin7"] as const) {
      expect(listUnsubscribeHeaders(kind, url)).toEqual({
        "List-Unsubscribe": `<${url}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      });
    }
  });

  it("is left out without an unsubscribe link", () => {
    expect(listUnsubscribeHeaders("nudge", undefined)).toBeUndefined();
  });
});
