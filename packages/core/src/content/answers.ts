/**
 * Each challenge the interviewer described joined to what answers it: the skill the
 * candidate linked to it, or else a skill, a better answer (or its example), a work sample
 * or a point of the 60-day plan that shares a word with it that carries meaning, compared
 * by its Porter stem ("validated" and "validation" are one word, "teachers" and "teacher"
 * too). A challenge nothing answers is not written: a letter that restates a problem
 * without saying how the candidate would help only repeats the problem back. One that is
 * answered is named by its topic (topic.ts), never as typed.
 */

import { stemmer } from "stemmer";
import { challengeParts, type DebriefInput } from "../debrief/schema";
import { midSentence } from "./phrasing";
import { challengeTopic } from "./topic";

/** Function words, and words any debrief uses about anything: sharing one says nothing. */
const EMPTY_WORDS = new Set(
  `a an the and or but nor if then than so as of in on at to for from by with without within about into onto over
  under up down out off via per too very more most less least much many few some any all each every both either
  neither no not only just also still even yet again ever never always often already there here this that these
  those it its it's i i'm i'd i've i'll me my mine we we're we'd we've we'll us our ours you you're your yours
  they they're their theirs them he him his she her hers who whom whose which what when where why how is are was
  were be been being am do does did doing done have has had having can could will would shall should may might
  must get gets got getting make makes made making take takes took taken use uses used using need needs needed
  want wants wanted go goes went going come comes came keep keeps kept let lets put say says said see sees saw
  seen know knows knew think thinks thought one two three four five six seven eight nine ten first second third
  last next new old good bad better best worse worst big small high low long short right wrong lot lots thing
  things way ways time times day days week weeks month months year years today people person team teams work works
  worked working job jobs role roles company companies part parts kind sort bit really quite like well able across
  around before after during while since until everyone everything minute minutes hour hours percent someone something anyone anything nothing other
  others another own same such`.split(/\s+/),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/**
 * The stems of a text's words that carry meaning: not function words or words every
 * debrief uses, not numbers, and at least three letters unless typed as an acronym ("IV").
 */
export function meaningfulStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const [typed] of text.matchAll(WORD)) {
    for (const part of typed.split(/[-'’]/u)) {
      const word = part.toLowerCase();
      if (!word || EMPTY_WORDS.has(word) || /^\p{N}+$/u.test(word)) continue;
      if (word.length < 3 && !/^\p{Lu}{2}$/u.test(part)) continue;
      stems.add(stemmer(word));
    }
  }
  return stems;
}

/** How many meaningful stems two texts share. */
export function sharedStems(a: string, b: string): number {
  const other = meaningfulStems(b);
  return [...meaningfulStems(a)].filter((s) => other.has(s)).length;
}

/** What answers a challenge, by where it is in the debrief. */
export type Answer =
  | { kind: "skill"; skill: string }
  | { kind: "question"; question: number }
  | { kind: "plan"; point: number }
  | { kind: "sample"; sample: number };

export type JoinedChallenges = {
  /** Each answered challenge, in the order typed, with what answers it and its topic as the letter names it. */
  joined: { text: string; topic: string; answer: Answer }[];
  /** The indexes of the challenges nothing in the debrief answers. */
  unanswered: number[];
  /**
   * The indexes of answered challenges with no topic to name back: every clause is the
   * team's figures, a judgement or gossip ("the team missed quota three quarters running").
   * Their answer is said on its own (the skill with the others, the plan point in the plan).
   */
  unsaid: number[];
};

/** At equal overlap, the most direct answer wins: a skill, then a better answer, a plan point, a sample. */
const KIND_ORDER: Answer["kind"][] = ["skill", "question", "plan", "sample"];

/** The challenges of a (tidied) debrief joined to what answers them. */
export function joinChallenges(d: DebriefInput): JoinedChallenges {
  const candidates: { answer: Answer; text: string }[] = [
    ...d.skills.map((skill): { answer: Answer; text: string } => ({ answer: { kind: "skill", skill }, text: skill })),
    ...d.questions.map((q, question) => ({
      answer: { kind: "question", question } as Answer,
      text: `${q.betterAnswer} ${q.example ?? ""}`,
    })),
    ...d.plan.map((p, point) => ({ answer: { kind: "plan", point } as Answer, text: p })),
    ...d.samples.map((s, sample) => ({
      answer: { kind: "sample", sample } as Answer,
      text: `${s.title} ${s.note ?? ""}`,
    })),
  ];
  const joined: JoinedChallenges["joined"] = [];
  const unanswered: number[] = [];
  const unsaid: number[] = [];
  d.challenges.map(challengeParts).forEach(({ text, skill }, i) => {
    const topic = challengeTopic(text, (clause) => midSentence(d, clause));
    const join = (answer: Answer) => {
      if (topic) joined.push({ text, topic, answer });
      else unsaid.push(i);
    };
    if (skill) {
      join({ kind: "skill", skill });
      return;
    }
    const best = candidates
      .map((c, at) => ({ ...c, at, score: sharedStems(text, c.text) }))
      .filter((c) => c.score > 0)
      .sort(
        (a, b) =>
          b.score - a.score || KIND_ORDER.indexOf(a.answer.kind) - KIND_ORDER.indexOf(b.answer.kind) || a.at - b.at,
      )[0];
    if (best) join(best.answer);
    else unanswered.push(i);
  });
  return { joined, unanswered, unsaid };
}
