import { centreTipSections } from "../centres/content";
import type { Debrief } from "../debrief/model";
import { challengeParts, type WhatHappened } from "../debrief/schema";
import { type PracticeSession, practiceSession } from "./ics";
import { clause, quoted, sentence } from "./text";

export type TipsSection = { id: string; heading: string; items: string[] };
export type Tips = { subject: string; intro: string; sections: TipsSection[]; practice: PracticeSession };

/**
 * Preparation specific to what went wrong, from the sources in ../shared/content:
 * composure for nerves, logistics for outfit and lateness, call set-up for bad
 * calls, curveball and emotional-intelligence questions after a blunt answer.
 */
export const SITUATION_TIPS: Record<WhatHappened, string[]> = {
  nerves: [
    "Breathe out slowly for longer than you breathe in, a few times, before you walk in or join the call.",
    "Pause before each answer: a short silence reads as thought, not panic.",
    "Arrive with one sentence about yourself you know by heart; starting well steadies the rest.",
  ],
  rambling: [
    "Give every answer a shape: situation, action, result, then stop.",
    "Time yourself: most answers fit in under two minutes.",
  ],
  illness: [
    "Have a plan for feeling unwell: water, your key points on one page, and a sentence ready to ask for a moment.",
    "If you are ill on the day, ask to move the interview early; it reads better than struggling through.",
  ],
  outfit: [
    "Lay your clothes out the night before and try them on.",
    "Pack a spare top and a few safety pins; a mishap you can fix in a minute stays small.",
  ],
  late: [
    "Plan the journey with thirty minutes to spare and know where you will wait if you are early.",
    "Clear the hour after the interview so nothing makes you leave early.",
  ],
  too_blunt: [
    "Expect curveball and emotional-intelligence questions, such as why you are leaving or how you handled a difficult manager.",
    "Answer them by what you are moving towards, not what you are leaving: honest, and fair to everyone involved.",
  ],
  bad_call: [
    "Set up the call beforehand: a quiet room, a charged phone or laptop, headphones, and a glass of water.",
    "Stand or sit up straight and smile when you speak; it carries in your voice.",
  ],
  blanked: [
    "Keep three short stories ready that you can adapt to most questions.",
    'If your mind goes blank, say so calmly and ask for a moment: "Let me think about the best example."',
  ],
  technical_issue: [
    "Join five minutes early to test audio, video and screen sharing.",
    "Have a phone number ready to switch to if the connection drops, and say so at the start.",
  ],
  left_early: [
    "Clear the rest of the day around the interview, so nothing pulls you away before it ends.",
    "Have a plan for feeling unwell: water, your key points on one page, and a sentence ready to ask for a short break.",
  ],
  other: ["Write down what threw you last time and the one thing you will do differently."],
};

/** Preparation for a second interview, built from this debrief. Deterministic: it reads the tips' scheduled time. */
export function composeTips(d: Debrief): Tips {
  const { interview, questions, challenges, whatHappened } = d.input;
  const sections: TipsSection[] = [];
  if (questions.length > 0) {
    sections.push({
      id: "rehearse",
      heading: "Rehearse the questions that went badly",
      items: questions.map((q) =>
        [
          `${quoted(q.question)}`,
          `Situation: ${q.example ? sentence(q.example) : "pick one real moment from your work where this came up."}`,
          `Action: what you did, in a few steps. Start from your better answer: ${sentence(q.betterAnswer)}`,
          "Result: end with what changed, in numbers if you have them, then stop talking.",
        ].join("\n"),
      ),
    });
  }
  if (whatHappened.length > 0) {
    sections.push({
      id: "situations",
      heading: "Prepare for what happened last time",
      items: whatHappened.flatMap((w) => SITUATION_TIPS[w]),
    });
  }
  const interviewer = interview.interviewer.title
    ? `${interview.interviewer.name} (${interview.interviewer.title})`
    : interview.interviewer.name;
  sections.push({
    id: "research",
    heading: "Research the people and the team",
    items: [
      `Second rounds are often a panel or a series of interviews: ask who you will meet, then read up on each of them, starting with ${interviewer}.`,
      `Look for what ${interview.company} has published or announced lately, and what the team you would join is responsible for.`,
      "Second rounds often probe what the first one left open: expect the same topics again, in more depth.",
    ],
  });
  sections.push({
    id: "ask",
    heading: "Questions to ask",
    items: [
      ...challenges.map(
        (c) => `Ask how things stand with a challenge they described: ${clause(challengeParts(c).text)}.`,
      ),
      "Ask what the first months in the role should achieve, and how they would judge it.",
      "Ask what the team finds hardest about working together today.",
    ],
  });
  sections.push(...centreTipSections(d));
  return {
    subject: `Preparing for a second interview: ${interview.role} at ${interview.company}`,
    intro:
      "Second rounds often exist to probe the concerns the first one left. Here is a plan built from your own debrief, and a practice session to put in your calendar.",
    sections,
    practice: practiceSession(d.input, new Date(d.schedule.tipsAt)),
  };
}
