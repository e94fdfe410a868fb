import type { QuestionType } from "../content/i18n/en/tips";
import { questionType } from "../content/question-type";
import type { DebriefInput, WhatHappened } from "../debrief/schema";

/**
 * What a centre's insights count of one debrief, and nothing more: which situations the
 * student said went wrong, and which kinds of question they fumbled (the tips' question
 * types). Kept on the debrief at submission beside its centre, so the statistics index can
 * carry it without a word the student typed.
 */
export type InsightFacts = { situations: WhatHappened[]; questionTypes: QuestionType[] };

export function insightFactsOf(input: Pick<DebriefInput, "whatHappened" | "questions">): InsightFacts {
  return {
    situations: [...new Set(input.whatHappened)].sort(),
    questionTypes: [...new Set(input.questions.map((q) => questionType(q.question)))].sort(),
  };
}
