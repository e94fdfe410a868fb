import { TZDate } from "@date-fns/tz";
import type { Debrief, SendKind } from "../debrief/model";
import type { Schedule } from "../schedule";
import {
  CHECKIN_ANSWER_LABELS,
  CHECKIN_ANSWERS,
  CHECKIN_DAYS,
  type CheckinAnswer,
  type CheckinKind,
  isCheckinKind,
} from "./model";

const DAY_MS = 86_400_000;

/**
 * When the day-7 and day-14 check-ins are due: at `hour` local time that many days
 * after the interview, but never before the tips (an old interview gets its first
 * check-in with the tips' timing and the second a week later).
 */
export function checkinTimes(
  interviewDate: string,
  timeZone: string,
  hour: number,
  schedule: Schedule,
): Record<CheckinKind, string> {
  const [y, m, d] = interviewDate.split("-").map(Number) as [number, number, number];
  const at = (days: number) => new TZDate(y, m - 1, d + days, hour, 0, 0, timeZone).getTime();
  const checkin7 = Math.max(at(CHECKIN_DAYS.checkin7), Date.parse(schedule.tipsAt));
  const checkin14 = Math.max(at(CHECKIN_DAYS.checkin14), checkin7 + 7 * DAY_MS);
  return { checkin7: new Date(checkin7).toISOString(), checkin14: new Date(checkin14).toISOString() };
}

/** What the check-in workflow carries: the debrief id and the two times, never personal data. */
export type CheckinWorkflowInput = { debriefId: string; checkin7At: string; checkin14At: string };

/** The check-in workflow's input, for a debrief that has check-ins. */
export function checkinWorkflowInput(d: Pick<Debrief, "id" | "checkinAt">): CheckinWorkflowInput | undefined {
  if (!d.checkinAt) return undefined;
  return { debriefId: d.id, checkin7At: d.checkinAt.checkin7, checkin14At: d.checkinAt.checkin14 };
}

/** An answer that ends the check-ins: the outcome is known, or the candidate asked us to stop. */
export function isFinalAnswer(answer: CheckinAnswer): boolean {
  return answer !== "no_reply";
}

/** Why a check-in email is not sent (checked right before the send), if it is one. */
export function checkinSkipReason(kind: SendKind, d: Debrief): "outcome-given" | undefined {
  if (!isCheckinKind(kind)) return undefined;
  const answers = Object.values(d.checkins ?? {});
  return answers.some((a) => a && isFinalAnswer(a.answer)) ? "outcome-given" : undefined;
}

/** The outcome a debrief reached, as the funnel counts it: check-in answers or the page's "I got a second interview". */
export function outcomeOf(d: Pick<Debrief, "checkins" | "secondInterviewAt">): {
  secondInterview: boolean;
  offer: boolean;
} {
  const answers = Object.values(d.checkins ?? {}).map((a) => a?.answer);
  const offer = answers.includes("offer");
  // An offer implies the candidate got past the interview they debriefed.
  return { secondInterview: offer || answers.includes("second_interview") || Boolean(d.secondInterviewAt), offer };
}

export type Checkin = {
  subject: string;
  question: string;
  /** One link per answer: the candidate's page token, then the answer (one click, one answer recorded). */
  answers: { answer: CheckinAnswer; label: string; url: string }[];
};

/** The one-question outcome email: its links lead to `{page}/checkin/{kind}/{answer}`. */
export function composeCheckin(d: Debrief, kind: CheckinKind, pageUrl: string): Checkin {
  const { role, company } = d.input.interview;
  const days = CHECKIN_DAYS[kind];
  return {
    subject: `Any news from ${company}?`.replace(/[\r\n]+/g, " "),
    question: `It has been about ${days} days since your interview for the ${role} role at ${company}. Where do things stand?`,
    answers: CHECKIN_ANSWERS.map((answer) => ({
      answer,
      label: CHECKIN_ANSWER_LABELS[answer],
      url: `${pageUrl}/checkin/${kind}/${answer}`,
    })),
  };
}
