import {
  type CandidateAction,
  CHECK_BEFORE_SENDING,
  checkBeforeSending,
  checkLine,
  composedLetter,
  currentDraft,
  type Debrief,
  debriefInputSchema,
  EMAIL_KINDS,
  type EmailKind,
  type FieldErrors,
  LENGTHS,
  letterChoices,
  MAILTO_BODY_LIMIT,
  mailtoLink,
  mostHelpfulAddition,
  nudgeVariant,
  sendWindow,
  TONES,
} from "@debrief/core";
import { LENGTH_LABELS, TONE_LABELS } from "../debriefs/copy";
import { Checkbox, ErrorSummary, Field, LabelledControl, Select } from "../web/controls";
import { maxLengthAt } from "../web/schema-limits";
import { ACTION_COPY, DONE_MESSAGES, type Done, KIND_LABELS, LETTER_COPY, type LetterForm } from "./copy";
import { candidateScript } from "./script";

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

const SENT_UNLESS_SUPPRESSED = "Sent, unless your address is on our do-not-send list";

/**
 * Until the holder proves the address (uses a one-use link from an email), an email sent, one withheld because
 * the address is on the do-not-send list, and one whose workflow a bounce stopped read alike once due: the page
 * token is also the submitter's, and the difference would tell them whether someone else's mailbox exists or
 * opted out.
 */
function emailStatus(d: Debrief, kind: EmailKind, now: Date): string {
  const send = d.sends[kind];
  const tz = d.input.candidate.timeZone;
  if (send?.messageId || send?.skipped === "suppressed") {
    if (!d.addressProvenAt) return SENT_UNLESS_SUPPRESSED;
    return send.messageId ? "Sent" : "Not sent: your address is on our do-not-send list";
  }
  if (send?.rejected) return "Could not be delivered";
  if (send) return "Sending";
  if (d.stoppedAt) return "Stopped";
  if (kind === "letter") return "Being prepared";
  if (kind === "nudge" && nudgeVariant(d) === "none") return "Not needed";
  const due = kind === "nudge" ? d.schedule.nudgeAt : d.schedule.tipsAt;
  if (!d.addressProvenAt && new Date(due) <= now) return SENT_UNLESS_SUPPRESSED;
  return `Scheduled for ${when(due, tz)}`;
}

/** The debrief's web links (work samples, references reached by a URL), to offer as links on the page. */
function webLinks(input: Debrief["input"]): { label: string; url: string }[] {
  return [
    ...input.samples.map((s) => ({ label: s.title, url: s.url })),
    ...input.references
      .filter((r) => /^https?:\/\/\S+$/i.test(r.contact))
      .map((r) => ({ label: `${r.name} (${r.relation})`, url: r.contact })),
  ];
}

type PageProps = {
  debrief: Debrief;
  /** The page's own address (`/d/{token}`), for its forms and links. */
  base: string;
  justSubmitted?: boolean;
  done?: Done;
  now: Date;
  errors?: FieldErrors;
  /** Which form the errors belong to (default: the edited draft). */
  errorsOf?: LetterForm;
  /** What the candidate typed when saving failed, so nothing is lost. */
  draftValues?: { subject: string; body: string };
  /** The salutation the candidate typed when changing it failed. */
  salutationValue?: string;
  /** The address is on the do-not-send list (a bounce, a complaint, or "this wasn't me"): no email will come. */
  suppressed?: boolean;
};

export const DEBRIEF_PAGE_TITLE = "Your follow-up";

