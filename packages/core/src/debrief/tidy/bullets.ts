/**
 * Pasted lists: candidates copy items from their notes with the bullet or number still
 * in front ("• GCSE results dropped", "2) agree one thing"), and type answers over
 * several lines. The letter has its own lists and sentences, so the marks go and the
 * lines become sentences.
 */

/**
 * A bullet or a number at the start of an item: •, ·, -, –, —, *, +, ▪, ◦, ‣, ●, ■, ➢,
 * ►, ✓, →, "1.", "1)", "(1)", "a)", "(a)", "i.", "ii)". A decimal ("3.5 hours") or a
 * year ("2024 was") is not one: the mark needs a space after it.
 */
const BULLET = /^\s*(?:[•·▪◦‣●○■□➢➤►▸✓✔→⁃∙*+\-–—]+|\(?(?:\d{1,2}|[a-hA-H]|(?:i|ii|iii|iv|v|vi|vii|viii|ix|x))[.)])\s+/u;

/** The item without a bullet or number in front of it (several, if pasted twice: "- • Their …"). */
export function stripBullet(item: string): string {
  let s = item;
  for (let m = BULLET.exec(s); m && m[0].length < s.length; m = BULLET.exec(s)) s = s.slice(m[0].length);
  return s;
}

/** Whether a line ends in a way that carries on into the next line ("and", a comma). */
const CARRIES_ON = /(?:[,;:(–—-]|\b(?:and|or|but|so|then|to|the|a|an|of|with|for|because|which|that))\s*$/iu;

/**
 * An answer typed over several lines, or as a pasted list, as one paragraph of sentences:
 * each line loses its bullet and ends with a full stop unless it ends a sentence already
 * or carries on into the next ("and", a comma). Blank lines go too: the letter sets the
 * paragraphs.
 */
export function joinLines(text: string): string {
  const lines = text
    .split(/\r?\n/u)
    .map((l) => stripBullet(l).trim())
    .filter((l) => l.length > 0);
  return lines
    .map((l, i) => (i === lines.length - 1 || /[.!?…]["”')]*$/u.test(l) || CARRIES_ON.test(l) ? l : `${l}.`))
    .join(" ");
}
