import type { OutgoingEmail } from "../ports";

/**
 * The two emails the admin page sends itself: a sign-in link and an invitation. They are
 * sent by the API, whose bundle carries no react-email (the send step renders the
 * candidate's emails): four short lines each, as text and as escaped HTML, built here.
 */

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

/** One-line text for a subject: no line breaks reach a header. */
const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, " ").trim();

function email(
  to: string,
  subject: string,
  paragraphs: string[],
  button: { label: string; href: string },
): OutgoingEmail {
  const html = [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2933;background:#ffffff">',
    ...paragraphs.slice(0, 1).map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`),
    `<p style="margin:0 0 16px"><a href="${escapeHtml(button.href)}" style="display:inline-block;padding:12px 20px;background:#2f5d8a;color:#ffffff;border-radius:6px;font-weight:700;text-decoration:none">${escapeHtml(button.label)}</a></p>`,
    ...paragraphs.slice(1).map((p) => `<p style="margin:0 0 16px;color:#52606d">${escapeHtml(p)}</p>`),
    "</body></html>",
  ].join("");
  const text = [paragraphs[0], `${button.label}: ${button.href}`, ...paragraphs.slice(1)].join("\n\n");
  return { to, subject: oneLine(subject), html, text: `${text}\n` };
}

export function signInEmail(to: string, p: { centreName: string; link: string; minutes: number }): OutgoingEmail {
  return email(
    to,
    `Sign in to ${p.centreName}`,
    [
      `Here is your link to sign in to ${p.centreName}'s page on Interview Debrief.`,
      `It works once, for ${p.minutes} minutes, and only the newest link you asked for works. The page it opens asks you to press "Sign in".`,
      "If you did not ask to sign in, ignore this email: nobody can sign in without it.",
    ],
    { label: "Sign in", href: p.link },
  );
}

export function inviteEmail(
  to: string,
  p: { centreName: string; invitedBy: string; link: string; adminUrl: string; minutes: number },
): OutgoingEmail {
  return email(
    to,
    `You are invited to ${p.centreName} on Interview Debrief`,
    [
      `${p.invitedBy} added you as an advisor of ${p.centreName}: you can see what its students struggle with in their interviews, and open the debriefs they chose to share.`,
      `The button signs you in once, within ${p.minutes} minutes. After that, ask for a new link at ${p.adminUrl} with this address.`,
      "If you did not expect this, ignore this email.",
    ],
    { label: "Sign in", href: p.link },
  );
}
