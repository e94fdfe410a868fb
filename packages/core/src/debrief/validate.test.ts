import { describe, expect, it } from "vitest";
import { formToDebriefRequest } from "./form";
import type { DebriefRequest } from "./schema";
import { isTimeZone } from "./schema";
import { validateDebrief } from "./validate";

const now = new Date("2026-11-25T12:00:00Z");
const valid: DebriefRequest = {
  candidate: { name: "Amira Haddad", email: "amira@example.com", timeZone: "Europe/Berlin" },
  interview: {
    company: "Northwind",
    role: "Analyst",
    date: "2026-11-24",
    format: "video",
    interviewer: { name: "Jonas Weber" },
  },
  whatHappened: ["nerves"],
  consent: true,
};

describe("validateDebrief", () => {
  it("accepts the required fields and fills the defaults", () => {
    const v = validateDebrief(valid, now);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.value.tone).toBe("warm");
    expect(v.value.questions).toEqual([]);
    expect(v.value.samples).toEqual([]);
  });

  it("accepts a question instead of a situation", () => {
    const v = validateDebrief(
      { ...valid, whatHappened: [], questions: [{ question: "Why us?", betterAnswer: "Because." }] },
      now,
    );
    expect(v.ok).toBe(true);
  });

  it.each([
    ["candidate.email", { ...valid, candidate: { ...valid.candidate, email: "a@" } }],
    ["candidate.timeZone", { ...valid, candidate: { ...valid.candidate, timeZone: "+02:00" } }],
    ["interview.format", { ...valid, interview: { ...valid.interview, format: "carrier-pigeon" } }],
    ["interview.time", { ...valid, interview: { ...valid.interview, time: "25:00" } }],
    ["interview.date", { ...valid, interview: { ...valid.interview, date: "2026-11-27" } }],
    ["consent", { ...valid, consent: "yes" }],
    ["whatHappened", { ...valid, whatHappened: ["nerves", "nerves"] }],
    ["candidate.name", { ...valid, candidate: { ...valid.candidate, name: "Amira\r\nBcc: x@example.com" } }],
    ["samples.0.url", { ...valid, samples: [{ title: "x", url: "ftp://example.com/a" }] }],
    ["interview.company", { ...valid, interview: { ...valid.interview, company: "x".repeat(121) } }],
    ["skills", { ...valid, skills: Array.from({ length: 11 }, (_, i) => `skill ${i}`) }],
  ])("names %s when it is wrong", (field, body) => {
    const v = validateDebrief(body, now);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(Object.keys(v.errors)).toContain(field);
  });

  it("allows an interview dated today in any time zone (up to a day ahead of UTC)", () => {
    expect(validateDebrief({ ...valid, interview: { ...valid.interview, date: "2026-11-26" } }, now).ok).toBe(true);
  });

  it("reports unknown fields by name", () => {
    const v = validateDebrief({ ...valid, isAdmin: true }, now);
    expect(v.ok ? {} : v.errors).toEqual({ isAdmin: "Unknown field" });
  });
});

describe("isTimeZone", () => {
  it("accepts IANA names and refuses the rest", () => {
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("+02:00")).toBe(false);
  });
});

describe("formToDebriefRequest", () => {
  it("maps the form's flat fields onto the API's shape and drops empty groups", () => {
    const req = formToDebriefRequest({
      "candidate.name": "Amira",
      "candidate.email": "amira@example.com",
      "candidate.timeZone": "UTC",
      "interview.company": "Northwind",
      "interview.role": "Analyst",
      "interview.date": "2026-11-24",
      "interview.format": "phone",
      "interview.stage": "",
      "interview.interviewer.name": "Jonas",
      "interview.interviewer.email": "",
      whatHappened: ["nerves", "bad_call"],
      "questions.0.question": "Why us?",
      "questions.0.betterAnswer": "Because.",
      "questions.1.question": "",
      skills: "SQL\r\n\r\n dashboards \n",
      "samples.0.title": "Dashboard",
      "samples.0.url": "https://example.com",
      tone: "formal",
      consent: "on",
    });
    expect(req.interview.stage).toBeUndefined();
    expect(req.interview.interviewer.email).toBeUndefined();
    expect(req.whatHappened).toEqual(["nerves", "bad_call"]);
    expect(req.questions).toEqual([{ question: "Why us?", betterAnswer: "Because." }]);
    expect(req.skills).toEqual(["SQL", "dashboards"]);
    expect(req.samples).toEqual([{ title: "Dashboard", url: "https://example.com" }]);
    expect(req.consent).toBe(true);
    expect(validateDebrief(req, now).ok).toBe(true);
  });

  it("leaves consent absent when the box is not ticked, so validation names it", () => {
    const v = validateDebrief(formToDebriefRequest({ "candidate.name": "A" }), now);
    expect(v.ok ? {} : v.errors).toHaveProperty("consent");
  });
});

