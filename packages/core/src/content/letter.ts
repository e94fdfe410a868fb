import type { Debrief } from "../debrief/model";
import { challengeParts, type DebriefInput, type Tone, type WhatHappened } from "../debrief/schema";
import { clause, firstName, joinAnd, quoted, sentence } from "./text";

export type Letter = {
  subject: string;
  /** The salutation line, e.g. "Dear Jonas,". */
  greeting: string;
  /** Paragraphs in order; a paragraph may hold a short list, one "- " line each. */
  paragraphs: string[];
  closing: string;
  signature: string;
};

type ByTone = Record<Tone, string>;
type Situation = WhatHappened;

/**
 * Sources disagree on apologising for a bad day: several advisers say never
 * mention nerves, while owning illness or leaving early mends the relationship
 * (../shared/content). So the sentence is on by default only where saying it helps.
 */
export const OFF_DAY_ON_BY_DEFAULT: ReadonlySet<Situation> = new Set([
  "illness",
  "left_early",
  "late",
  "bad_call",
  "technical_issue",
  "too_blunt",
  "left_early",
]);

/** When several things happened, the letter owns only the one that matters most. */
const OFF_DAY_PRIORITY: Situation[] = [
  "illness",
  "left_early",
  "late",
  "bad_call",
  "technical_issue",
  "too_blunt",
  "nerves",
  "outfit",
  "rambling",
  "blanked",
  "other",
];

const isCall = (d: DebriefInput) => d.interview.format !== "onsite";
const callName = (d: DebriefInput) => (d.interview.format === "phone" ? "phone call" : "video call");

function offDayWording(situation: Situation, d: DebriefInput): ByTone {
  switch (situation) {
    case "illness":
      return {
        warm: "I was unwell during our conversation, and I am sorry it kept you from seeing how I really work.",
        formal: "I was unwell during our interview, and I regret that it affected my answers.",
        concise: "I was unwell during the interview, and it showed in my answers.",
      };
    case "late":
      return {
        warm: "I am sorry that our meeting did not run to time because of me; you deserved my full attention.",
        formal: "I apologise that our meeting did not keep to the time we had planned on my account.",
        concise: "I am sorry our meeting did not run to time on my account.",
      };
    case "bad_call":
      return isCall(d)
        ? {
            warm: `The ${callName(d)} did not show me at my best, and I would welcome the chance to meet you in person.`,
            formal: `I do not believe the ${callName(d)} reflected what I can offer, and I would welcome the opportunity to meet in person.`,
            concise: `The ${callName(d)} did not show my best; I would welcome meeting in person.`,
          }
        : offDayWording("other", d);
    case "technical_issue":
      return {
        warm: `The technical problems got in the way of our conversation${isCall(d) ? ", and I would welcome the chance to meet you in person" : ""}.`,
        formal: `The technical difficulties interrupted our conversation${isCall(d) ? ", and I would welcome the opportunity to meet in person" : ""}.`,
        concise: `Technical problems got in the way${isCall(d) ? "; I would welcome meeting in person" : ""}.`,
      };
    case "too_blunt":
      // A reframing that blames no one: the point was the future, not a person.
      return {
        warm: "Looking back, one of my answers came out blunter than I meant it to: my point was about what I hope to do next, not about anyone I have worked with.",
        formal:
          "On reflection, one of my answers was more blunt than I intended: my point concerned what I hope to do next, not any person I have worked with.",
        concise:
          "One answer came out blunter than I meant: my point was about what I want next, not about anyone I have worked with.",
      };
    case "nerves":
      return {
        warm: "I was more nervous than I expected, and I don't think my answers did justice to what I can bring.",
        formal: "I was more nervous than I expected, and I do not believe my answers did justice to what I can offer.",
        concise: "Nerves got the better of some of my answers.",
      };
    case "outfit":
      return {
        warm: "A mishap with my outfit on the way in threw me more than it should have.",
        formal: "A wardrobe mishap on my way in unsettled me more than it should have.",
        concise: "A wardrobe mishap on the way in threw me.",
      };
    case "rambling":
      return {
        warm: "Some of my answers ran longer than they should have.",
        formal: "Several of my answers were longer than they needed to be.",
        concise: "Some of my answers ran long.",
      };
    case "blanked":
      return {
        warm: "I lost my train of thought on a question I should have answered well.",
        formal: "I lost my train of thought on one of your questions.",
        concise: "I blanked on one of your questions.",
      };
    case "left_early":
      return {
        warm: "I am sorry I had to leave before the end of our conversation.",
        formal: "I apologise for having to leave before the end of our interview.",
        concise: "I am sorry I had to leave early.",
      };
    case "other":
      return {
        warm: "I don't think our conversation showed you my best.",
        formal: "I do not believe our conversation showed my best.",
        concise: "Our conversation did not show my best.",
      };
  }
}

