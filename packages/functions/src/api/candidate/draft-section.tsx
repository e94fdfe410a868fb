import {
  CHECK_BEFORE_SENDING,
  checkBeforeSending,
  checkLine,
  type Debrief,
  type Draft,
  type FieldErrors,
  type Letter,
  leftOutSentences,
  letterChoices,
  MAILTO_BODY_LIMIT,
  mailtoLink,
  mostHelpfulAddition,
  sendWindow,
} from "@debrief/core";
import { Field } from "../web/controls";
import { ChangeLetter } from "./change-letter";
import { LETTER_COPY, type LetterForm } from "./copy";
import { when } from "./when";

/** The debrief's web links (work samples, references reached by a URL), to offer as links on the page. */
function webLinks(input: Debrief["input"]): { label: string; url: string }[] {
  return [
    ...input.samples.map((s) => ({ label: s.title, url: s.url })),
    ...input.references
      .filter((r) => /^https?:\/\/\S+$/i.test(r.contact))
      .map((r) => ({ label: `${r.name} (${r.relation})`, url: r.contact })),
  ];
}

type DraftSectionProps = {
  debrief: Debrief;
  base: string;
  now: Date;
  /** The letter as it will be sent: the candidate's edit, else the composed one. */
  draft: Draft;
  /** The letter the composer writes for this debrief. */
  letter: Letter;
  errors: FieldErrors;
  errorsOf: LetterForm;
  draftValues?: { subject: string; body: string };
  salutationValue?: string;
};

/** "Your draft": the letter, when and how to send it, what it left out, and the forms that change it. */
export function DraftSection({
  debrief,
  base,
  now,
  draft,
  letter,
  errors,
  errorsOf,
  draftValues,
  salutationValue,
}: DraftSectionProps) {
  const { input } = debrief;
  const who = input.interview.interviewer.name;
  // What the composer chose: said while the candidate uses the composed letter.
  const composed = draft.edited ? undefined : letter;
  const addition = mostHelpfulAddition(input);
  const toCheck = checkBeforeSending(input, draft);
  const mailto = mailtoLink(draft, input.interview.interviewer.email);
  const window = sendWindow(input, now);
  const errorCount = Object.keys(errors).length;
  return (
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
            It addresses them as <strong>{composed.salutation}</strong>. If that is not how they introduced themselves,
            change it under “Change the letter”.
          </p>
          {leftOutSentences(composed.omitted, true).map((text, i) => (
            <p class="hint" id={i === 0 ? "left-out" : `left-out-${i}`}>
              {text}
            </p>
          ))}
          {addition ? (
            <p class="hint" id="most-helpful">
              <strong>What would help this letter most</strong> (
              {addition.field === "interview.decisionDate" ? (
                <>
                  set it under “Change the letter”: <a href="#decisionDate">“{LETTER_COPY.decisionDateLabel}”</a>
                </>
              ) : (
                <>
                  add it under <a href="#edit-draft">“Edit the letter”</a>
                </>
              )}
              ): {addition.text}
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
      <ChangeLetter
        debrief={debrief}
        base={base}
        edited={draft.edited}
        choices={letterChoices(debrief)}
        salutation={letter.salutation}
        salutationValue={salutationValue}
        errorOf={(form, field) => (errorsOf === form ? errors[field] : undefined)}
      />
    </section>
  );
}
