import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { bundleLikeSst } from "@debrief/bench/bundle";
import { lambdaBundling } from "@debrief/infra/bundling";
import { lambdaBundles } from "@debrief/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bundledPackages,
  derivedFiles,
  licenceProblems,
  productionTree,
  readAllowList,
  type ShippedPackage,
} from "../../scripts/licences";

const ROOT = join(import.meta.dirname, "../..");

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
const modules = (dir: string) => filesUnder(dir).filter((f) => f.endsWith(".mjs"));

describe("licences of what the deployed functions bundle", () => {
  const out = mkdtempSync(join(tmpdir(), "debrief-licences-"));
  /** Each bundled package, with the functions whose bundle holds it. */
  const bundled = new Map<string, { pkg: ShippedPackage; functions: Set<string> }>();
  const add = (pkg: ShippedPackage, fn: string) => {
    const seen = bundled.get(pkg.dir) ?? { pkg, functions: new Set<string>() };
    seen.functions.add(fn);
    bundled.set(pkg.dir, seen);
  };
  const allow = readAllowList(join(ROOT, "licences-allowed.json"));

  beforeAll(async () => {
    const { dir, functions } = await lambdaBundles();
    for (const fn of functions) {
      const deployed = modules(join(dir, fn.dir));
      const entry = [".ts", ".tsx"].map((ext) => fn.handler.replace(/\.[^.]+$/, ext)).find((f) => existsSync(f));
      if (!entry) throw new Error(`No source file for ${fn.name}'s handler ${fn.handler}`);
      // The function's own settings: split into chunks where the deployed asset is (the API).
      const split = deployed.length > 1;
      const rebuilt = await bundleLikeSst(fn.name, entry, join(out, fn.name), {
        ...lambdaBundling,
        splitting: split,
      });
      // Byte for byte the files deploy uploads, so the metafile lists exactly the modules that ship.
      const byName = (files: string[]) => new Map(files.map((f) => [split ? basename(f) : "the bundle", f]));
      const ours = byName(modules(join(out, fn.name)));
      const theirs = byName(deployed);
      expect([...ours.keys()].sort(), fn.name).toEqual([...theirs.keys()].sort());
      for (const [file, path] of ours) {
        const same = readFileSync(path).equals(readFileSync(theirs.get(file) ?? ""));
        expect(same, `${fn.name}: ${file} differs from what deploy uploads`).toBe(true);
      }
      const inputs = Object.keys(rebuilt.metafile.inputs);
      for (const pkg of bundledPackages(inputs, process.cwd())) add(pkg, fn.name);
      // Data of the service's own that declares its source's licence (CONTRIBUTING.md, "Dependencies and licences").
      for (const file of derivedFiles(inputs, process.cwd())) add(file, fn.name);
    }
  }, 600_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  /** The service's own packages among them (a folder with a package.json outside node_modules). */
  const workspacePackages = () =>
    [...bundled.values()]
      .map((b) => b.pkg)
      .filter((p) => !p.dir.includes("node_modules") && existsSync(join(p.dir, "package.json")));

  it("finds every package and derived data file a function bundles under a permissive licence, or allowed with a reason", () => {
    const where = (p: ShippedPackage) => [...(bundled.get(p.dir)?.functions ?? [])].join(", ");
    expect(bundled.size).toBeGreaterThan(20);
    expect(
      licenceProblems(
        [...bundled.values()].map((b) => b.pkg),
        allow,
        where,
      ),
    ).toEqual([]);
  });

  it("finds the production dependencies of every bundled workspace package permissive too (copyleft stays in devDependencies)", () => {
    const workspace = workspacePackages();
    // The service's own packages ship (the root package.json too: the version is read from it).
    expect(workspace.map((p) => p.name).sort()).toEqual(
      expect.arrayContaining(["@debrief/core", "@debrief/emails", "@debrief/functions", "interview-debrief"]),
    );
    for (const p of workspace) expect(p.licence, p.name).toBe("Apache-2.0");
    const problems = workspace.flatMap((p) =>
      licenceProblems(
        productionTree(p.dir),
        allow,
        (d) => `the production dependencies of ${p.name} (${relative(ROOT, d.dir)})`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it("allows nothing that no function ships (every allow-list entry is still needed)", () => {
    const names = new Set([...bundled.values()].map((b) => b.pkg.name));
    for (const p of workspacePackages()) for (const d of productionTree(p.dir)) names.add(d.name);
    expect(Object.keys(allow.packages).filter((name) => !names.has(name))).toEqual([]);
  });
});
