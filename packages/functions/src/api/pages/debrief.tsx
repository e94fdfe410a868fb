import { composeLetter, type Debrief, EMAIL_KINDS, type EmailKind } from "@debrief/core";
import { Page } from "./layout";

const KIND_LABELS: Record<EmailKind, string> = {
  letter: "Drafted letter",
  nudge: "Next-day check-in",
  tips: "Second-interview tips",
};

function emailStatus(d: Debrief, kind: EmailKind): string {
  const send = d.sends[kind];
  if (!send)
    return kind === "letter"
      ? "Being prepared"
      : `Scheduled for ${d.schedule[kind === "nudge" ? "nudgeAt" : "tipsAt"].slice(0, 16).replace("T", " ")} UTC`;
  if (send.messageId) return "Sent";
  if (send.rejected) return "Could not be delivered";
  return "Sending";
}

/** The candidate's own page, reached only through an unguessable token. */
export function DebriefPage({ debrief, justSubmitted }: { debrief: Debrief; justSubmitted: boolean }) {
  const letter = composeLetter(debrief.input);
  return (
    <Page title="Your follow-up">
      {justSubmitted ? (
        <div class="notice" role="status">
          <h1>Your debrief is in</h1>
          <p>
            We are emailing the draft to <strong>{debrief.input.candidate.email}</strong>. Keep this page's address: it
            is the key to your debrief.
          </p>
        </div>
      ) : (
        <h1>Your follow-up to {debrief.input.interview.interviewer.name}</h1>
      )}
      <section aria-labelledby="draft-heading">
        <h2 id="draft-heading">Your draft</h2>
        <p class="hint">Subject: {letter.subject}</p>
        <article class="letter">
          <p>{letter.greeting}</p>
          {letter.paragraphs.map((p) => (
            <p>{p}</p>
          ))}
          <p>
            {letter.closing}
            <br />
            {letter.signature}
          </p>
        </article>
      </section>
      <section aria-labelledby="emails-heading">
        <h2 id="emails-heading">Your emails</h2>
        <ul class="statuses">
          {EMAIL_KINDS.map((kind) => (
            <li>
              <span>{KIND_LABELS[kind]}</span> <strong>{emailStatus(debrief, kind)}</strong>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

export function NotFoundPage() {
  return (
    <Page title="Not found">
      <h1>We could not find that page</h1>
      <p>
        The link may be mistyped, or the debrief was deleted. <a href="/">Start a new debrief</a>.
      </p>
    </Page>
  );
}
