import type { Debrief } from "../debrief/model";
import { dayLabel, followUpPlan, type SendWindow, sendWindow } from "./timing";

export type NudgeVariant = "reminder" | "sent" | "none";

export type Nudge = {
  variant: Exclude<NudgeVariant, "none">;
  subject: string;
  heading: string;
  paragraphs: string[];
  /** When to send the letter (reminder only). */
  window?: SendWindow;
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

/** The next-day check-in. Deterministic: it reads the time it is scheduled for, not the clock. */
export function composeNudge(d: Debrief): Nudge {
  const { interview } = d.input;
  const who = interview.interviewer.name;
  if (d.letterSentAt) {
    const plan = followUpPlan(d.input, new Date(d.letterSentAt));
    const when =
      plan.basis === "decision-date"
        ? `They said they would decide by ${dayLabel(interview.decisionDate ?? plan.from)}. If you have not heard by then, send a short, friendly follow-up on ${dayLabel(plan.from)} or ${dayLabel(plan.to)}.`
        : `If you have not heard back, send a short, friendly follow-up between ${dayLabel(plan.from)} and ${dayLabel(plan.to)}: five to seven working days is a normal wait.`;
    return {
      variant: "sent",
      subject: `You sent it: what to expect from ${interview.company}`,
      heading: "You sent your letter. That took nerve.",
      paragraphs: [
        `${who} now has your better answers in writing. Hiring decisions take time, and silence in the first days means nothing either way.`,
        when,
        "Follow up at most twice, a week apart, then let it rest and give your energy to your other applications.",
        "If they invite you back, tell us on your page: the second-interview tips come straight away.",
      ],
    };
  }
  const window = sendWindow(d.input, new Date(d.schedule.nudgeAt));
  return {
    variant: "reminder",
    subject: `Did you send your follow-up to ${interview.company}?`,
    heading: "Your letter is still waiting",
    paragraphs: [
      `Yesterday's draft to ${who} about the ${interview.role} role is ready. A follow-up works best within a day of the interview.`,
      `A good time to send it: ${window.label}${window.candidateLabel ? `, which is ${window.candidateLabel}` : ""}.`,
      "Read it once more, change anything that does not sound like you, and send it from your own mailbox.",
    ],
    window,
  };
}
