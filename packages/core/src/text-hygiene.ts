/**
 * Invisible characters that have no business in a name or a line of a debrief and can
 * disguise what an advisor or a recipient reads: the left-to-right and right-to-left
 * marks (U+200E, U+200F), the Arabic letter mark (U+061C), the zero-width space
 * (U+200B), the word joiner and the invisible operators (U+2060 to U+2064), the byte
 * order mark (U+FEFF, a zero-width no-break space inside text), the soft hyphen (U+00AD)
 * and the tag characters (U+E0000 to U+E007F). Zero-width joiner and non-joiner (U+200D,
 * U+200C) are kept: some scripts and emoji need them. Stripped rather than refused, so
 * what was accepted before is still accepted.
 */
const INVISIBLE = /[\u00AD\u061C\u200B\u200E\u200F\u2060-\u2064\uFEFF\u{E0000}-\u{E007F}]/gu;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/**
 * Something a reader can see: not white space, not a format character (zero-width marks,
 * joiners, bidi controls) and not a Hangul filler. The fillers (U+3164, U+FFA0, and the
 * conjoining U+115F, U+1160) are letters to Unicode but draw nothing on their own, so a
 * name of fillers is as blank as a name of spaces; they are kept inside text, where
 * conjoining jamo may need them.
 */
export const VISIBLE = /[^\s\p{Cf}\u115F\u1160\u3164\uFFA0]/u;

/** A letter a reader can see (a salutation needs one): any letter but a Hangul filler. */
export const VISIBLE_LETTER = /(?![\u115F\u1160\u3164\uFFA0])\p{L}/u;
