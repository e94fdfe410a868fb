import { personaDebrief } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import { composeNudge, nudgeVariant } from "./nudge";
import { sendWindow } from "./timing";

describe("the reminder", () => {
  it("depends on the state: reminder, sent, or nothing", () => {
    expect(nudgeVariant(personaDebrief("amira"))).toBe("reminder");
    expect(nudgeVariant(personaDebrief("amira", { letterSentAt: "2026-11-24T19:00:00Z" }))).toBe("sent");
    expect(nudgeVariant(personaDebrief("amira", { stoppedAt: "2026-11-24T19:00:00Z" }))).toBe("none");
    expect(nudgeVariant(personaDebrief("amira", { secondInterviewAt: "2026-11-24T19:00:00Z" }))).toBe("none");
    // Deleted: nothing is left to nudge about.
    expect(nudgeVariant(undefined)).toBe("none");
  });

  it("while unsent, says the letter email's window has passed and gives the next, in the interviewer's hours", () => {
    const d = personaDebrief("ben");
    const n = composeNudge(d);
    expect(n.variant).toBe("reminder");
    expect(n.subject).toBe("Did you send your follow-up to Harbor Health?");
    // Scheduled for 08:00 UTC on Wednesday = 03:00 in New York, after the letter's Tuesday-evening window:
    // the next one is Wednesday morning there (not its evening: Wednesday is not the interview's day).
    expect(n.window).toMatchObject({ start: "2026-11-25T14:00:00.000Z", timeZone: "America/New_York" });
    const letterWindow = sendWindow(d.input, new Date(d.createdAt));
    expect(n.passed).toEqual(letterWindow);
    expect(n.paragraphs.join(" ")).toContain(
      `The time your letter email suggested, ${letterWindow.label}, which is ${letterWindow.candidateLabel}, has passed. The next good time to send it: Wednesday 25 November, 09:00–11:00 (New York time), which is 08:00–10:00 (your time).`,
    );
  });

  it("while unsent and the letter email's window is open or ahead, names that same window and nothing passed", () => {
    // Interview at 17:00 Berlin on Tuesday: the letter said Wednesday 09:00–11:00; the reminder at 09:00 Wednesday.
    const base = personaDebrief("amira");
    const input = { ...base.input, interview: { ...base.input.interview, date: "2026-11-24", time: "17:00" } };
    const d = {
      ...base,
      input,
      createdAt: "2026-11-24T17:00:00Z",
      schedule: { ...base.schedule, nudgeAt: "2026-11-25T08:00:00Z" },
    };
    const n = composeNudge(d);
    expect(n.window).toEqual(sendWindow(input, new Date(d.createdAt)));
    expect(n.passed).toBeUndefined();
    expect(n.paragraphs.join(" ")).toContain("Now is a good time to send it: Wednesday 25 November, 09:00–11:00");
    expect(n.paragraphs.join(" ")).not.toMatch(/has passed/);
  });

  it("names the interviewer, the role and the company as tidied, never as typed", () => {
    const base = personaDebrief("amira");
    const typed = {
      ...base,
      input: {
        ...base.input,
        interview: {
          ...base.input.interview,
          company: "northwind logistics",
          interviewer: { ...base.input.interview.interviewer, name: "jonas weber" },
        },
      },
    };
    for (const d of [typed, { ...typed, letterSentAt: "2026-11-24T19:00:00Z" }]) {
      const n = composeNudge(d);
      const text = [n.subject, ...n.paragraphs].join(" ");
      expect(text).toContain("Northwind Logistics");
      expect(text).not.toMatch(/jonas weber|northwind logistics/);
    }
    // Named as the warm letter greets him.
    expect(composeNudge(typed).paragraphs[1]).toContain("Your draft to Jonas about");
  });

  it("greets the candidate by given name and names the interviewer as the letter does, without the letters after a name", () => {
    const base = personaDebrief("amira");
    const withLetters = (tone: "warm" | "formal", courtesyTitle?: "ms") => ({
      ...base,
      input: {
        ...base.input,
        tone,
        candidate: { ...base.input.candidate, name: "Priya Raman, RN, BSN" },
        interview: {
          ...base.input.interview,
          interviewer: { name: "Angela Whitfield, MSN, RN", ...(courtesyTitle ? { courtesyTitle } : {}) },
        },
      },
    });
    for (const sent of [undefined, "2026-11-24T19:00:00Z"]) {
      const warm = composeNudge({ ...withLetters("warm"), ...(sent ? { letterSentAt: sent } : {}) });
      expect(warm.paragraphs[0]).toBe("Hi Priya,");
      expect(warm.paragraphs[1]).toMatch(/^(?:Your draft to )?Angela\b(?! Whitfield)/);
      expect(warm.paragraphs.join(" ")).not.toMatch(/MSN|RN\b|BSN/);
    }
    expect(composeNudge(withLetters("formal", "ms")).paragraphs[1]).toContain("Your draft to Ms Whitfield about");
    expect(composeNudge(withLetters("formal")).paragraphs[1]).toContain("Your draft to Angela Whitfield about");
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
