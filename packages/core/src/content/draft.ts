/** The letter as it stands for a stored debrief: the candidate's edit, else what the composer writes. */
import type { Debrief } from "../debrief/model";
import { composeLetter, type Letter, letterAsText } from "./letter";

/** The letter as the candidate will send it: their edited draft if they saved one, else the composed letter. */
export type Draft = { subject: string; body: string; edited: boolean };

/**
 * The letter composed for a stored debrief: its input (tone and length included) and the
 * parts the candidate put back on their page. What the page, the emails, the .eml and
 * every mailto link show, so they all agree.
 */
export function composedLetter(d: Pick<Debrief, "input" | "letterInclude">): Letter {
  return composeLetter(d.input, { include: d.letterInclude ?? [] });
}

export function currentDraft(d: Pick<Debrief, "input" | "draft" | "letterInclude">): Draft {
  if (d.draft) return { subject: d.draft.subject, body: d.draft.body, edited: true };
  const letter = composedLetter(d);
  return { subject: letter.subject, body: letterAsText(letter), edited: false };
}
