import type { DigestRenderer } from "@debrief/core";
import { createElement } from "react";
import { plainTextConverter, renderHtml } from "./render-html";
import WeeklyDigestEmail, { weeklyDigestSubject } from "./templates/digest";

const toPlainText = plainTextConverter();

/**
 * Renders the advisors' Monday email (HTML and plain text). Its own entry (`@debrief/emails/digest`):
 * the weekly function's bundle carries this template only, not the candidate's emails.
 */
export const renderWeeklyDigest: DigestRenderer = async (digest) => {
  const html = renderHtml(createElement(WeeklyDigestEmail, { digest }));
  return { subject: weeklyDigestSubject(digest), html, text: toPlainText(html) };
};
