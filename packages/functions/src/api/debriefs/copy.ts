import type { COURTESY_TITLES, FORMATS, LENGTHS, OFF_DAY, STAGES, TONES, WHAT_HAPPENED } from "@debrief/core";

/** The debrief form's words for the schema's values: one entry per value, so a new value cannot be forgotten. */
export const SITUATION_LABELS: Record<(typeof WHAT_HAPPENED)[number], string> = {
  nerves: "I was nervous",
  rambling: "I rambled",
  illness: "I felt unwell",
  outfit: "Outfit or appearance mishap",
  late: "I arrived late",
  left_early: "I had to leave early",
  too_blunt: "An answer came out too blunt",
  bad_call: "The phone or video call went badly",
  blanked: "I blanked on a question",
  technical_issue: "Technical problems",
  other: "Something else",
};
export const FORMAT_LABELS: Record<(typeof FORMATS)[number], string> = {
  phone: "Phone",
  video: "Video call",
  onsite: "In person",
};
export const STAGE_LABELS: Record<(typeof STAGES)[number], string> = {
  screening: "Screening",
  first: "First interview",
  second: "Second interview",
  final: "Final round",
};
/** Also the candidate page's tone switch. */
export const TONE_LABELS: Record<(typeof TONES)[number], string> = {
  warm: "Warm",
  formal: "Formal",
  concise: "Concise",
};
export const LENGTH_LABELS: Record<(typeof LENGTHS)[number], string> = {
  full: "Full letter (up to 300 words)",
  short: "Short note (up to 150 words)",
};
export const COURTESY_TITLE_LABELS: Record<(typeof COURTESY_TITLES)[number], string> = {
  ms: "Ms",
  mr: "Mr",
  mx: "Mx",
  none: "By their name, without a title",
};
export const OFF_DAY_LABELS: Record<(typeof OFF_DAY)[number], string> = {
  auto: "Let the letter decide",
  mention: "Yes, in one short sentence",
  omit: "No, leave it out",
};

export const FORM_COPY = {
  title: "Debrief your interview",
  titleWithErrors: "Check your debrief",
  description:
    "Debrief a job interview in a few minutes and get a drafted letter to send your interviewer, a reminder tomorrow and second-interview tips.",
  lede: "Tell us how it went. Within minutes we email you a drafted letter to send your interviewer, then a reminder tomorrow morning and second-interview tips.",
  submit: "Draft my follow-up",
  summaryHeading: (n: number) => `There ${n === 1 ? "is 1 problem" : `are ${n} problems`} with your debrief`,
  messageHeading: "Your debrief was not sent",
  notSaved: "We could not save your debrief just now. Nothing was kept; please try again in a moment.",
  tooLarge: (kb: number) =>
    `Your debrief is longer than we can take in one go (over ${kb} KB), so nothing was sent or kept. Shorten the longest answers, then send it again; if this browser kept a draft of your answers, it is back in the form below.`,
  longExample: (chars: number) =>
    `This example is over ${chars} characters: the letter shortens it or leaves it out, and your page can put it back whole. Two sentences work best: what you did and what came of it.`,
  consent:
    "Store my debrief and email me the drafted letter, a reminder and second-interview tips. I can delete it at any time.",
} as const;
