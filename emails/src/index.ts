import {
  checkBeforeSending,
  composeCheckin,
  composedLetter,
  composeNudge,
  composeTips,
  currentDraft,
  type EmailRenderer,
  mailtoLink,
  sendWindow,
  tidyDebrief,
} from "@debrief/core";
import { createElement, type ReactElement } from "react";
import { linksAsText } from "./links-as-text";
import { plainTextConverter, renderHtml } from "./render-html";
import CheckinEmail from "./templates/checkin";
import LetterEmail from "./templates/letter";
import NudgeEmail from "./templates/nudge";
import TipsEmail from "./templates/tips";

// A mailto: link carries the whole letter: in the plain-text part its label is enough.
const toPlainText = plainTextConverter({
  selectors: [{ selector: 'a[href^="mailto:"]', format: "anchor", options: { ignoreHref: true } }],
});

function toEmail(subject: string, element: ReactElement) {
  // One React render serves both parts: the plain text is converted from that same HTML.
  const html = renderHtml(element);
  return { subject, html, text: toPlainText(html) };
}

/** Renders one of a debrief's emails as HTML plus a plain-text part. */
export const renderEmail: EmailRenderer = async (kind, stored, links) => {
  // What the candidate typed is tidied once, the same way for every email (and the letter).
  const debrief = { ...stored, input: tidyDebrief(stored.input) };
  switch (kind) {
    case "letter": {
      const draft = currentDraft(debrief);
      const composed = composedLetter(debrief);
      const { interviewer } = debrief.input.interview;
      // The first email to an address nobody has proven: the service's DKIM signs no link the submitter wrote.
      // What is written shows them as text; the mailto link and the .eml keep the letter as it is.
      const asText = !debrief.addressProvenAt;
      const shown = asText ? linksAsText : (text: string) => text;
      const toCheck = checkBeforeSending(stored.input, draft).map((k) => ({
        ...k,
        word: shown(k.word),
        ...(k.suggestion ? { suggestion: shown(k.suggestion) } : {}),
      }));
      return toEmail(
        draft.subject,
        createElement(LetterEmail, {
          draft: { ...draft, subject: shown(draft.subject), body: shown(draft.body) },
          interviewerName: shown(interviewer.name),
          interviewerEmail: interviewer.email,
          // The window is advised from when the debrief arrived, so a retried send says the same.
          window: sendWindow(debrief.input, new Date(debrief.createdAt)),
          mailto: mailtoLink(draft, interviewer.email),
          links,
          // Words kept as typed that this letter, composed or edited, still shows.
          toCheck,
          // What the composer chose, said only while the candidate uses the composed letter.
          ...(draft.edited ? {} : { salutation: shown(composed.salutation), omitted: composed.omitted }),
          linksAsText: asText && linksAsText(draft.body) !== draft.body,
        }),
      );
    }
    case "nudge": {
      const nudge = composeNudge(debrief);
      const mailto = mailtoLink(currentDraft(debrief), debrief.input.interview.interviewer.email);
      return toEmail(nudge.subject, createElement(NudgeEmail, { nudge, mailto, links }));
    }
    case "tips": {
      const tips = composeTips(debrief);
      return toEmail(tips.subject, createElement(TipsEmail, { tips, links }));
    }
    case "checkin7":
    case "checkin14": {
      const checkin = composeCheckin(debrief, kind, links.page);
      return toEmail(
        checkin.subject,
        createElement(CheckinEmail, { checkin, pageUrl: links.page, notMe: links.notMe }),
      );
    }
  }
};
