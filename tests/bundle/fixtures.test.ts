import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type LambdaBundles, lambdaBundles } from "@debrief/local";
import { PERSONAS } from "@debrief/testkit/personas";
import { typedPersonas } from "@debrief/testkit/typed-personas";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const TESTKIT = join(ROOT, "packages/testkit/src");

/** Every file of a function's code asset (what deploy zips), as text. */
function codeOf(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), "utf8"))
    .join("\n");
}

/** The people of every persona, typed ones too: candidates and interviewers, by their full names. */
const PERSONA_PEOPLE = [
  ...Object.values(PERSONAS).map((p) => p.candidate.name),
  ...Object.values(PERSONAS).map((p) => p.interview.interviewer.name),
  ...typedPersonas().flatMap((p) => [p.body.candidate.name, p.body.interview.interviewer.name]),
];

/** Functions and classes a module declares, at any depth (the bundler keeps their names: keepNames). */
const DECLARED =
  /(?:function\*?\s+|class\s+)([A-Za-z_$][\w$]*)|(?:const|let)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:\(|function)/g;
/** The functions and classes a module exports from its top level. */
const EXPORTED =
  /^export (?:(?:async )?function\*? |class )([A-Za-z_$][\w$]*)|^export const ([A-Za-z_$][\w$]*) = (?:async )?\(/gm;
const namesIn = (file: string, pattern: RegExp) =>
  [...readFileSync(file, "utf8").matchAll(pattern)].map((m) => m[1] ?? m[2] ?? "");
const sourcesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => join(dir, f));

/**
 * What each testkit module exports: a bundled testkit module shows those names as strings.
 * A name the product declares too (core, functions, emails) proves nothing either way, so it is left out.
 */
function testkitNames(): { module: string; name: string }[] {
  const product = new Set(
    ["packages/core/src", "packages/functions/src", "emails/src"].flatMap((d) =>
      sourcesUnder(join(ROOT, d)).flatMap((f) => namesIn(f, DECLARED)),
    ),
  );
  return sourcesUnder(TESTKIT).flatMap((file) =>
    namesIn(file, EXPORTED)
      .filter((name) => !product.has(name))
      .map((name) => ({ module: file.slice(TESTKIT.length + 1), name })),
  );
}

describe("the deployed function bundles hold no test fixture", () => {
  let bundles: LambdaBundles;
  let code: Map<string, string>;
  beforeAll(async () => {
    bundles = await lambdaBundles();
    code = new Map(bundles.functions.map((fn) => [fn.name, codeOf(join(bundles.dir, fn.dir))]));
  }, 600_000);

  it("names no persona, typed or written", () => {
    expect(PERSONA_PEOPLE.length).toBeGreaterThan(40);
    const found = [...code].flatMap(([fn, text]) => {
      const lower = text.toLowerCase();
      return PERSONA_PEOPLE.filter((name) => lower.includes(name.toLowerCase())).map((name) => `${fn}: ${name}`);
    });
    expect(found).toEqual([]);
  });

  it("holds no testkit module: none of their declarations is in any bundle", () => {
    const names = testkitNames();
    expect(names.map((n) => n.name)).toEqual(
      expect.arrayContaining(["memoryApp", "createMemoryStore", "personaDebrief", "typedPersonas", "launchChromium"]),
    );
    const found = [...code].flatMap(([fn, text]) =>
      names.filter(({ name }) => text.includes(`"${name}"`)).map(({ module, name }) => `${fn}: ${module} ${name}`),
    );
    expect(found).toEqual([]);
  });

  it("keeps declared names as strings (so the check above reads the right code)", () => {
    expect(code.get("ApiHandler")).toContain('"createApp"');
    expect(code.get("SendEmail")).toContain('"renderEmail"');
  });
});