/** The situation the off-day sentence owns, or undefined when the letter should not mention it. */
export function offDaySituation(d: DebriefInput): Situation | undefined {
  const mode = d.offDay ?? "auto";
  if (mode === "omit") return undefined;
  const ranked = OFF_DAY_PRIORITY.filter((s) => d.whatHappened.includes(s));
  return mode === "mention" ? ranked[0] : ranked.find((s) => OFF_DAY_ON_BY_DEFAULT.has(s));
}

/** The one optional sentence owning the off day, in the letter's tone. */
export function offDaySentence(d: DebriefInput): string | undefined {
  const situation = offDaySituation(d);
  return situation ? offDayWording(situation, d)[d.tone] : undefined;
}

const t = (d: DebriefInput, words: ByTone) => words[d.tone];

function thanks(d: DebriefInput): string {
  const { role, company } = d.interview;
  return t(d, {
    warm: `Thank you for taking the time to talk with me about the ${role} role at ${company}.`,
    formal: `Thank you for your time and for the opportunity to interview for the ${role} position at ${company}.`,
    concise: `Thank you for your time discussing the ${role} role at ${company}.`,
  });
}

function challengesAndSkills(d: DebriefInput): string | undefined {
  const { challenges, skills } = d;
  if (challenges.length === 0 && skills.length === 0) return undefined;
  if (challenges.length === 0) {
    return t(d, {
      warm: `I would bring ${joinAnd(skills)} to the role.`,
      formal: `I would bring ${joinAnd(skills)} to the position.`,
      concise: `What I bring: ${joinAnd(skills)}.`,
    });
  }
  // The form asks for skills in the order of the challenges they answer.
  const lines = challenges.map((c, i) => {
    const { text: challenge, skill = skills[i] } = challengeParts(c);
    if (!skill) return `- ${sentence(challenge)}`;
    return t(d, {
      warm: `- ${clause(challenge)}: this is where my ${skill} comes in.`,
      formal: `- ${clause(challenge)}: I would bring ${skill} to this.`,
      concise: `- ${clause(challenge)}: ${skill}.`,
    });
  });
  const rest = skills.slice(challenges.length);
  const intro = t(d, {
    warm: "You described what your team is working through, and this is where I can help:",
    formal: "You outlined the challenges facing your team, and I would like to address them directly:",
    concise: "On the challenges you described:",
  });
  const more = rest.length
    ? `\n${t(d, {
        warm: `I would also bring ${joinAnd(rest)}.`,
        formal: `I would also bring ${joinAnd(rest)}.`,
        concise: `Also: ${joinAnd(rest)}.`,
      })}`
    : "";
  return `${intro}\n${lines.join("\n")}${more}`;
}

/** A fumbled question named and answered again: the candidate's example first, then the answer. */
function betterAnswer(d: DebriefInput, q: DebriefInput["questions"][number]): string {
  const evidence = q.example ? `${sentence(q.example)} ` : "";
  const opening = q.example
    ? t(d, {
        warm: `When you asked ${quoted(q.question)}, I should have started with an example.`,
        formal: `Regarding your question ${quoted(q.question)}, I would like to give a fuller answer, starting with an example.`,
        concise: `On ${quoted(q.question)}:`,
      })
    : t(d, {
        warm: `When you asked ${quoted(q.question)}, I did not give you the answer I wanted to.`,
        formal: `Regarding your question ${quoted(q.question)}, I would like to give a fuller answer.`,
        concise: `On ${quoted(q.question)}:`,
      });
  return `${opening} ${evidence}${sentence(q.betterAnswer)}`;
}

function samples(d: DebriefInput): string | undefined {
  if (d.samples.length === 0) return undefined;
  const intro = t(d, {
    warm:
      d.samples.length > 1
        ? "Some of my work that relates to this role:"
        : "Some of my work that relates to this role:",
    formal: "Examples of my work relevant to the position:",
    concise: "Work samples:",
  });
  const lines = d.samples.map((s) => `- ${clause(s.title)} (${s.url})${s.note ? `: ${sentence(s.note)}` : ""}`);
  return `${intro}\n${lines.join("\n")}`;
}

