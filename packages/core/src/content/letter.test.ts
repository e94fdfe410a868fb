import { describe, expect, it } from "vitest";
import type { DebriefInput, Tone } from "../debrief/schema";
import { challengeParts, TONES, WHAT_HAPPENED } from "../debrief/schema";
import {
  composeLetter,
  currentDraft,
  letterAsText,
  OFF_DAY_ON_BY_DEFAULT,
  offDaySentence,
  offDaySituation,
} from "./letter";
import { PERSONA_NAMES, PERSONAS } from "./personas";
import { clause, firstName } from "./text";

const amira = PERSONAS.amira;
const withInput = (base: DebriefInput, patch: Partial<DebriefInput>): DebriefInput => ({ ...base, ...patch });
const full = (d: DebriefInput) => {
  const l = composeLetter(d);
  return `${l.subject}\n\n${letterAsText(l)}`;
};

/** Every string the candidate typed, and the forms the letter derives from them. */
function debriefStrings(d: DebriefInput): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") out.push(v, clause(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  // Choices from fixed lists (what happened, tone, format) are not facts the candidate wrote.
  const { whatHappened: _w, tone: _t, offDay: _o, consent: _c, ...written } = d;
  walk({ ...written, interview: { ...written.interview, format: undefined, stage: undefined } });
  out.push(firstName(d.interview.interviewer.name));
  return [...new Set(out.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
}

/**
 * What the letter says that did not come from the debrief: numbers, addresses,
 * links and proper nouns (a capitalised word in mid-sentence) left once every
 * string from the debrief is taken out. The 60 of "first 60 days" is the product's.
 */
function newClaims(letter: string, d: DebriefInput): string[] {
  let rest = letter;
  for (const s of debriefStrings(d)) rest = rest.split(s).join(" ◊ ");
  rest = rest.replace(/first 60 days/g, "first ◊ days");
  const found: string[] = [];
  for (const m of rest.matchAll(/\d+/g)) found.push(m[0]);
  for (const m of rest.matchAll(/\S*(@|https?:\/\/)\S*/g)) found.push(m[0]);
  for (const m of rest.matchAll(/(?<=[a-z,;:] )[A-Z][\p{L}'-]*/gu)) if (m[0] !== "I") found.push(m[0]);
  return found;
}

describe("the persona fixtures", () => {
  it("cover every situation, every tone and format, and sparse and rich debriefs", () => {
    const all = PERSONA_NAMES.map((n) => PERSONAS[n]);
    expect(new Set(all.flatMap((p) => p.whatHappened))).toEqual(new Set(WHAT_HAPPENED));
    expect(new Set(all.map((p) => p.tone))).toEqual(new Set(TONES));
    expect(new Set(all.map((p) => p.interview.format))).toEqual(new Set(["phone", "video", "onsite"]));
    expect(all.length).toBeGreaterThanOrEqual(10);
    const size = (p: DebriefInput) => p.questions.length + p.challenges.length + p.samples.length + p.references.length;
    expect(all.some((p) => size(p) === 0)).toBe(true);
    expect(all.some((p) => size(p) >= 8 && p.plan.length > 0)).toBe(true);
  });
});

describe("no new claims", () => {
  it("finds an invented name, number, link or address (the check can fail)", () => {
    const letter = `${full(amira)}\nI led 12 people at Initech with Bob, see https://evil.example or mail x@y.z.`;
    expect(newClaims(letter, amira)).toEqual(expect.arrayContaining(["12", "Initech", "Bob", "https://evil.example"]));
  });

  for (const name of PERSONA_NAMES) {
    it(`${name}: every name, number and fact in the letter comes from the debrief, in every tone and off-day mode`, () => {
      for (const tone of TONES) {
        for (const offDay of ["auto", "mention", "omit"] as const) {
          const d = withInput(PERSONAS[name], { tone, offDay });
          expect(newClaims(full(d), d), `${tone}/${offDay}:\n${full(d)}`).toEqual([]);
        }
      }
    });
  }
});

describe("the facts the letter carries", () => {
  /** Debrief facts (lowercased) that appear in a letter. */
  const factsIn = (d: DebriefInput) => {
    // The greeting uses the first name or the whole name depending on the tone: both name the same person.
    const text = full(d).toLowerCase();
    expect(composeLetter(d).greeting).toContain(firstName(d.interview.interviewer.name));
    return debriefStrings(d)
      .filter((s) => s !== d.interview.interviewer.name && s !== firstName(d.interview.interviewer.name))
      .filter((s) => s.length > 2 && text.includes(s.toLowerCase()))
      .sort();
  };

  for (const name of PERSONA_NAMES) {
    it(`${name}: the tone changes the wording, never the facts`, () => {
      const [warm, formal, concise] = TONES.map((tone: Tone) => withInput(PERSONAS[name], { tone }));
      expect(factsIn(formal!)).toEqual(factsIn(warm!));
      expect(factsIn(concise!)).toEqual(factsIn(warm!));
      expect(full(formal!)).not.toEqual(full(warm!));
      expect(full(concise!)).not.toEqual(full(warm!));
    });
  }

  it("uses everything a rich debrief offers", () => {
    const d = PERSONAS.kate;
    const text = full(d);
    for (const q of d.questions) {
      expect(text).toContain(clause(q.question));
      expect(text).toContain(clause(q.betterAnswer));
      if (q.example) expect(text).toContain(clause(q.example));
    }
    for (const c of d.challenges) expect(text).toContain(clause(challengeParts(c).text));
    for (const s of d.skills) expect(text).toContain(s);
    for (const s of d.samples) expect(text).toContain(s.url);
    for (const r of d.references) expect(text).toContain(`${r.name}, ${clause(r.relation)}: ${r.contact}`);
    // The plan is offered, not attached: later points stay out of the letter.
    expect(text).toContain("walk you through it");
    expect(text).not.toContain(d.plan[1]!);
  });

  it("puts the parts in the advised order", () => {
    const text = letterAsText(composeLetter(PERSONAS.ben));
    const order = [
      "Thank you for your time",
      "I was unwell",
      "challenges facing your team",
      "Tell me about a time you cut waiting times",
      "Examples of my work",
      "references have agreed to be contacted",
      "first 60 days",
      "proceed with other candidates",
      "another conversation",
    ].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("answers a fumbled question with the example first", () => {
    const text = letterAsText(composeLetter(amira));
    const q = amira.questions[0]!;
    expect(text.indexOf(clause(q.example!))).toBeLessThan(text.indexOf(clause(q.betterAnswer)));
  });

  it("has a subject specific to the role in every tone", () => {
    for (const tone of TONES) {
      const { subject } = composeLetter(withInput(amira, { tone }));
      expect(subject).toContain("Data Analyst");
      expect(subject).toContain("Northwind Logistics");
    }
  });

  it("never implies that the interviewer misunderstood", () => {
    for (const name of PERSONA_NAMES) {
      for (const tone of TONES) {
        const text = full(withInput(PERSONAS[name], { tone })).toLowerCase();
        expect(text).not.toMatch(/misunderst|you may have thought|as i said|to clarify what i meant|you missed/);
      }
    }
  });

  it("addresses people with an honorific by their whole name", () => {
    expect(composeLetter(PERSONAS.jamal).greeting).toBe("Dear Ms. Olivia Chen,");
    expect(composeLetter(PERSONAS.amira).greeting).toBe("Dear Jonas,");
    expect(composeLetter(PERSONAS.amira).signature).toBe("Amira Haddad");
  });

  it("composes a sparse debrief into a short, complete letter", () => {
    const l = composeLetter(PERSONAS.chloe);
    expect(l.paragraphs).toHaveLength(2);
    expect(l.paragraphs[0]).toContain("Junior Designer");
    expect(l.paragraphs[1]).toContain("speak again");
  });
});

describe("the off-day sentence", () => {
  const only = (w: (typeof WHAT_HAPPENED)[number], patch: Partial<DebriefInput> = {}) =>
    withInput(amira, { whatHappened: [w], ...patch });

  it("is off by default for nerves and outfit mishaps, on for illness and leaving early", () => {
    expect(offDaySentence(only("nerves"))).toBeUndefined();
    expect(offDaySentence(only("outfit"))).toBeUndefined();
    expect(offDaySentence(only("illness"))).toMatch(/unwell/);
    expect(offDaySentence(only("late"))).toMatch(/did not run to time/);
    expect(full(only("nerves"))).not.toMatch(/nervous/i);
  });

  it("is included on request and left out on request", () => {
    expect(offDaySentence(only("nerves", { offDay: "mention" }))).toMatch(/nervous/);
    expect(offDaySentence(only("outfit", { offDay: "mention" }))).toMatch(/outfit|wardrobe/);
    expect(offDaySentence(only("illness", { offDay: "omit" }))).toBeUndefined();
    expect(full(PERSONAS.kate)).not.toMatch(/unwell|run to time/);
  });

  it("has wording specific to each situation in each tone", () => {
    for (const tone of TONES) {
      const sentences = WHAT_HAPPENED.map((w) => offDaySentence(only(w, { tone, offDay: "mention" })));
      expect(sentences.every(Boolean)).toBe(true);
      // bad_call on a video interview and technical_issue both ask to meet in person, in different words.
      expect(new Set(sentences).size).toBe(WHAT_HAPPENED.length);
    }
  });

  it("after a bad phone or video call, welcomes meeting in person", () => {
    expect(offDaySentence(only("bad_call", { interview: { ...amira.interview, format: "phone" } }))).toMatch(
      /phone call.*in person/,
    );
    expect(offDaySentence(only("bad_call"))).toMatch(/video call.*in person/);
    // With the sentence left out, the request for another conversation still asks to meet in person.
    expect(full(only("bad_call", { offDay: "omit" }))).toMatch(/another conversation in person/);
  });

  it("after a too-blunt answer, reframes without blaming anyone", () => {
    for (const tone of TONES) {
      const s = offDaySentence(only("too_blunt", { tone }))!;
      expect(s).toMatch(/blunt/);
      expect(s).toMatch(/not (about|any) (anyone|person)/);
      expect(s).not.toMatch(/boss|manager|their fault|difficult/i);
    }
  });

  it("owns only the situation that matters most", () => {
    const d = withInput(amira, { whatHappened: ["nerves", "illness", "late"] });
    expect(offDaySituation(d)).toBe("illness");
    expect(full(d).match(/unwell|run to time|nervous/g)).toEqual(["unwell"]);
    expect([...OFF_DAY_ON_BY_DEFAULT].sort()).toEqual([
      "bad_call",
      "illness",
      "late",
      "left_early",
      "technical_issue",
      "too_blunt",
    ]);
  });
});

describe("the current draft", () => {
  it("is the composed letter until the candidate saves an edit", () => {
    const composed = composeLetter(amira);
    expect(currentDraft({ input: amira })).toEqual({
      subject: composed.subject,
      body: letterAsText(composed),
      edited: false,
    });
    const draft = { subject: "Mine", body: "My words", editedAt: "2026-11-24T18:00:00.000Z" };
    expect(currentDraft({ input: amira, draft })).toEqual({ subject: "Mine", body: "My words", edited: true });
  });
});
