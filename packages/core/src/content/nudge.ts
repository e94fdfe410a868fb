import type { Debrief } from "../debrief/model";

export type Nudge = { subject: string; heading: string; paragraphs: string[] };

/** The next-day check-in: a reminder while the letter is unsent, next steps once it is. */
export function composeNudge(d: Debrief): Nudge {
  const { interview } = d.input;
  if (d.letterSentAt) {
    return {
      subject: `What to expect after your ${interview.role} follow-up`,
      heading: "You sent your letter. Well done.",
      paragraphs: [
        `Give ${interview.interviewer.name} some time. If they gave you a decision date, follow up one or two business days after it; otherwise wait five to seven business days.`,
        "Follow up at most twice, then let it rest and keep your other applications moving.",
      ],
    };
  }
  return {
    subject: `Did you send your follow-up to ${interview.company}?`,
    heading: "Your letter is still waiting",
    paragraphs: [
      `Yesterday's draft to ${interview.interviewer.name} is ready. A follow-up works best within a day of the interview, during business hours.`,
      "Open your page to edit the draft, then send it from your own mailbox.",
    ],
  };
}
