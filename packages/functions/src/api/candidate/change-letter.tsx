import {
  type Debrief,
  debriefInputSchema,
  GREETING_BY_TONE,
  greetingFor,
  greetingForms,
  LENGTHS,
  type LetterChoices,
  TONES,
} from "@debrief/core";
import { LENGTH_LABELS, TONE_LABELS } from "../debriefs/copy";
import { Checkbox, Field, LabelledControl, Select } from "../web/controls";
import { maxLengthAt } from "../web/schema-limits";
import { LETTER_COPY, type LetterForm } from "./copy";

type ChangeLetterProps = {
  debrief: Debrief;
  base: string;
  /** The candidate edited the draft: each form asks before it replaces their changes. */
  edited: boolean;
  choices: LetterChoices;
  /** How the composed letter addresses the interviewer. */
  salutation: string;
  /** The salutation the candidate typed when changing it failed. */
  salutationValue?: string;
  /** The error of a field of one of these forms, if that form was the one sent. */
  errorOf: (form: LetterForm, field: string) => string | undefined;
};

/**
 * "Change the letter": its length and parts, how it addresses them (typed, or one of the
 * forms offered, or by the tone again), its tone; each rewrites the draft.
 */
export function ChangeLetter({
  debrief,
  base,
  edited,
  choices,
  salutation,
  salutationValue,
  errorOf,
}: ChangeLetterProps) {
  const { input } = debrief;
  // The ways of address offered beside the salutation field, and the tone's own once one was chosen.
  const { interviewer } = input.interview;
  const otherForms = greetingForms(interviewer).filter((form) => form !== salutation);
  const byTone = interviewer.salutation ? greetingFor(interviewer, input.tone) : undefined;
  // Each form that rewrites the letter asks before it replaces the candidate's own changes.
  const replaceEdits = (form: LetterForm) =>
    edited ? (
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
  return (
    <>
      <h3 id="change-heading">Change the letter</h3>
      <p class="hint" id="change-note">
        {edited ? LETTER_COPY.editedNote : LETTER_COPY.freshNote}
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
        <Field
          id="decisionDate"
          name="decisionDate"
          type="date"
          label={LETTER_COPY.decisionDateLabel}
          hint={LETTER_COPY.decisionDateHint}
          value={input.interview.decisionDate ?? ""}
          error={errorOf("letter", "decisionDate")}
        />
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
          value={salutationValue ?? salutation}
          maxlength={maxLengthAt(debriefInputSchema, "interview.interviewer.salutation")}
          error={errorOf("salutation", "salutation")}
        />
        {replaceEdits("salutation")}
        <button type="submit" class="secondary" id="change-salutation">
          {LETTER_COPY.changeSalutation}
        </button>
        {/* After the main button, so Enter in the field above still changes the greeting to what was typed. */}
        {otherForms.length > 0 || byTone ? (
          <fieldset class="choice" id="greeting-forms">
            <legend>{LETTER_COPY.greetingFormsLegend}</legend>
            <div class="actions">
              {otherForms.map((form, i) => (
                <button type="submit" class="secondary" name="use" value={form} id={`greeting-form-${i}`}>
                  {LETTER_COPY.greetingForm(form)}
                </button>
              ))}
              {byTone ? (
                <button type="submit" class="secondary" name="use" value={GREETING_BY_TONE} id="greeting-by-tone">
                  {LETTER_COPY.greetingByTone(byTone)}
                </button>
              ) : null}
            </div>
          </fieldset>
        ) : null}
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
    </>
  );
}
