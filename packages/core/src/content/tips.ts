import { centreTipSections } from "../centres/content";
import type { Debrief } from "../debrief/model";
import { challengeParts, type DebriefInput } from "../debrief/schema";
import { tidyDebrief } from "../debrief/tidy";
import { REHEARSAL, SITUATION_TIPS, tipsText } from "./i18n/en/tips";
import { type PracticeSession, practiceSession } from "./ics";
import { answerText } from "./phrasing";
import { questionType } from "./question-type";
import { clause, quoted, sentence } from "./text";

export { QUESTION_TYPES, type QuestionType, SITUATION_TIPS } from "./i18n/en/tips";
export { questionType } from "./question-type";

export type TipsSection = { id: string; heading: string; items: string[] };
export type Tips = {
  subject: string;
  /** Follows the stage they debriefed: "Preparing for a second interview", "…for the next round". */
  heading: string;
  intro: string;
  sections: TipsSection[];
  practice: PracticeSession;
};

/**
 * One fumbled question as a rehearsal in the shape its type calls for (lines joined by
 * newlines). The better answer is given as the letter gives it, without the candidate's
 * own "I should have said that…".
 */
export function rehearsal(q: DebriefInput["questions"][number], company: string): string {
  return REHEARSAL[questionType(q.question)]({
    question: quoted(q.question),
    betterAnswer: answerText(q.betterAnswer),
    example: q.example?.trim() ? sentence(q.example) : undefined,
    company,
  }).join("\n");
}

/**
 * Real questions for the candidate to ask, from the challenges they were told about, about
 * the goal and never restating the problem (the employer's sore point is not theirs to raise
 * in the room): a challenge they answered with a skill asks where that skill would help, each
 * in another wording; those without a skill give one question about the team's priorities.
 */
export function questionsToAsk(challenges: DebriefInput["challenges"]): string[] {
  const skills = [
    ...new Set(
      challenges
        .flatMap((c) => challengeParts(c).skill ?? [])
        .map((s) => clause(s))
        .filter(Boolean),
    ),
  ];
  const unanswered = challenges.some((c) => !challengeParts(c).skill?.trim());
  return [
    ...skills.map((skill, i) => tipsText.skillQuestion(skill, i)),
    ...(unanswered ? [tipsText.goalQuestion] : []),
    ...tipsText.generalQuestions,
  ];
}

/**
 * Preparation for the next round, built from this debrief as tidied (the words the letter
 * shows, never the typing). Deterministic: it reads the tips' scheduled time.
 */
export function composeTips(d: Debrief): Tips {
  const input = tidyDebrief(d.input);
  const { interview, questions, challenges, whatHappened } = input;
  const next = tipsText.next(interview.stage);
  const sections: TipsSection[] = [];
  if (questions.length > 0) {
    sections.push({
      id: "rehearse",
      heading: tipsText.rehearseHeading,
      items: questions.map((q) => rehearsal(q, interview.company)),
    });
  }
  if (whatHappened.length > 0) {
    sections.push({
      id: "situations",
      heading: tipsText.situationsHeading,
      // Advice shared by two situations (illness and leaving early) is given once.
      items: [...new Set(whatHappened.flatMap((w) => SITUATION_TIPS[w]))],
    });
  }
  sections.push({
    id: "research",
    heading: tipsText.researchHeading,
    items: tipsText.research(
      tipsText.interviewer(interview.interviewer.name, interview.interviewer.title),
      interview.company,
    ),
  });
  sections.push({ id: "ask", heading: tipsText.askHeading, items: questionsToAsk(challenges) });
  sections.push(...centreTipSections(d));
  return {
    subject: tipsText.subject(next.heading, interview.role, interview.company),
    heading: next.heading,
    intro: tipsText.intro(next.intro),
    sections,
    practice: practiceSession(input, new Date(d.schedule.tipsAt)),
  };
}
