/**
 * Letters after a person's name ("Angela Whitfield, MSN, RN", "Aisha Bello MPharm"): the
 * candidate types them as the person signs, but the reminder and the tips name the person,
 * and "Your draft to Angela Whitfield, MSN, RN" reads like a form, not a note to a friend.
 */

/** Degrees and memberships written in mixed case, which a name's own capitals cannot be told from. */
const MIXED_CASE = new Set(
  "PhD DPhil MPhil MSc BSc MEd EdD MPharm MRPharmS MPH DrPH MBChB BEng MEng CEng PGCE MCIPD FCIPD MArch LLB LLM Esq Jr Sr"
    .split(" ")
    .map((c) => c.toLowerCase()),
);
/** A credential in capitals: "RN", "MSN", "CSCP", "SHRM-CP", "M.B.A.". */
const IN_CAPITALS = /^(?:\p{Lu}\.?){2,6}(?:-\p{Lu}{2,4})?$/u;
const bare = (w: string) => w.replace(/[.,;]+$/u, "");

/** Whether a word after a comma is a credential: capitals (two or more) or a known degree. */
const afterComma = (w: string) =>
  MIXED_CASE.has(bare(w).toLowerCase().replace(/\./gu, "")) ||
  (/^\p{Lu}/u.test(w) && (bare(w).match(/\p{Lu}/gu)?.length ?? 0) >= 2 && bare(w).length <= 10);

/**
 * The name without the letters after it. Everything after a comma goes when every word there
 * reads as a credential ("Whitfield, Angela" stays as typed); without a comma, only trailing
 * credentials in capitals or known degrees, and never so many that fewer than two words remain.
 */
export function withoutCredentials(name: string): string {
  const typed = name.trim().replace(/\s+/gu, " ");
  const comma = typed.indexOf(",");
  if (comma > 0) {
    const after = typed
      .slice(comma + 1)
      .split(/[\s,]+/u)
      .filter(Boolean);
    if (after.length > 0 && after.every(afterComma)) return typed.slice(0, comma).trim();
  }
  const words = typed.split(" ");
  while (words.length > 2) {
    const last = bare(words.at(-1) ?? "");
    if (!IN_CAPITALS.test(last) && !MIXED_CASE.has(last.toLowerCase().replace(/\./gu, ""))) break;
    words.pop();
  }
  return words.join(" ");
}
