/**
 * The wording catalogues, one per language. English is the only language today; a
 * second one is a new folder beside en/ with files of the same shapes, added here.
 */
import { letterWords } from "./en/letter";

export const LANGUAGES = ["en"] as const;
export type Language = (typeof LANGUAGES)[number];

export const catalogue = { en: { letter: letterWords } } as const;

export type { ByTone, LetterWords } from "./en/letter";

/** The catalogue of a language (English today). */
export function wordsFor(language: Language = "en") {
  return catalogue[language];
}
