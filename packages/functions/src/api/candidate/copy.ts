import {
  type CandidateAction,
  EMAIL_NAMES,
  type EmailKind,
  type LetterLength,
  MAX_SNOOZES,
  type Omitted,
  type SnoozeResult,
  type secondInterview,
} from "@debrief/core";

type SecondInterviewStatus = Awaited<ReturnType<typeof secondInterview>>["status"];

/**
 * What the candidate page says after each action: the `done` query parameter of the
 * redirect names one of these. Keys come from core's results, so a new outcome must get words.
 */
export const DONE_MESSAGES = {
  draft: "Your changes to the letter are saved. The mail link and the .eml file use them now.",
  tone: "Your letter is rewritten in the tone you chose.",
  letter: "Your letter is rewritten at the length and with the parts you chose.",
  salutation: "Your letter now addresses them the way you chose.",
  sent: "Marked as sent. Tomorrow's reminder will tell you what to expect instead.",
  snoozed: "Snoozed: your next email comes a day later.",
  "snooze-limit": `You have snoozed ${MAX_SNOOZES} times already; the emails keep their current times.`,
  "nothing-pending": "There is no email left to snooze.",
  "second-interview": "Congratulations! Your second-interview tips are on their way now.",
  "tips-already-sent": "Your second-interview tips have already been sent.",
  stopped: "We will send you no more emails about this debrief.",
  resend: "We will send that email again within a few minutes.",
  "resend-not-needed": "That email needs nothing more: it went out, or it is still on its way.",
  "delete-unconfirmed": "Nothing was deleted: tick the box to confirm, then press Delete my data.",
} as const;
export type Done = keyof typeof DONE_MESSAGES;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const isDone = (v: string | undefined): v is Done => v !== undefined && Object.hasOwn(DONE_MESSAGES, v);

export const SNOOZE_DONE: Record<SnoozeResult["status"], Done> = {
  snoozed: "snoozed",
  limit: "snooze-limit",
  "nothing-pending": "nothing-pending",
};
export const SECOND_INTERVIEW_DONE: Record<SecondInterviewStatus, Done> = {
  sending: "second-interview",
  "already-sent": "tips-already-sent",
};

/** What a one-use link from an email says once it has acted (the same words as the page's own buttons). */
export function actionDoneMessage(action: CandidateAction, result: unknown): string {
  switch (action) {
    case "sent":
      return DONE_MESSAGES.sent;
    case "snooze":
      return DONE_MESSAGES[SNOOZE_DONE[(result as SnoozeResult).status]];
    case "stop":
      return DONE_MESSAGES.stopped;
    case "delete":
      return "Your debrief, your draft and every link to them are deleted. No more emails will come.";
  }
}

/** Each email as the status list names it: the one name it has everywhere (core EMAIL_NAMES). */
export const KIND_LABELS: Record<EmailKind, string> = {
  letter: capitalised(EMAIL_NAMES.letter),
  nudge: capitalised(EMAIL_NAMES.nudge),
  tips: capitalised(EMAIL_NAMES.tips),
};

export const ACTION_COPY: Record<CandidateAction, { title: string; question: string; button: string }> = {
  sent: {
    title: "Mark as sent",
    question: "Did you send your letter? Tomorrow's reminder will then tell you what to expect instead.",
    button: "Yes, I sent it",
  },
  snooze: { title: "Snooze a day", question: "Put your next email off by a day?", button: "Snooze a day" },
  stop: { title: "Stop emails", question: "Stop all further emails about this debrief?", button: "Stop emails" },
  delete: {
    title: "Delete my data",
    question: "Delete your debrief, your draft and every link to it, for good?",
    button: "Delete my data",
  },
};

/** The forms on the candidate page that change the letter; their errors are shown beside their own fields. */
export type LetterForm = "draft" | "letter" | "salutation" | "tone";

/** The words of the candidate page's controls that change the letter. */
export const LETTER_COPY = {
  freshNote: "Each change below writes the letter again from your debrief.",
  editedNote:
    "You have edited this letter, so it stays as you wrote it. Each change below writes a fresh draft in its place, once you tick “Replace my changes with a fresh draft”.",
  replace: "Replace my changes with a fresh draft",
  lengthLabel: "Length",
  lengthHint:
    "The short note thanks them, makes your best point and asks for the next step; the full letter covers everything.",
  partsLegend: (length: LetterLength) => (length === "short" ? "Left out of the short note" : "Left out of the letter"),
  partsHint: "Tick a part to put it back in; untick it to take it out again.",
  partLabel: (o: Omitted) => `${capitalised(o.label)} (${o.why})`,
  update: "Update the letter",
  decisionDateLabel: "When they said they would decide",
  decisionDateHint:
    "The letter then promises to follow up after that day, and the reminder says when. Leave it empty if they did not say.",
  salutationLabel: "How the letter addresses them",
  salutationHint:
    "As they introduced themselves: their title and surname (Dr. O'Connor), their full name, or their first name if you use first names with them.",
  changeSalutation: "Change the greeting",
  /** The ways of address the page offers as buttons beside the field. */
  greetingFormsLegend: "Or address them as",
  greetingForm: (form: string) => `Use “${form}”`,
  greetingByTone: (form: string) => `Let the tone choose (now “${form}”)`,
  /** The id of the control an error of `form` points at, for the error summary's links. */
  anchor: (form: LetterForm, field: string): string =>
    field === "replace" ? `replace-${form}` : form === "draft" ? `draft-${field}` : field,
} as const;
