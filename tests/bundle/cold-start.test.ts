import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { type LambdaBundles, lambdaBundles } from "@debrief/local";
import { beforeAll, describe, expect, it } from "vitest";

/** `import … from "./x.mjs"` and `import "./x.mjs"`, not `import("./x.mjs")` (loaded on first use). */
const STATIC_IMPORT = /(?:^|[;\s}])import\s*(?:[^"'();]*?from\s*)?["'](\.\.?\/[^"']+)["']/g;

/** The files Node loads when Lambda imports the handler: the entry file and what it imports statically. */
function loadedAtColdStart(entry: string): string[] {
  const loaded = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const [, spec] of readFileSync(file, "utf8").matchAll(STATIC_IMPORT)) {
      const next = resolve(dirname(file), spec ?? "");
      if (!loaded.has(next)) {
        loaded.add(next);
        queue.push(next);
      }
    }
  }
  return [...loaded];
}

/**
 * Names (kept by the bundler's keepNames) of what each route group brings: none may be
 * evaluated at the API's cold start, only on the first request that needs it.
 */
const ON_FIRST_USE = [
  "debriefApiRoutes", // the JSON API's routes and their zod schemas
  "centreAdminApi", // the centre admin API
  "OpenAPIRegistry", // @asteasolutions/zod-to-openapi, under @hono/zod-openapi
  "debriefFormRoutes", // the form page
  "candidatePageRoutes", // the candidate's page
  "composeLetter", // the letter's composition
  "docsRoutes", // the OpenAPI document and the API reference
  "tidyDebrief", // the tidy step, loaded with the composer
  "theLexicon", // its generated lexicon
  "firstWord", // compromise's tagger, read by the tidy step
];

describe("the deployed API bundle's cold start", () => {
  let bundles: LambdaBundles;
  let dir: string;
  let entry: string;
  beforeAll(async () => {
    bundles = await lambdaBundles();
    const api = bundles.functions.find((fn) => fn.name.startsWith("Api"));
    if (!api) throw new Error("No API function in the bundles");
    dir = join(bundles.dir, api.dir);
    entry = join(dir, `${api.handler.slice(0, api.handler.lastIndexOf("."))}.mjs`);
  }, 600_000);

  it("loads no route group: each is in a chunk imported on its first request", () => {
    const code = loadedAtColdStart(entry)
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    expect(code).toContain('"createApp"');
    expect(ON_FIRST_USE.filter((name) => code.includes(`"${name}"`))).toEqual([]);
  });

  it("still carries every route group (so the check above reads the right code)", () => {
    const all = readdirSync(dirname(entry))
      .filter((f) => f.endsWith(".mjs"))
      .map((f) => readFileSync(join(dirname(entry), f), "utf8"))
      .join("\n");
    expect(ON_FIRST_USE.filter((name) => !all.includes(`"${name}"`))).toEqual([]);
  });
});
