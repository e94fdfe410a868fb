import {
  type CandidateAction,
  currentDraft,
  type Debrief,
  EMAIL_KINDS,
  type EmailKind,
  type FieldErrors,
  MAILTO_BODY_LIMIT,
  MAX_SNOOZES,
  mailtoLink,
  nudgeVariant,
  sendWindow,
  TONES,
} from "@debrief/core";
import { Page } from "./layout";

const KIND_LABELS: Record<EmailKind, string> = {
  letter: "Drafted letter",
  nudge: "Next-day check-in",
  tips: "Second-interview tips",
};
const TONE_LABELS = { warm: "Warm", formal: "Formal", concise: "Concise" } as const;

/** What the page says after each action (the `done` query parameter of the redirect). */
export const DONE_MESSAGES: Record<string, string> = {
  draft: "Your changes to the letter are saved. The mail link and the .eml file use them now.",
  tone: "Your letter is rewritten in the tone you chose.",
  sent: "Marked as sent. Tomorrow's email will tell you what to expect instead of reminding you.",
  snoozed: "Snoozed: your next email comes a day later.",
  "snooze-limit": `You have snoozed ${MAX_SNOOZES} times already; the emails keep their current times.`,
  "nothing-pending": "There is no email left to snooze.",
  "second-interview": "Congratulations! Your second-interview tips are on their way now.",
  "tips-already-sent": "Your second-interview tips have already been sent.",
  stopped: "Done: we will send you no more emails about this debrief.",
  "delete-unconfirmed": "Nothing was deleted: tick the box to confirm, then press Delete my data.",
};

