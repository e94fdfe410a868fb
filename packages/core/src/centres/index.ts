export * from "./checkins";
export * from "./content";
export * from "./facts";
export * from "./model";
export * from "./service";
export * from "./stats";
export * from "./store";
