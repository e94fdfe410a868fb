import { collapseSpaces, tidyName, tidySalutation } from "../debrief/tidy";

/** Titles that go with a surname ("Dr. O'Connor"); a job title ("Head of Analytics") is not one of them. */
const HONORIFIC =
  /^(?:mr|mrs|ms|mx|miss|dr|prof|professor|sir|dame|rev|revd|reverend|fr|father|sr|sister|capt|captain|judge|lord|lady|herr|frau|sra?|srta|mme|mlle|m)\.?$/iu;

export function isHonorific(word: string): boolean {
  return HONORIFIC.test(word.trim());
}

/**
 * How a letter addresses someone when the candidate has not said: a title goes with
 * the name without its first word ("Dr." + "Siobhán O'Connor-Ní Bhriain" → "Dr.
 * O'Connor-Ní Bhriain"), never with a given name; without a title, the full name, which
 * is safe in any formal letter. No guess from the name's language: a family name that
 * comes first is the candidate's to confirm on the form and the page. The form prefills
 * its salutation field with this for the candidate to confirm.
 */
export function suggestedSalutation(name: string, title?: string): string {
  const words = tidyName(name).split(" ").filter(Boolean);
  const typedTitle = title ? collapseSpaces(title) : "";
  // A title typed as the name's first word ("Dr. Zoë Brontë") counts like the title field.
  const lead = words[0] && isHonorific(words[0]) && words.length > 1 ? words.shift() : undefined;
  const honorific = isHonorific(typedTitle) ? typedTitle : lead;
  if (!honorific) return words.join(" ");
  const surname = words.length > 1 ? words.slice(1) : words;
  return `${honorific} ${surname.join(" ")}`;
}

/** The salutation the letter uses: the one the candidate confirmed, else the suggestion. */
export function salutationFor(interviewer: { name: string; title?: string; salutation?: string }): string {
  const confirmed = interviewer.salutation ? tidySalutation(interviewer.salutation) : "";
  return confirmed || suggestedSalutation(interviewer.name, interviewer.title);
}
