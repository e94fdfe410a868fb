import { PERSONAS } from "@debrief/testkit/personas";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { practiceIcs, practiceSession } from "./ics";

function parseEvent(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  const vevent = component.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  return new ICAL.Event(vevent);
}

describe("the practice session", () => {
  it("is at 18:00 on the candidate's clock, the same day when there is notice, else the next", () => {
    // Tips at 09:00 Berlin → 18:00 Berlin the same day.
    expect(practiceSession(PERSONAS.amira, new Date("2026-11-26T08:00:00Z"))).toMatchObject({
      start: "2026-11-26T17:00:00.000Z",
      end: "2026-11-26T18:00:00.000Z",
      timeZone: "Europe/Berlin",
    });
    // "Send the tips now" at 16:30 Berlin: less than two hours' notice, so tomorrow.
    expect(practiceSession(PERSONAS.amira, new Date("2026-11-26T15:30:00Z")).start).toBe("2026-11-27T17:00:00.000Z");
  });

  it("parses with ical.js into the event it promised", () => {
    const d = PERSONAS.kate;
    const session = practiceSession(d, new Date("2026-11-26T08:00:00Z"));
    const ics = practiceIcs(session, "debrief-1-practice@interview-debrief", new Date("2026-11-26T08:00:00Z"));
    const event = parseEvent(ics);
    expect(event.uid).toBe("debrief-1-practice@interview-debrief");
    expect(event.summary).toBe("Interview practice: Project Manager at Vltava Energy");
    expect(event.startDate.toJSDate().toISOString()).toBe(session.start);
    expect(event.endDate.toJSDate().toISOString()).toBe(session.end);
    expect(event.description).toBe(session.description);
    for (const q of d.questions) expect(event.description).toContain(q.question);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it("escapes commas, semicolons and non-ASCII text", () => {
    const d = PERSONAS.ines;
    const session = practiceSession(d, new Date("2026-11-26T08:00:00Z"));
    const event = parseEvent(practiceIcs({ ...session, summary: "A; b, c\\d" }, "u", new Date(0)));
    expect(event.summary).toBe("A; b, c\\d");
    expect(event.description).toContain("Société Générale Café");
  });
});
