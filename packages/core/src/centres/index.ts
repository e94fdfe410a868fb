export * from "./checkins";
export * from "./content";
export * from "./model";
export * from "./service";
export * from "./stats";
export * from "./store";
