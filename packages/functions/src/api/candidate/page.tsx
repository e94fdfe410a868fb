import { composedLetter, currentDraft, type Debrief, type FieldErrors } from "@debrief/core";
import type { Done, LetterForm } from "./copy";
import { DataSection } from "./data-section";
import { DraftSection } from "./draft-section";
import { EmailsSection } from "./emails-section";
import { PageHeading } from "./page-heading";
import { candidateScript } from "./script";

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
  return (
    <>
      <PageHeading
        debrief={debrief}
        justSubmitted={justSubmitted}
        done={done}
        suppressed={suppressed}
        errors={errors}
        errorsOf={errorsOf}
      />
      <DraftSection
        debrief={debrief}
        base={base}
        now={now}
        draft={currentDraft(debrief)}
        letter={composedLetter(debrief)}
        errors={errors}
        errorsOf={errorsOf}
        draftValues={draftValues}
        salutationValue={salutationValue}
      />
      <EmailsSection debrief={debrief} base={base} now={now} />
      <script src={candidateScript.path} defer />
      <DataSection debrief={debrief} base={base} />
    </>
  );
}
