export declare const clientScripts: {
  readonly suffix: ".client.js";
  matches(path: string): boolean;
  module(text: string): string;
};
