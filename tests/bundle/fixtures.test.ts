import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type LambdaBundles, lambdaBundles } from "@debrief/local";
import { PERSONAS } from "@debrief/testkit/personas";
import { typedPersonas } from "@debrief/testkit/typed-personas";
import { beforeAll, describe, expect, it } from "vitest";

const TESTKIT = join(import.meta.dirname, "../../packages/testkit/src");

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

/**
 * The functions and classes each testkit module declares at its top level: the bundler keeps
 * their names (keepNames), so a bundled testkit module shows them as strings.
 */
function testkitNames(): { module: string; name: string }[] {
  return readdirSync(TESTKIT)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .flatMap((module) =>
      [
        ...readFileSync(join(TESTKIT, module), "utf8").matchAll(
          /^export (?:(?:async )?function\*? |class )([A-Za-z_$][\w$]*)|^export const ([A-Za-z_$][\w$]*) = (?:async )?\(/gm,
        ),
      ].map((m) => ({ module, name: m[1] ?? m[2] ?? "" })),
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
    expect(names.map((n) => n.name)).toEqual(expect.arrayContaining(["memoryApp", "personaDebrief", "launchChromium"]));
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
