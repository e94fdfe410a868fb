import type { Debrief } from "../debrief/model";
import type { WhatHappened } from "../debrief/schema";

export type Tips = { subject: string; intro: string; sections: { heading: string; items: string[] }[] };

const SITUATION_TIPS: Record<WhatHappened, string> = {
  nerves: "Practise slow breathing before you go in, and pause before each answer: a short silence reads as thought.",
  rambling: "Shape every answer as situation, action, result, and stop once the result is said.",
  illness:
    "Have a plan for feeling unwell: water, a note of your key points, and a sentence ready to ask for a moment.",
  outfit: "Lay out your clothes the night before and keep a spare top in your bag.",
  late: "Plan the journey with a margin of 30 minutes and arrive early enough to sit down before you go in.",
  too_blunt:
    "Expect curveball and emotional-intelligence questions; practise answers that stay honest without criticising anyone.",
  bad_call: "Test your phone or call set-up beforehand, in a quiet room, with a charged battery.",
  blanked: "Keep three stories ready that you can adapt to most questions.",
  technical_issue:
    "Join five minutes early to test audio, video and screen sharing, and have a phone number as a backup.",
  other: "Write down what threw you last time and one thing you will do differently.",
};

/** Preparation for a second interview, built from this debrief. */
export function composeTips(d: Debrief): Tips {
  const { interview } = d.input;
  const sections: Tips["sections"] = [];
  if (d.input.questions.length > 0) {
    sections.push({
      heading: "Rehearse these answers",
      items: d.input.questions.map(
        (q) => `"${q.question}": tell it as situation, action, result. Start from: ${q.betterAnswer}`,
      ),
    });
  }
  if (d.input.whatHappened.length > 0) {
    sections.push({
      heading: "Prepare for what happened last time",
      items: d.input.whatHappened.map((w) => SITUATION_TIPS[w]),
    });
  }
  sections.push({
    heading: "Research and questions to ask",
    items: [
      `Read up on ${interview.interviewer.name} and the team you would join at ${interview.company}.`,
      "Prepare two or three new questions of your own about the team's priorities.",
    ],
  });
  return {
    subject: `Preparing for a second interview for the ${interview.role} role`,
    intro: "Second rounds often probe what the first one left open. Here is a plan built from your debrief.",
    sections,
  };
}