function when(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

function emailStatus(d: Debrief, kind: EmailKind): string {
  const send = d.sends[kind];
  const tz = d.input.candidate.timeZone;
  if (send?.messageId) return "Sent";
  if (send?.rejected) return "Could not be delivered";
  if (send) return "Sending";
  if (d.stoppedAt) return "Stopped";
  if (kind === "letter") return "Being prepared";
  if (kind === "nudge" && nudgeVariant(d) === "none") return "Not needed";
  return `Scheduled for ${when(kind === "nudge" ? d.schedule.nudgeAt : d.schedule.tipsAt, tz)}`;
}

type PageProps = {
  debrief: Debrief;
  /** The page's own address (`/d/{token}`), for its forms and links. */
  base: string;
  justSubmitted?: boolean;
  done?: string;
  now: Date;
  errors?: FieldErrors;
  /** What the candidate typed when saving failed, so nothing is lost. */
  draftValues?: { subject: string; body: string };
  /** The address is on the do-not-send list (a bounce, a complaint, or "this wasn't me"): no email will come. */
  suppressed?: boolean;
};

/** The candidate's own page, reached only through an unguessable token. Works fully without JavaScript. */
export function DebriefPage({
  debrief,
  base,
  justSubmitted,
  done,
  now,
  errors = {},
  draftValues,
  suppressed,
}: PageProps) {
  const { input } = debrief;
  const who = input.interview.interviewer.name;
  const draft = currentDraft(debrief);
  const mailto = mailtoLink(draft, input.interview.interviewer.email);
  const window = sendWindow(input, now);
  const notice = done ? DONE_MESSAGES[done] : undefined;
  const errorCount = Object.keys(errors).length;
  const snoozable = !debrief.stoppedAt && !(debrief.sends.nudge && debrief.sends.tips);
  return (
    <Page title="Your follow-up">
      {justSubmitted ? (
        <div class="notice" role="status">
          <h1>Your debrief is in</h1>
          <p>
            {suppressed ? (
              "Your draft is below"
            ) : (
              <>
                We are emailing the draft to <strong>{input.candidate.email}</strong>
              </>
            )}
            . Keep this page's address: it is the key to your debrief.
          </p>
        </div>
      ) : (
        <>
          <h1>Your follow-up to {who}</h1>
          {notice ? (
            <div class="notice" role="status" id="notice">
              <p>{notice}</p>
            </div>
          ) : null}
        </>
      )}
      {suppressed ? (
        <div class="notice" role="status" id="suppressed">
          <p>
            We cannot email <strong>{input.candidate.email}</strong>: it is on our do-not-send list, because mail to it
            bounced or someone said this debrief was not theirs. Nothing from this debrief will reach that inbox, but
            everything on this page still works.
          </p>
        </div>
      ) : null}
      {errorCount ? (
        // autofocus: focus moves to the problems even with JavaScript off (as on the form).
        <div class="error-summary" role="alert" id="error-summary" tabindex={-1} autofocus>
          <h2>Your letter was not saved</h2>
          <ul>
            {Object.entries(errors).map(([field, message]) => (
              <li>
                <a href={`#draft-${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <section aria-labelledby="draft-heading">
        <h2 id="draft-heading">Your draft</h2>
        {debrief.letterSentAt ? (
          <p id="sent-status">
            You marked this letter as sent on {when(debrief.letterSentAt, input.candidate.timeZone)}.
          </p>
        ) : (
          <p id="send-window">
            <strong>Best time to send:</strong> {window.label}
            {window.candidateLabel ? `, which is ${window.candidateLabel}` : ""}.
            {window.scheduleSendHint ? ` ${window.scheduleSendHint}` : ""}
          </p>
        )}
        <p class="hint">Subject: {draft.subject}</p>
        <article class="letter" id="letter">
          {draft.body}
        </article>
        <div class="actions" id="send-actions" data-copy="letter">
          <a class="button" id="send-mailto" href={mailto.href}>
            Open in my mail program
          </a>
          <a class="button secondary" id="download-eml" href={`${base}/letter.eml`} download="follow-up.eml">
            Download as an email file (.eml)
          </a>
        </div>
        <p class="hint" id="copy-status" aria-live="polite" />
        <p class="hint">
          {mailto.full
            ? "To copy the letter instead, select its text above."
            : `Your letter is longer than mail programs accept in a link (about ${MAILTO_BODY_LIMIT.toLocaleString("en-GB")} characters), so the mail button opens a short placeholder: paste the letter over it, or use the .eml file.`}{" "}
          We never write to {who}: you send it from your own mailbox.
        </p>

        <details id="edit-draft" open={errorCount > 0 ? true : undefined}>
          <summary>Edit the letter</summary>
          <form method="post" action={`${base}/draft`}>
            <div class={errors.subject ? "field has-error" : "field"}>
              <label for="draft-subject">Subject</label>
              {errors.subject ? (
                <p class="error" id="err-draft-subject">
                  {errors.subject}
                </p>
              ) : null}
              <input
                type="text"
                id="draft-subject"
                name="subject"
                value={draftValues?.subject ?? draft.subject}
                maxlength={200}
                aria-invalid={errors.subject ? "true" : undefined}
                aria-describedby={errors.subject ? "err-draft-subject" : undefined}
              />
            </div>
            <div class={errors.body ? "field has-error" : "field"}>
              <label for="draft-body">Letter</label>
              <p class="hint" id="hint-draft-body">
                Change anything that does not sound like you. To copy it, select all the text in this box.
              </p>
              {errors.body ? (
                <p class="error" id="err-draft-body">
                  {errors.body}
                </p>
              ) : null}
              <textarea
                id="draft-body"
                name="body"
                rows={18}
                maxlength={10000}
                aria-invalid={errors.body ? "true" : undefined}
                aria-describedby={errors.body ? "hint-draft-body err-draft-body" : "hint-draft-body"}
              >
                {draftValues?.body ?? draft.body}
              </textarea>
            </div>
            <button type="submit" id="save-draft">
              Save my changes
            </button>
          </form>
        </details>

        <form method="post" action={`${base}/tone`} class="actions">
          <div class="field">
            <label for="tone">Rewrite it in another tone</label>
            <p class="hint" id="hint-tone">
              {draft.edited ? "This replaces your own changes with a fresh draft." : "The facts stay the same."}
            </p>
            <select id="tone" name="tone" aria-describedby="hint-tone">
              {TONES.map((t) => (
                <option value={t} selected={input.tone === t}>
                  {TONE_LABELS[t]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="secondary" id="regenerate">
            Rewrite the letter
          </button>
        </form>
      </section>

      <section aria-labelledby="emails-heading">
        <h2 id="emails-heading">Your emails</h2>
        <ul class="statuses">
          {EMAIL_KINDS.map((kind) => (
            <li id={`status-${kind}`}>
              <span>{KIND_LABELS[kind]}</span> <strong>{emailStatus(debrief, kind)}</strong>
            </li>
          ))}
        </ul>
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
      <script src="/assets/candidate.js" defer />

      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        {debrief.centre ? (
          <p>
            <a id="centre-sharing" href={`${base}/centre`}>
              {debrief.shareWithCentre ? "Shared with" : "Not shared with"}{" "}
              {debrief.centreSnapshot?.displayName ?? "your career centre"}: see who opened it, or change that
            </a>
          </p>
        ) : null}
        <p>
          <a id="download-data" href={`${base}/data.json`} download="my-debrief.json">
            Download my data (JSON)
          </a>
        </p>
        <form method="post" action={`${base}/delete`}>
          <label class="check">
            <input type="checkbox" id="delete-confirm" name="confirm" value="yes" required /> I understand that this
            deletes my debrief, my draft and this page for good.
          </label>
          <button type="submit" class="secondary" id="delete-data">
            Delete my data
          </button>
        </form>
      </section>
    </Page>
  );
}

export function NotFoundPage() {
  return (
    <Page title="Not found">
      <h1>We could not find that page</h1>
      <p>
        The link may be mistyped, already used, or the debrief was deleted. <a href="/">Start a new debrief</a>.
      </p>
    </Page>
  );
}

export function DeletedPage() {
  return (
    <Page title="Deleted">
      <h1>Your data is deleted</h1>
      <p role="status" id="deleted">
        Your debrief, your draft and the links to this page are gone, and no more emails will come.
      </p>
      <p>
        <a href="/">Start a new debrief</a>
      </p>
    </Page>
  );
}

const ACTION_COPY: Record<CandidateAction, { title: string; question: string; button: string }> = {
  sent: {
    title: "Mark as sent",
    question: "Did you send your letter? Tomorrow's email will then tell you what to expect instead of reminding you.",
    button: "Yes, I sent it",
  },
  snooze: { title: "Snooze a day", question: "Put your next email off by a day?", button: "Snooze a day" },
  stop: { title: "Stop emails", question: "Stop all further emails about this debrief?", button: "Stop emails" },
  delete: {
    title: "Delete my data",
    question: "Delete your debrief, your draft and every link to it, for good?",
    button: "Delete my data",
  },
};

/** A one-use link from an email asks before it acts, so a mail scanner opening the link changes nothing. */
export function ConfirmActionPage({ action, path }: { action: CandidateAction; path: string }) {
  const copy = ACTION_COPY[action];
  return (
    <Page title={copy.title}>
      <h1>{copy.title}</h1>
      <p>{copy.question}</p>
      <form method="post" action={path}>
        <button type="submit" id="confirm-action">
          {copy.button}
        </button>
      </form>
    </Page>
  );
}

export function ActionDonePage({ message }: { message: string }) {
  return (
    <Page title="Done">
      <h1>Done</h1>
      <p role="status" id="action-done">
        {message}
      </p>
      <p>The link you used works only once. Your page, linked from each email, has everything else.</p>
    </Page>
  );
}
