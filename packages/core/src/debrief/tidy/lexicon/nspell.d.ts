/** The part of nspell (Hunspell in JavaScript, no types of its own) the generator uses. */
declare module "nspell" {
  export default function nspell(aff: string, dic: string): { correct(word: string): boolean };
}
