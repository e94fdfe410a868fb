import { composeCheckin, composeLetter, composeNudge, composeTips, type EmailRenderer } from "@debrief/core";
import { render } from "@react-email/components";
import { createElement, type ReactElement } from "react";
import CheckinEmail from "./templates/checkin";
import LetterEmail from "./templates/letter";
import NudgeEmail from "./templates/nudge";
import TipsEmail from "./templates/tips";

async function toEmail(subject: string, element: ReactElement) {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}

/** Renders one of a debrief's emails as HTML plus a plain-text part. */
export const renderEmail: EmailRenderer = async (kind, debrief, links) => {
  switch (kind) {
    case "letter": {
      const letter = composeLetter(debrief.input);
      return toEmail(
        letter.subject,
        createElement(LetterEmail, {
          letter,
          interviewerName: debrief.input.interview.interviewer.name,
          pageUrl: links.page,
        }),
      );
    }
    case "nudge": {
      const nudge = composeNudge(debrief);
      return toEmail(nudge.subject, createElement(NudgeEmail, { nudge, pageUrl: links.page }));
    }
    case "tips": {
      const tips = composeTips(debrief);
      return toEmail(tips.subject, createElement(TipsEmail, { tips, pageUrl: links.page }));
    }
    case "checkin7":
    case "checkin14": {
      const checkin = composeCheckin(debrief, kind, links.page);
      return toEmail(checkin.subject, createElement(CheckinEmail, { checkin, pageUrl: links.page }));
    }
  }
};
