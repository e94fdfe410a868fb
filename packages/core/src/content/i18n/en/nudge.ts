/** English wording of the reminder (what it says when lives in ../../nudge.ts). */

export type ReminderTiming = "open-now" | "ahead";

export const nudgeText = {
  /** The first line of either email: the candidate's given name. */
  greeting: (name: string) => `Hi ${name},`,
  reminder: {
    subject: (company: string) => `Did you send your follow-up to ${company}?`,
    heading: "Your letter is still waiting",
    ready: (who: string, role: string) => `Your draft to ${who} about the ${role} role is ready for you to send.`,
    /** `window` is the label of the recommended window, with the candidate's clock when it differs. */
    when: (timing: ReminderTiming, window: string) =>
      timing === "open-now"
        ? `Now is a good time to send it: ${window}.`
        : `The best time to send it: ${window}. Sent then, it arrives while they are at work.`,
    /** The letter email's window has passed: said first, then the next one. */
    passed: (letterWindow: string, timing: ReminderTiming, window: string) =>
      timing === "open-now"
        ? `The time your letter email suggested, ${letterWindow}, has passed. The next good time is now: ${window}.`
        : `The time your letter email suggested, ${letterWindow}, has passed. The next good time to send it: ${window}. Sent then, it arrives while they are at work.`,
    /** The window as it appears in the sentences above. */
    window: (label: string, candidateLabel?: string) =>
      candidateLabel ? `${label}, which is ${candidateLabel}` : label,
    review: "Read it once more, change anything that does not sound like you, and send it from your own mailbox.",
  },
  sent: {
    subject: (company: string) => `You sent it: what to expect from ${company}`,
    heading: "You sent your letter. That took nerve.",
    waiting: (who: string) =>
      `${who} now has your better answers in writing. Hiring decisions take time, and silence in the first days means nothing either way.`,
    afterDecision: (decision: string, from: string, to: string) =>
      `They said they would decide by ${decision}. If you have not heard by then, send a short, friendly follow-up on ${from} or ${to}.`,
    afterSending: (from: string, to: string) =>
      `If you have not heard back, send a short, friendly follow-up between ${from} and ${to}: five to seven working days is a normal wait.`,
    limit: "Follow up at most twice, a week apart, then let it rest and give your energy to your other applications.",
    invited: "If they invite you back, tell us on your page: the tips for the next round come straight away.",
  },
};
