/**
 * An example longer than this is left out of the letter (and the form and page say so).
 * Its own module, so that the form can quote it without loading the letter's composer
 * (and its tokenizer) at the API's cold start.
 */
export const LONG_EXAMPLE_CHARS = 300;
