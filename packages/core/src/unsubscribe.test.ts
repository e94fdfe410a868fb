import { describe, expect, it } from "vitest";
import { listUnsubscribeHeaders, notMeUrl, unsubscribeUrl } from "./unsubscribe";

const token = `${"A".repeat(40)}_-9`;
const page = `https://debrief.example/d/${token}`;

describe('unsubscribe and "this wasn\'t me" links', () => {
  it("reuse the email's page token on their own routes", () => {
    expect(unsubscribeUrl(page)).toBe(`https://debrief.example/u/${token}`);
    expect(notMeUrl(page)).toBe(`https://debrief.example/not-me/${token}`);
  });

  it("are not made from anything but a page link", () => {
    expect(notMeUrl("https://debrief.example/d/short")).toBeUndefined();
    expect(unsubscribeUrl(`https://debrief.example/a/${token}`)).toBeUndefined();
  });

  it("put RFC 8058 one-click headers on every email but the letter", () => {
    expect(listUnsubscribeHeaders("letter", page)).toBeUndefined();
    for (const kind of ["nudge", "tips"] as const) {
      expect(listUnsubscribeHeaders(kind, page)).toEqual({
        "List-Unsubscribe": `<https://debrief.example/u/${token}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      });
    }
  });
});
