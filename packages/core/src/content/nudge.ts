import type { Debrief } from "../debrief/model";
import { tidyDebrief } from "../debrief/tidy";
import { withoutCredentials } from "../debrief/tidy/credentials";
import { nudgeText } from "./i18n/en/nudge";
import { greetingFor, salutationFor } from "./salutation";
import { dayLabel, followUpPlan, nudgeWindow, type SendWindow } from "./timing";

export type NudgeVariant = "reminder" | "sent" | "none";

export type Nudge = {
  variant: Exclude<NudgeVariant, "none">;
  subject: string;
  heading: string;
  paragraphs: string[];
  /** When to send the letter (reminder only). */
  window?: SendWindow;
  /** The window the letter email advised, when it has passed (reminder only). */
  passed?: SendWindow;
};

/**
 * What the next-day email should be: a reminder while the letter is unsent, next
 * steps once it is, and nothing when the candidate stopped the emails, deleted
 * the debrief or already has a second interview (the tips take over).
 */
export function nudgeVariant(d: Debrief | undefined): NudgeVariant {
  if (!d || d.stoppedAt || d.secondInterviewAt) return "none";
  return d.letterSentAt ? "sent" : "reminder";
}

/**
 * The reminder, from the debrief as tidied (the names the letter shows, never the
 * typing). It greets the candidate by their given name and names the interviewer as the
 * letter greets them, both without the letters after a name. Deterministic: it reads the
 * time it is scheduled for, not the clock.
 */
export function composeNudge(d: Debrief): Nudge {
  const { interview, candidate, tone } = tidyDebrief(d.input);
  // The tidy step has already taken the letters after the interviewer's name; the candidate's stay for their signature.
  const who = salutationFor(interview.interviewer, tone);
  const hello = nudgeText.greeting(greetingFor({ name: withoutCredentials(candidate.name) }, "warm"));
  if (d.letterSentAt) {
    const t = nudgeText.sent;
    const plan = followUpPlan(d.input, new Date(d.letterSentAt));
    const when =
      plan.basis === "decision-date"
        ? t.afterDecision(dayLabel(interview.decisionDate ?? plan.from), dayLabel(plan.from), dayLabel(plan.to))
        : t.afterSending(dayLabel(plan.from), dayLabel(plan.to));
    return {
      variant: "sent",
      subject: t.subject(interview.company),
      heading: t.heading,
      paragraphs: [hello, t.waiting(who), when, t.limit, t.invited],
    };
  }
  const t = nudgeText.reminder;
  const at = new Date(d.schedule.nudgeAt);
  // The letter's own window while any of it is left, so the two emails agree; once it has
  // passed, the reminder says so before it gives the next one.
  const { window, passed } = nudgeWindow(d, at);
  const timing = Date.parse(window.start) <= at.getTime() ? "open-now" : "ahead";
  const when = t.window(window.label, window.candidateLabel);
  return {
    variant: "reminder",
    subject: t.subject(interview.company),
    heading: t.heading,
    paragraphs: [
      hello,
      t.ready(who, interview.role),
      passed ? t.passed(t.window(passed.label, passed.candidateLabel), timing, when) : t.when(timing, when),
      ...(window.scheduleSendHint ? [window.scheduleSendHint] : []),
      t.review,
    ],
    window,
    ...(passed ? { passed } : {}),
  };
}
