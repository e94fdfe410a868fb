/**
 * Invisible characters that have no business in a name or a line of a debrief and can
 * disguise what an advisor or a recipient reads: the left-to-right and right-to-left
 * marks (U+200E, U+200F), the Arabic letter mark (U+061C), the byte order mark
 * (U+FEFF, a zero-width no-break space inside text), the soft hyphen (U+00AD) and the
 * tag characters (U+E0000 to U+E007F). Zero-width joiner and non-joiner (U+200D, U+200C)
 * are kept: some scripts and emoji need them. Stripped rather than refused, so what
 * was accepted before is still accepted.
 */
const INVISIBLE = /[\u00AD\u061C\u200E\u200F\uFEFF\u{E0000}-\u{E007F}]/gu;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}
