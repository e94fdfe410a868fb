import { personaDebrief } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import { EmailsSection, emailStatus, emailStatuses } from "./emails-section";

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

  it("never says Sending once SES took the letter: its Send event on the claim reads as sent, before the step records it", () => {
    const proven = { addressProvenAt: "x" };
    const now = new Date("2026-11-24T18:00:05Z");
    const claimed = { claimedAt: "2026-11-24T18:00:00.000Z", claim: "c1" };
    const accepted = {
      ...claimed,
      confirmed: { messageId: "m", event: "Send" as const, at: "2026-11-24T18:00:01.000Z" },
    };
    expect(emailStatus(personaDebrief("amira", { ...proven, sends: { letter: claimed } }), "letter", now)).toBe(
      "Sending",
    );
    expect(emailStatus(personaDebrief("amira", { ...proven, sends: { letter: accepted } }), "letter", now)).toBe(
      "Sent",
    );
  });

  it("says which statuses may still change by themselves, for the page's script to poll", () => {
    const fresh = emailStatuses(personaDebrief("amira"), BEFORE);
    expect(fresh.pending).toBe(true);
    expect(fresh.emails.map((e) => [e.kind, e.label, e.status, e.pending])).toEqual([
      ["letter", "Drafted letter", "Being prepared", true],
      ["nudge", "Reminder", expect.stringMatching(/^Scheduled for /), false],
      ["tips", "Second-interview tips", expect.stringMatching(/^Scheduled for /), false],
    ]);
    const done = emailStatuses(personaDebrief("amira", { sends: { letter: sent } }), BEFORE);
    expect(done.pending).toBe(false);
    // The page names the route only while something is pending, and offers the link that reloads it.
    const html = (d = personaDebrief("amira")) => String(<EmailsSection debrief={d} base="/d/t" now={BEFORE} />);
    expect(html()).toContain('data-status-url="/d/t/status.json"');
    expect(html()).toContain('id="refresh-statuses"');
    expect(html(personaDebrief("amira", { sends: { letter: sent } }))).not.toMatch(/data-status-url|refresh-statuses/);
  });
});