function references(d: DebriefInput): string | undefined {
  if (d.references.length === 0) return undefined;
  const several = d.references.length > 1;
  const intro = t(d, {
    warm: several
      ? "If it would help to hear from people I have worked with, they have agreed to be contacted:"
      : "If it would help to hear from someone I have worked with, they have agreed to be contacted:",
    formal: several
      ? "The following references have agreed to be contacted:"
      : "The following reference has agreed to be contacted:",
    concise: several ? "References (they have agreed to be contacted):" : "Reference (agreed to be contacted):",
  });
  const lines = d.references.map((r) => `- ${r.name}, ${clause(r.relation)}: ${r.contact}`);
  return `${intro}\n${lines.join("\n")}`;
}

/** Offered, never attached: employers have used such plans without hiring. */
function plan(d: DebriefInput): string | undefined {
  const [first] = d.plan;
  if (!first) return undefined;
  return t(d, {
    warm: `I have sketched how I would approach my first 60 days, starting with this: ${sentence(first)} I would welcome the chance to walk you through it.`,
    formal: `I have prepared an outline of how I would approach my first 60 days, beginning with this: ${sentence(first)} I would welcome the opportunity to walk you through it.`,
    concise: `I have a short plan for my first 60 days, starting with this: ${sentence(first)} I would be glad to walk you through it.`,
  });
}

function acceptance(d: DebriefInput): string {
  return t(d, {
    warm: "I understand you may decide to go ahead with other candidates, and I will respect that.",
    formal: "I understand that you may choose to proceed with other candidates, and I will respect that decision.",
    concise: "I understand if you choose other candidates.",
  });
}

function request(d: DebriefInput, offDay: Situation | undefined): string {
  // After a bad call, ask to meet in person, unless the off-day sentence already did.
  const wantsMeeting =
    isCall(d) &&
    (d.whatHappened.includes("bad_call") || d.whatHappened.includes("technical_issue")) &&
    offDay !== "bad_call" &&
    offDay !== "technical_issue";
  const inPerson = wantsMeeting ? " in person" : "";
  return t(d, {
    warm: `If you are open to it, I would be grateful for another conversation${inPerson}. I will get in touch early next week to find a time, unless you would prefer to suggest one.`,
    formal: `I would welcome the opportunity for another conversation${inPerson}, and I will contact you early next week to arrange a time, unless you would prefer to propose one.`,
    concise: `Could we speak again${inPerson}? I will be in touch early next week to find a time.`,
  });
}

function subject(d: DebriefInput): string {
  const { role, company } = d.interview;
  return t(d, {
    warm: `Following up on the ${role} interview at ${company}`,
    formal: `${role} interview at ${company}: thank you and follow-up`,
    concise: `${role} at ${company}: following up`,
  });
}

function greeting(d: DebriefInput): string {
  const who = d.interview.interviewer.name.trim();
  return t(d, { warm: `Dear ${firstName(who)},`, formal: `Dear ${who},`, concise: `Hello ${firstName(who)},` });
}

/**
 * The drafted recovery letter, deterministic and built only from the debrief: the
 * parts come in the order career advisers recommend, each only when its inputs
 * exist. The tone changes the wording, never the facts.
 */
export function composeLetter(d: DebriefInput): Letter {
  const situation = offDaySituation(d);
  const opening = [thanks(d), situation ? offDayWording(situation, d)[d.tone] : undefined].filter(Boolean).join(" ");
  const paragraphs = [
    opening,
    challengesAndSkills(d),
    ...d.questions.map((q) => betterAnswer(d, q)),
    samples(d),
    references(d),
    plan(d),
    `${acceptance(d)} ${request(d, situation)}`,
  ].filter((p): p is string => Boolean(p));
  return {
    subject: subject(d),
    greeting: greeting(d),
    paragraphs,
    closing: t(d, { warm: "Best wishes,", formal: "Kind regards,", concise: "Best," }),
    signature: d.candidate.name,
  };
}

export function letterAsText(letter: Letter): string {
  return [letter.greeting, ...letter.paragraphs, `${letter.closing}\n${letter.signature}`].join("\n\n");
}

/** The letter as the candidate will send it: their edited draft if they saved one, else the composed letter. */
export type Draft = { subject: string; body: string; edited: boolean };

export function currentDraft(d: Pick<Debrief, "input" | "draft">): Draft {
  if (d.draft) return { subject: d.draft.subject, body: d.draft.body, edited: true };
  const letter = composeLetter(d.input);
  return { subject: letter.subject, body: letterAsText(letter), edited: false };
}
