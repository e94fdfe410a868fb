import { personaDebrief } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import { EmailsSection, emailStatus } from "./emails-section";

const sent = { claimedAt: "x", messageId: "m", sentAt: "x" };
const withheld = { claimedAt: "x", skipped: "suppressed" };
const BEFORE = new Date("2026-11-24T18:00:00Z");
const AFTER_ALL = new Date("2026-11-27T00:00:00Z");

describe("each email's status on the page", () => {
  it("reads alike for a sent and a withheld email until the address is proven", () => {
    const a = personaDebrief("amira", { sends: { letter: sent } });
    const b = personaDebrief("amira", { sends: { letter: withheld } });
    expect(emailStatus(a, "letter", BEFORE)).toBe(emailStatus(b, "letter", BEFORE));
    // A scheduled email that is due reads the same too: a bounce may have stopped its workflow.
    expect(emailStatus(a, "tips", AFTER_ALL)).toBe(emailStatus(a, "letter", BEFORE));
  });

  it("says which it was once the address is proven", () => {
    const proven = { addressProvenAt: "x" };
    expect(emailStatus(personaDebrief("amira", { ...proven, sends: { letter: sent } }), "letter", BEFORE)).toBe("Sent");
    expect(emailStatus(personaDebrief("amira", { ...proven, sends: { letter: withheld } }), "letter", BEFORE)).toMatch(
      /^Not sent: your address is on our do-not-send list/,
    );
    expect(emailStatus(personaDebrief("amira", proven), "tips", BEFORE)).toMatch(/^Scheduled for Thursday 26 November/);
  });

  it("offers only the buttons that still change something", () => {
    const html = (d = personaDebrief("amira")) => String(<EmailsSection debrief={d} base="/d/t" now={BEFORE} />);
    expect(html()).toContain('id="snooze"');
    const done = personaDebrief("amira", { letterSentAt: "x", stoppedAt: "x" });
    expect(html(done)).not.toMatch(/id="(mark-sent|snooze|stop-emails|second-interview)"/);
  });
});
