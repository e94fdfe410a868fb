import { describe, expect, it } from "vitest";
import { composeNudge, nudgeVariant } from "./nudge";
import { personaDebrief } from "./personas";

describe("the next-day nudge", () => {
  it("depends on the state: reminder, sent, or nothing", () => {
    expect(nudgeVariant(personaDebrief("amira"))).toBe("reminder");
    expect(nudgeVariant(personaDebrief("amira", { letterSentAt: "2026-11-24T19:00:00Z" }))).toBe("sent");
    expect(nudgeVariant(personaDebrief("amira", { stoppedAt: "2026-11-24T19:00:00Z" }))).toBe("none");
    expect(nudgeVariant(personaDebrief("amira", { secondInterviewAt: "2026-11-24T19:00:00Z" }))).toBe("none");
    // Deleted: nothing is left to nudge about.
    expect(nudgeVariant(undefined)).toBe("none");
  });

  it("while unsent, is a short reminder with the recommended window in the interviewer's hours", () => {
    const n = composeNudge(personaDebrief("ben"));
    expect(n.variant).toBe("reminder");
    expect(n.subject).toBe("Did you send your follow-up to Harbor Health?");
    // Scheduled for 08:00 UTC on Wednesday = 03:00 in New York, after the letter's Tuesday-evening window:
    // the next one is Wednesday morning there (not its evening: Wednesday is not the interview's day).
    expect(n.window).toMatchObject({ start: "2026-11-25T14:00:00.000Z", timeZone: "America/New_York" });
    expect(n.paragraphs.join(" ")).toContain(
      "The best time to send it: Wednesday 25 November, 09:00–11:00 (New York time), which is 08:00–10:00 (your time).",
    );
  });

  it("once sent, says to follow up one or two business days after the decision date", () => {
    const n = composeNudge(personaDebrief("ben", { letterSentAt: "2026-11-24T22:00:00Z" }));
    expect(n.variant).toBe("sent");
    expect(n.window).toBeUndefined();
    const text = n.paragraphs.join(" ");
    expect(text).toContain("decide by Friday 4 December");
    expect(text).toContain("Monday 7 December or Tuesday 8 December");
    expect(text).toMatch(/at most twice/);
  });

  it("once sent without a decision date, says five to seven business days", () => {
    // Sent Tuesday 24 Nov (Berlin) → Tuesday 1 to Thursday 3 December.
    const n = composeNudge(personaDebrief("amira", { letterSentAt: "2026-11-24T19:00:00Z" }));
    expect(n.paragraphs.join(" ")).toContain("between Tuesday 1 December and Thursday 3 December");
    expect(n.paragraphs.join(" ")).toMatch(/at most twice/);
  });
});
