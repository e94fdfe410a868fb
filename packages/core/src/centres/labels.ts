import type { QuestionType } from "../content/i18n/en/tips";
import type { WhatHappened } from "../debrief/schema";

/** The situations as an advisor reads them (the form asks them in the student's words): the page and the weekly email. */
export const ADVISOR_SITUATION_LABELS: Record<WhatHappened, string> = {
  nerves: "Nerves",
  rambling: "Rambling",
  illness: "Feeling unwell",
  outfit: "Outfit or appearance",
  late: "Arriving late",
  left_early: "Leaving early",
  too_blunt: "A too-blunt answer",
  bad_call: "A bad phone or video call",
  blanked: "Blanking on a question",
  technical_issue: "Technical problems",
  other: "Something else",
};

/** The tips' kinds of question, as an advisor reads them. */
export const ADVISOR_QUESTION_LABELS: Record<QuestionType, string> = {
  behavioural: "Behavioural (a time when…)",
  technical: "Technical",
  motivation: "Motivation (why us, why you)",
  hypothetical: "Hypothetical (what would you do)",
  other: "Other",
};