describe("the optional fields of the letter", () => {
  it("accepts a challenge as a string or as { text, skill }, the salutation and the length", () => {
    const v = validateDebrief(
      {
        ...valid,
        interview: {
          ...valid.interview,
          interviewer: { name: "Jonas Weber", salutation: "Mr Weber", courtesyTitle: "mr" },
        },
        challenges: ["Late deliveries", { text: "Nobody trusts the numbers", skill: "SQL" }, { text: "Reports" }],
        whatHappened: ["left_early"],
        length: "short",
      },
      now,
    );
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.value.challenges).toEqual([
      "Late deliveries",
      { text: "Nobody trusts the numbers", skill: "SQL" },
      { text: "Reports" },
    ]);
    expect(v.value.length).toBe("short");
    expect(v.value.interview.interviewer.salutation).toBe("Mr Weber");
    expect(v.value.interview.interviewer.courtesyTitle).toBe("mr");
  });

  it.each([
    ["challenges.0.text", { ...valid, challenges: [{ text: "x".repeat(301) }] }],
    ["challenges.0.skill", { ...valid, challenges: [{ text: "x", skill: "y".repeat(81) }] }],
    ["challenges.0.text", { ...valid, challenges: [{ skill: "SQL" }] }],
    ["challenges.0", { ...valid, challenges: ["x".repeat(301)] }],
    ["challenges.0.who", { ...valid, challenges: [{ text: "x", who: "y" }] }],
    ["length", { ...valid, length: "long" }],
    [
      "interview.interviewer.courtesyTitle",
      { ...valid, interview: { ...valid.interview, interviewer: { name: "A", courtesyTitle: "Mrs." } } },
    ],
    [
      "interview.interviewer.salutation",
      { ...valid, interview: { ...valid.interview, interviewer: { name: "A", salutation: "Dear A\nBcc: x" } } },
    ],
  ])("names %s when it is wrong", (field, body) => {
    const v = validateDebrief(body, now);
    expect(v.ok ? {} : v.errors).toHaveProperty([field]);
  });

  it("maps challenge rows with a skill beside each, the older one-per-line box, the salutation and the length", () => {
    const req = formToDebriefRequest({
      "challenges.0.text": "Late deliveries",
      "challenges.0.skill": "route planning",
      "challenges.1.text": "Nobody trusts the numbers",
      "challenges.1.skill": "",
      "challenges.2.text": "",
      "challenges.2.skill": "SQL",
      challenges: "Reports take weeks\n",
      "interview.interviewer.salutation": " Dr. Weber ",
      "interview.interviewer.courtesyTitle": "mx",
      length: "short",
    });
    expect(req.challenges).toEqual([
      { text: "Late deliveries", skill: "route planning" },
      "Nobody trusts the numbers",
      { text: "", skill: "SQL" },
      "Reports take weeks",
    ]);
    expect(req.interview.interviewer.salutation).toBe("Dr. Weber");
    expect(req.interview.interviewer.courtesyTitle).toBe("mx");
    expect(req.length).toBe("short");
    const blank = formToDebriefRequest({ length: "", "interview.interviewer.courtesyTitle": "" });
    expect(blank.interview.interviewer.courtesyTitle).toBeUndefined();
    expect(blank.length).toBeUndefined();
    expect(blank.challenges).toEqual([]);
  });
});
