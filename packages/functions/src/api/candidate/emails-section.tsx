import { claimState, type Debrief, EMAIL_KINDS, type EmailKind, nudgeVariant } from "@debrief/core";
import { KIND_LABELS } from "./copy";
import { when } from "./when";

const SENT_UNLESS_SUPPRESSED = "Sent, unless your address is on our do-not-send list";

/** An email's status as the page shows it, and whether it may change within minutes without the candidate. */
export type EmailState = { status: string; pending: boolean };

/**
 * Until the holder proves the address (uses a one-use link from an email), an email sent, one withheld because
 * the address is on the do-not-send list, and one whose workflow a bounce stopped read alike once due: the page
 * token is also the submitter's, and the difference would tell them whether someone else's mailbox exists or
 * opted out.
 */
export function emailState(d: Debrief, kind: EmailKind, now: Date): EmailState {
  const send = d.sends[kind];
  const tz = d.input.candidate.timeZone;
  const settled = (status: string) => ({ status, pending: false });
  // Sent once SES took it: the step's recorded message id, or SES's own Send or Delivery event
  // recorded on the claim (core repair.ts), whichever comes first. "Sending" is only the claim before either.
  if (send?.messageId || send?.confirmed || send?.skipped === "suppressed") {
    if (!d.addressProvenAt) return settled(SENT_UNLESS_SUPPRESSED);
    return settled(send.messageId || send.confirmed ? "Sent" : "Not sent: your address is on our do-not-send list");
  }
  if (send?.rejected) return settled("Could not be delivered");
  if (send && unconfirmed(d, kind, now)) {
    return send.resendRequestedAt
      ? { status: "Sending again", pending: true }
      : settled("Could not be confirmed: we cannot tell whether it went out");
  }
  if (send) return { status: "Sending", pending: true };
  if (d.stoppedAt) return settled("Stopped");
  if (kind === "letter") return { status: "Being prepared", pending: true };
  if (kind === "nudge" && nudgeVariant(d) === "none") return settled("Not needed");
  const due = kind === "nudge" ? d.schedule.nudgeAt : d.schedule.tipsAt;
  if (!d.addressProvenAt && new Date(due) <= now) return settled(SENT_UNLESS_SUPPRESSED);
  return settled(`Scheduled for ${when(due, tz)}`);
}

export const emailStatus = (d: Debrief, kind: EmailKind, now: Date): string => emailState(d, kind, now).status;

/**
 * What the page's script polls (`GET /d/{token}/status.json`): each email's label and status, exactly
 * the words the page shows and nothing else, and whether any may still change without the candidate.
 */
export function emailStatuses(d: Debrief, now: Date) {
  const emails = EMAIL_KINDS.map((kind) => ({ kind, label: KIND_LABELS[kind], ...emailState(d, kind, now) }));
  return { pending: emails.some((e) => e.pending), emails };
}

/** The email's send was claimed and nothing answered it within the repair's window (core repair.ts). */
const unconfirmed = (d: Debrief, kind: EmailKind, now: Date) => {
  const send = d.sends[kind];
  return send !== undefined && claimState(send, now) === "unconfirmed";
};

/** "Your emails": each email's status, and the buttons that change what comes next. */
export function EmailsSection({ debrief, base, now }: { debrief: Debrief; base: string; now: Date }) {
  const snoozable = !debrief.stoppedAt && !(debrief.sends.nudge && debrief.sends.tips);
  const { pending } = emailStatuses(debrief, now);
  return (
    <section aria-labelledby="emails-heading" id="emails" data-status-url={pending ? `${base}/status.json` : undefined}>
      <h2 id="emails-heading">Your emails</h2>
      {/* Polite: the page's script updates the statuses in place while an email is on its way. */}
      <ul class="statuses" aria-live="polite">
        {EMAIL_KINDS.map((kind) => (
          <li id={`status-${kind}`}>
            <span>{KIND_LABELS[kind]}</span> <strong>{emailStatus(debrief, kind, now)}</strong>
            {unconfirmed(debrief, kind, now) && !debrief.sends[kind]?.resendRequestedAt ? (
              <form method="post" action={`${base}/resend/${kind}`}>
                <button type="submit" class="secondary" id={`resend-${kind}`}>
                  Send it again
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {pending ? (
        <p class="hint" id="statuses-pending">
          An email is on its way; this list updates by itself once it is sent.{" "}
          <a href={`${base}#emails`} id="refresh-statuses">
            Refresh
          </a>
        </p>
      ) : null}
      {debrief.addressProvenAt ? null : (
        <p class="hint" id="statuses-unproven">
          Once you use a link from one of our emails, this page also says whether each email could reach your address:
          anyone can type an address into the form, so until then it does not.
        </p>
      )}
      <div class="actions">
        {debrief.letterSentAt ? null : (
          <form method="post" action={`${base}/sent`}>
            <button type="submit" id="mark-sent">
              I sent it
            </button>
          </form>
        )}
        {debrief.sends.tips || debrief.stoppedAt ? null : (
          <form method="post" action={`${base}/second-interview`}>
            <button type="submit" class="secondary" id="second-interview">
              I got a second interview: send the tips now
            </button>
          </form>
        )}
        {snoozable ? (
          <form method="post" action={`${base}/snooze`}>
            <button type="submit" class="secondary" id="snooze">
              Snooze a day
            </button>
          </form>
        ) : null}
        {debrief.stoppedAt ? null : (
          <form method="post" action={`${base}/stop`}>
            <button type="submit" class="secondary" id="stop-emails">
              Stop emails
            </button>
          </form>
        )}
      </div>
      {debrief.sends.tips ? (
        <p>
          <a id="download-ics" href={`${base}/practice.ics`}>
            Add the practice session to my calendar (.ics)
          </a>
        </p>
      ) : null}
    </section>
  );
}
