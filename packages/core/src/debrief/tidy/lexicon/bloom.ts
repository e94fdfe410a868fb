/**
 * A Bloom filter: whether a word is in a large set, in about one byte a word, with a
 * small, chosen rate of false "yes" and never a false "no". The tidy step asks it
 * whether a word typed in capitals is an English word (lower case) or an acronym (kept).
 */

/** FNV-1a over UTF-16 code units, with a seed: two independent hashes for double hashing. */
function fnv(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function positions(word: string, bits: number, hashes: number): number[] {
  const a = fnv(word, 0);
  const b = fnv(word, 0x9e3779b9) | 1;
  return Array.from({ length: hashes }, (_, i) => (a + Math.imul(i, b)) >>> 0).map((h) => h % bits);
}

export type Bloom = { bits: number; hashes: number; base64: string };

/** A filter of `words` sized for a false-positive rate of `rate`. */
export function createBloom(words: readonly string[], rate: number): Bloom {
  const n = Math.max(1, new Set(words).size);
  const bits = Math.ceil((-n * Math.log(rate)) / Math.LN2 ** 2 / 8) * 8;
  const hashes = Math.max(1, Math.round((bits / n) * Math.LN2));
  const bytes = new Uint8Array(bits / 8);
  for (const w of words)
    for (const p of positions(w, bits, hashes)) bytes[p >> 3] = (bytes[p >> 3] ?? 0) | (1 << (p & 7));
  return { bits, hashes, base64: Buffer.from(bytes).toString("base64") };
}

/** The membership test of a filter made by createBloom. */
export function bloomHas(bloom: Bloom): (word: string) => boolean {
  const bytes = Uint8Array.from(atob(bloom.base64), (c) => c.charCodeAt(0));
  return (word) =>
    positions(word, bloom.bits, bloom.hashes).every((p) => ((bytes[p >> 3] ?? 0) & (1 << (p & 7))) !== 0);
}
