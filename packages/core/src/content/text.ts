/** Small wording helpers shared by the letter, the reminder and the tips. */

/** The candidate's words without trailing punctuation or space, so a template can end the sentence. */
export function clause(s: string): string {
  return s.trim().replace(/[\s.;,:!]+$/u, "");
}

/** The candidate's words as a full sentence: ends with a full stop unless it already ends a sentence. */
export function sentence(s: string): string {
  const t = s.trim();
  return /[.!?…"”)]$/u.test(t) ? t : `${clause(t)}.`;
}

/** A question as the interviewer asked it, without doubled quotes around it. */
export function quoted(s: string): string {
  // A full stop inside the quotes would end the letter's sentence early; ? and ! stay.
  const t = s
    .trim()
    .replace(/^["“']+|["”']+$/gu, "")
    .replace(/\.+$/u, "");
  return `"${t}"`;
}

const HONORIFICS = /^(mr|mrs|ms|mx|miss|dr|prof|professor|sir|dame)\.?$/i;

/** How to greet someone by first name; with an honorific ("Dr. Lena Fischer") the whole name is used. */
export function firstName(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2 || HONORIFICS.test(parts[0] ?? "")) return name.trim();
  return parts[0] ?? name.trim();
}

/** "a", "a and b", "a, b and c". */
export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** Removes line breaks from text that becomes a header, a subject or a one-line summary. */
export function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, " ").trim();
}

/**
 * The text with its first letter raised: only a lower-case letter that starts the text (after
 * quotes, brackets or dashes; not after a digit: "2nd") is raised, and a name that starts in
 * lower case keeps it (iPhone, eBay, macOS).
 */
export function capitaliseFirst(s: string): string {
  const m = /\p{Ll}/u.exec(s);
  if (!m || /[\p{L}\p{N}]/u.test(s.slice(0, m.index))) return s;
  if (/^\p{Ll}+\p{Lu}/u.test(s.slice(m.index))) return s;
  return s.slice(0, m.index) + (m[0] ?? "").toUpperCase() + s.slice(m.index + 1);
}

/** Words as the budgets count them: runs between spaces that hold a letter or a digit. */
export function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** "a" or "an" before a phrase, by its first letters as far as spelling shows their sound ("an IV pump", "a user guide"). */
export function indefiniteArticle(phrase: string): "a" | "an" {
  return /^(?:[aeio]|u(?!ni|se|su)|hou|hon)/iu.test(phrase) ? "an" : "a";
}
