import { claimState, type Debrief, EMAIL_KINDS, type EmailKind, nudgeVariant } from "@debrief/core";
import { KIND_LABELS } from "./copy";
import { when } from "./when";

const SENT_UNLESS_SUPPRESSED = "Sent, unless your address is on our do-not-send list";

/**
 * Until the holder proves the address (uses a one-use link from an email), an email sent, one withheld because
 * the address is on the do-not-send list, and one whose workflow a bounce stopped read alike once due: the page
 * token is also the submitter's, and the difference would tell them whether someone else's mailbox exists or
 * opted out.
 */
export function emailStatus(d: Debrief, kind: EmailKind, now: Date): string {
  const send = d.sends[kind];
  const tz = d.input.candidate.timeZone;
  // SES's own event confirms an email its step never recorded (core repair.ts).
  if (send?.messageId || send?.confirmed || send?.skipped === "suppressed") {
    if (!d.addressProvenAt) return SENT_UNLESS_SUPPRESSED;
    return send.messageId || send.confirmed ? "Sent" : "Not sent: your address is on our do-not-send list";
  }
  if (send?.rejected) return "Could not be delivered";
  if (send && unconfirmed(d, kind, now)) {
    return send.resendRequestedAt ? "Sending again" : "Could not be confirmed: we cannot tell whether it went out";
  }
  if (send) return "Sending";
  if (d.stoppedAt) return "Stopped";
  if (kind === "letter") return "Being prepared";
  if (kind === "nudge" && nudgeVariant(d) === "none") return "Not needed";
  const due = kind === "nudge" ? d.schedule.nudgeAt : d.schedule.tipsAt;
  if (!d.addressProvenAt && new Date(due) <= now) return SENT_UNLESS_SUPPRESSED;
  return `Scheduled for ${when(due, tz)}`;
}

/** The email's send was claimed and nothing answered it within the repair's window (core repair.ts). */
const unconfirmed = (d: Debrief, kind: EmailKind, now: Date) => {
  const send = d.sends[kind];
  return send !== undefined && claimState(send, now) === "unconfirmed";
};

/** "Your emails": each email's status, and the buttons that change what comes next. */
export function EmailsSection({ debrief, base, now }: { debrief: Debrief; base: string; now: Date }) {
  const snoozable = !debrief.stoppedAt && !(debrief.sends.nudge && debrief.sends.tips);
  return (
    <section aria-labelledby="emails-heading">
      <h2 id="emails-heading">Your emails</h2>
      <ul class="statuses">
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
