import type { CandidateAction } from "@debrief/core";
import { ACTION_COPY } from "./copy";

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
