import type { Debrief, FieldErrors } from "@debrief/core";
import { ErrorSummary } from "../web/controls";
import { DONE_MESSAGES, type Done, LETTER_COPY, type LetterForm } from "./copy";

type PageHeadingProps = {
  debrief: Debrief;
  justSubmitted?: boolean;
  done?: Done;
  suppressed?: boolean;
  errors: FieldErrors;
  errorsOf: LetterForm;
};

/** The page's heading and what it has to say first: the submission, the last action, the do-not-send list, errors. */
export function PageHeading({ debrief, justSubmitted, done, suppressed, errors, errorsOf }: PageHeadingProps) {
  const { input } = debrief;
  const who = input.interview.interviewer.name;
  const notice = done ? DONE_MESSAGES[done] : undefined;
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
    </>
  );
}
