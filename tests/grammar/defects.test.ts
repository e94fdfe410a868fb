import {
  composeLetter,
  composeNudge,
  composeTips,
  type Debrief,
  type DebriefInput,
  debriefInputSchema,
  LENGTHS,
  letterAsText,
  TONES,
  tidyDebrief,
} from "@debrief/core";
import { type Defect, defectsIn, describeDefects } from "@debrief/testkit/defects";
import { describeFindings, grammarFindings } from "@debrief/testkit/grammar";
import { PERSONA_NAMES, PERSONA_SUBMITTED_AT, PERSONAS, personaDebrief } from "@debrief/testkit/personas";
import { typedPersonas } from "@debrief/testkit/typed-personas";
import { describe, expect, it } from "vitest";

/**
 * The defect checker (packages/testkit/src/defects.ts) over every letter (each tone and length),
 * nudge (before and after the letter went) and tips text of every persona: the 22 typed tidily
 * and the 10 typed as hurried candidates type (personas-as-typed.json).
 */
const typed = typedPersonas(PERSONA_SUBMITTED_AT).map((p) => ({
  name: p.key,
  input: debriefInputSchema.parse(p.body),
}));
const everyone: { name: string; input: DebriefInput }[] = [
  ...PERSONA_NAMES.map((name) => ({ name, input: PERSONAS[name] })),
  ...typed,
];

const debriefOf = (input: DebriefInput, overrides: Partial<Debrief> = {}): Debrief => ({
  ...personaDebrief("amira"),
  input,
  ...overrides,
});

/** Every text the product writes for a debrief, named. */
function texts(
  input: DebriefInput,
): { what: string; kind: "letter" | "nudge" | "tips"; text: string; input: DebriefInput }[] {
  const out: { what: string; kind: "letter" | "nudge" | "tips"; text: string; input: DebriefInput }[] = [];
  for (const tone of TONES) {
    const d = { ...input, tone };
    for (const length of LENGTHS) {
      const l = composeLetter(d, { length });
      out.push({
        what: `letter ${tone}/${length}`,
        kind: "letter",
        text: `${l.subject}\n\n${letterAsText(l)}`,
        input: d,
      });
    }
    for (const [what, debrief] of [
      ["nudge (unsent)", debriefOf(d)],
      ["nudge (sent)", debriefOf(d, { letterSentAt: "2026-11-25T07:30:00.000Z" })],
    ] as const) {
      const n = composeNudge(debrief);
      out.push({
        what: `${what} ${tone}`,
        kind: "nudge",
        text: [n.subject, n.heading, ...n.paragraphs].join("\n\n"),
        input: d,
      });
    }
    const t = composeTips(debriefOf(d));
    const tips = [
      t.subject,
      t.heading,
      t.intro,
      ...t.sections.flatMap((s) => [s.heading, ...s.items]),
      t.practice.description,
    ];
    out.push({ what: `tips ${tone}`, kind: "tips", text: tips.join("\n\n"), input: d });
  }
  return out;
}

describe("no defect an advisor would correct, in any text of any persona", () => {
  for (const { name, input } of everyone) {
    it(`${name}: every letter, nudge and tips`, () => {
      const problems: string[] = [];
      for (const t of texts(input)) {
        const found: Defect[] = defectsIn(t.text, { input: t.input, kind: t.kind });
        if (found.length) problems.push(`${t.what}:\n${describeDefects(found)}\n---\n${t.text}`);
      }
      expect(problems.join("\n\n")).toBe("");
    });
  }
});

/**
 * The words the candidate typed, as typed and as tidied (names of people and organisations, and
 * the terms of their trade: MEDDICC, GLP, Crashlytics): harper.js may not know them, and only
 * its spelling findings on them are excused; capitalisation findings always count.
 */
function typedWords(d: DebriefInput): string[] {
  const words = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === "string") {
      for (const w of v.split(/[^\p{L}\p{N}'’-]+/u)) if (w) words.add(w);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(d);
  walk(tidyDebrief(d));
  return [...words];
}

describe("harper.js finds nothing in the typed personas' letters beyond the words typed", () => {
  for (const { name, input } of typed) {
    it(`${name}: every tone and length`, async () => {
      const problems: string[] = [];
      for (const t of texts(input).filter((x) => x.kind === "letter")) {
        const findings = await grammarFindings(t.text, { allow: typedWords(input) });
        if (findings.length) problems.push(`${t.what}:\n${describeFindings(findings)}`);
      }
      expect(problems.join("\n\n")).toBe("");
    });
  }
});