/** The candidate's own page, reached only through an unguessable token. Works fully without JavaScript. */
export function DebriefPage({
  debrief,
  base,
  justSubmitted,
  done,
  now,
  errors = {},
  errorsOf = "draft",
  draftValues,
  salutationValue,
  suppressed,
}: PageProps) {
  const { input } = debrief;
  const who = input.interview.interviewer.name;
  const draft = currentDraft(debrief);
  // What the composer chose: said while the candidate uses the composed letter, and what a fresh draft would use.
  const letter = composedLetter(debrief);
  const composed = draft.edited ? undefined : letter;
  const choices = letterChoices(debrief);
  const errorOf = (form: LetterForm, field: string) => (errorsOf === form ? errors[field] : undefined);
  // Each form that rewrites the letter asks before it replaces the candidate's own changes.
  const replaceEdits = (form: LetterForm) =>
    draft.edited ? (
      <Checkbox
        id={`replace-${form}`}
        name="replace"
        value="yes"
        checked={false}
        required
        label={LETTER_COPY.replace}
        error={errorOf(form, "replace")}
      />
    ) : null;
  const addition = mostHelpfulAddition(input);
  const toCheck = checkBeforeSending(input, draft);
  const mailto = mailtoLink(draft, input.interview.interviewer.email);
  const window = sendWindow(input, now);
  const notice = done ? DONE_MESSAGES[done] : undefined;
  const errorCount = Object.keys(errors).length;
  const snoozable = !debrief.stoppedAt && !(debrief.sends.nudge && debrief.sends.tips);
  return (
    <>
      {justSubmitted ? (
        <div class="notice" role="status">
          <h1>Your debrief is in</h1>
          <p>
            {suppressed ? (
              "Your draft is below"
            ) : (
              <>
                We are emailing the draft to <strong>{input.candidate.email}</strong>
                {debrief.addressProvenAt ? "" : ", unless that address is on our do-not-send list"}
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
      <ErrorSummary
        heading={errorsOf === "draft" ? "Your letter was not saved" : "Your letter was not changed"}
        items={Object.entries(errors).map(([field, message]) => ({
          href: `#${LETTER_COPY.anchor(errorsOf, field)}`,
          text: message,
        }))}
      />

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
        {/* The letter email writes web addresses as text (emails/src/links-as-text.ts): here they are links. */}
        {webLinks(input).length > 0 ? (
          <div id="letter-links">
            <p class="hint">Your work samples and references, as links (the letter email writes them as text):</p>
            <ul>
              {webLinks(input).map((l) => (
                <li>
                  <a href={l.url} rel="noopener noreferrer nofollow">
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {toCheck.length > 0 ? (
          <div id="check-before-sending">
            <h3 id="check-heading">{CHECK_BEFORE_SENDING.heading}</h3>
            <p class="hint">{CHECK_BEFORE_SENDING.intro}</p>
            <ul aria-labelledby="check-heading">
              {toCheck.map((k) => (
                <li>{checkLine(k)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {composed ? (
          <div id="letter-choices">
            <p class="hint" id="salutation-used">
              It addresses them as <strong>{composed.salutation}</strong>. If that is not how they introduced
              themselves, change it under “Change the letter”.
            </p>
            {composed.omitted.length > 0 ? (
              <p class="hint" id="left-out">
                Left out of this letter: {composed.omitted.map((o) => `${o.label} (${o.why})`).join("; ")}. To put any
                of them back, tick it under “Change the letter”.
              </p>
            ) : null}
            {addition ? (
              <p class="hint" id="most-helpful">
                <strong>What would help this letter most</strong> (add it under "Edit the letter"): {addition.text}
              </p>
            ) : null}
          </div>
        ) : null}
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

        <details id="edit-draft" open={errorsOf === "draft" && errorCount > 0 ? true : undefined}>
          <summary>Edit the letter</summary>
          <form method="post" action={`${base}/draft`}>
            <Field
              id="draft-subject"
              name="subject"
              label="Subject"
              value={draftValues?.subject ?? draft.subject}
              maxlength={200}
              error={errors.subject}
            />
            <Field
              id="draft-body"
              name="body"
              label="Letter"
              hint="Change anything that does not sound like you. To copy it, select all the text in this box."
              value={draftValues?.body ?? draft.body}
              rows={18}
              maxlength={10000}
              error={errors.body}
            />
            <button type="submit" id="save-draft">
              Save my changes
            </button>
          </form>
        </details>

        <h3 id="change-heading">Change the letter</h3>
        <p class="hint" id="change-note">
          {draft.edited ? LETTER_COPY.editedNote : LETTER_COPY.freshNote}
        </p>
        <form method="post" action={`${base}/letter`} id="letter-form">
          <Select
            id="length"
            name="length"
            label={LETTER_COPY.lengthLabel}
            hint={LETTER_COPY.lengthHint}
            value={choices.length}
            error={errorOf("letter", "length")}
            options={LENGTHS.map((l) => ({ value: l, label: LENGTH_LABELS[l] }))}
          />
          {choices.parts.length > 0 ? (
            <LabelledControl
              id="include"
              label={null}
              hint={LETTER_COPY.partsHint}
              error={errorOf("letter", "include")}
              control={(aria) => (
                <fieldset class="choice" aria-describedby={aria["aria-describedby"]}>
                  <legend>{LETTER_COPY.partsLegend(choices.length)}</legend>
                  {choices.parts.map((p, i) => (
                    <label class="check">
                      <input
                        type="checkbox"
                        id={i === 0 ? "include" : `include-${i}`}
                        name="include"
                        value={p.part}
                        checked={p.included}
                      />{" "}
                      {LETTER_COPY.partLabel(p)}
                    </label>
                  ))}
                </fieldset>
              )}
            />
          ) : null}
          {replaceEdits("letter")}
          <button type="submit" class="secondary" id="update-letter">
            {LETTER_COPY.update}
          </button>
        </form>

        <form method="post" action={`${base}/salutation`} id="salutation-form">
          <Field
            id="salutation"
            name="salutation"
            label={LETTER_COPY.salutationLabel}
            hint={LETTER_COPY.salutationHint}
            value={salutationValue ?? letter.salutation}
            maxlength={maxLengthAt(debriefInputSchema, "interview.interviewer.salutation")}
            error={errorOf("salutation", "salutation")}
          />
          {replaceEdits("salutation")}
          <button type="submit" class="secondary" id="change-salutation">
            {LETTER_COPY.changeSalutation}
          </button>
        </form>

        <form method="post" action={`${base}/tone`} id="tone-form">
          <Select
            id="tone"
            name="tone"
            label="Rewrite it in another tone"
            hint="The facts stay the same."
            value={input.tone}
            error={errorOf("tone", "tone")}
            options={TONES.map((t) => ({ value: t, label: TONE_LABELS[t] }))}
          />
          {replaceEdits("tone")}
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
              <span>{KIND_LABELS[kind]}</span> <strong>{emailStatus(debrief, kind, now)}</strong>
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
      <script src={candidateScript.path} defer />

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
    </>
  );
}

export function DeletedPage() {
  return (
    <>
      <h1>Your data is deleted</h1>
      <p role="status" id="deleted">
        Your debrief, your draft and the links to this page are gone, and no more emails will come.
      </p>
      <p>
        <a href="/">Start a new debrief</a>
      </p>
    </>
  );
}

/** A one-use link from an email asks before it acts, so a mail scanner opening the link changes nothing. */
export function ConfirmActionPage({ action, path }: { action: CandidateAction; path: string }) {
  const copy = ACTION_COPY[action];
  return (
    <>
      <h1>{copy.title}</h1>
      <p>{copy.question}</p>
      <form method="post" action={path}>
        <button type="submit" id="confirm-action">
          {copy.button}
        </button>
      </form>
    </>
  );
}

export function ActionDonePage({ message }: { message: string }) {
  return (
    <>
      <h1>Done</h1>
      <p role="status" id="action-done">
        {message}
      </p>
      <p>The link you used works only once. Your page, linked from each email, has everything else.</p>
    </>
  );
}
