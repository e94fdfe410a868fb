import { describe, expect, it } from "vitest";
import { checkFormTicket, issueFormTicket } from "./form-ticket";

const SECRET = "a-secret-of-at-least-thirty-two-characters";
const policy = { minFillSeconds: 3, maxAgeSeconds: 3600 };
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s));

describe("form tickets", () => {
  it("accepts a ticket sent after the minimum fill time and returns its nonce", () => {
    const ticket = issueFormTicket(SECRET, at(0));
    const check = checkFormTicket(ticket, SECRET, at(10), policy);
    expect(check).toEqual({ ok: true, nonce: ticket.split(".")[0] });
  });

  it("refuses a form sent faster than a person can fill it", () => {
    expect(checkFormTicket(issueFormTicket(SECRET, at(0)), SECRET, at(1), policy)).toEqual({
      ok: false,
      reason: "too-fast",
    });
  });

  it("refuses a ticket older than the maximum age", () => {
    const check = checkFormTicket(issueFormTicket(SECRET, at(0)), SECRET, new Date(at(0).getTime() + 3601_000), policy);
    expect(check).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a missing, malformed, forged or back-dated ticket", () => {
    const ticket = issueFormTicket(SECRET, at(30));
    const [nonce, issued, mac] = ticket.split(".");
    expect(checkFormTicket(undefined, SECRET, at(40), policy).ok).toBe(false);
    expect(checkFormTicket("garbage", SECRET, at(40), policy)).toEqual({ ok: false, reason: "invalid" });
    expect(
      checkFormTicket(issueFormTicket("another-secret-of-thirty-two-chars!!", at(0)), SECRET, at(40), policy),
    ).toEqual({ ok: false, reason: "invalid" });
    // Moving the issue time back to beat the minimum fill time breaks the signature.
    expect(checkFormTicket(`${nonce}.${Number(issued) - 60}.${mac}`, SECRET, at(31), policy)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("gives every rendered form its own nonce", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => issueFormTicket(SECRET, at(0)).split(".")[0]));
    expect(nonces.size).toBe(50);
  });
});
