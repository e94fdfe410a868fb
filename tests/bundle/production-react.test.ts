import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type LambdaBundles, lambdaBundles } from "@debrief/local";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Strings that only React's development builds carry (its warnings), never a production
 * build: react's own (`react.development.js`) and react-dom/server's
 * (`react-dom-server*.development.js`). A bundle holding one was built without
 * `process.env.NODE_ENV` defined, so it carries both builds and runs the development one.
 */
const DEVELOPMENT_ONLY = [
  "forwardRef requires a render function but was given",
  "Each child in a list should have a unique",
];
/** In react-dom/server's production build as in its development one: the renderer is there at all. */
const SERVER_RENDERER = "A component suspended while responding to synchronous input";

function codeOf(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.[cm]?js$/.test(f))
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n");
}

describe("the deployed function bundles", () => {
  let bundles: LambdaBundles;
  beforeAll(async () => {
    bundles = await lambdaBundles();
  }, 600_000);

  it("carry no React development build: each is built for production", () => {
    const found = bundles.functions.flatMap((fn) => {
      const code = codeOf(join(bundles.dir, fn.dir));
      return DEVELOPMENT_ONLY.filter((marker) => code.includes(marker)).map((marker) => `${fn.name}: "${marker}"`);
    });
    expect(found).toEqual([]);
  });

  it("still render with React in the send step (so the check above reads the right code)", () => {
    const send = bundles.functions.find((fn) => fn.name === "SendEmail");
    if (!send) throw new Error("No SendEmail function in the synthesized stacks");
    expect(codeOf(join(bundles.dir, send.dir))).toContain(SERVER_RENDERER);
  });
});
