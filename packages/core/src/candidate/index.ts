/**
 * What the candidate can do on their page or through the links in their emails, each a plain
 * function over the debrief and explicit ports (the handlers only translate HTTP).
 */
export * from "./actions";
export * from "./deps";
export * from "./drafts";
export * from "./lifecycle";
export * from "./links";
