import { QUESTION_RULES, type QuestionType } from "./i18n/en/tips";

/**
 * What kind of question it was, by the first rule of the catalogue that matches; "other" if none
 * does. A module of its own so that the centres' statistics can classify questions without
 * loading the tips composer (and the tidy step and tagger it reads with) at the API's cold start.
 */
export function questionType(question: string): QuestionType {
  return QUESTION_RULES.find((r) => r.pattern.test(question))?.type ?? "other";
}
