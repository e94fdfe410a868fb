import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleLikeSst } from "@debrief/bench/bundle";
import { afterAll, describe, expect, it } from "vitest";
import {
  bundledPackages,
  declaredLicence,
  derivedFiles,
  judgeLicence,
  licenceProblems,
  packageDirOf,
  productionTree,
  type ShippedPackage,
} from "./licences";

const ROOT = join(import.meta.dirname, "..");

describe("judgeLicence", () => {
  it.each(["MIT", "Apache-2.0", "ISC", "BSD-3-Clause", "0BSD", "CC0-1.0", "CC-BY-4.0", "(MIT OR GPL-3.0-only)"])(
    "accepts %s",
    (licence) => expect(judgeLicence(licence)).toEqual({ ok: true }),
  );

  it.each([
    ["GPL-3.0-or-later", "copyleft licence GPL-3.0-or-later"],
    ["LGPL-2.1-only", "copyleft licence LGPL-2.1-only"],
    ["AGPL-3.0-only", "copyleft licence AGPL-3.0-only"],
    ["MPL-2.0", "copyleft licence MPL-2.0"],
    ["CC-BY-SA-4.0", "copyleft licence CC-BY-SA-4.0"],
    ["MIT AND GPL-2.0-only", "copyleft licence GPL-2.0-only"],
    ["(GPL-2.0-only OR MPL-1.1)", "copyleft licence GPL-2.0-only"],
    ["GPL-2.0-only WITH Classpath-exception-2.0", "copyleft licence GPL-2.0-only"],
    ["LicenseRef-Proprietary", "unknown licence LicenseRef-Proprietary"],
    ["SEE LICENSE IN LICENSE.txt", 'unknown licence "SEE LICENSE IN LICENSE.txt" (not an SPDX expression)'],
    ["Apache 2.0", 'unknown licence "Apache 2.0" (not an SPDX expression)'],
    [undefined, "no licence declared"],
  ])("refuses %s: %s", (licence, why) => expect(judgeLicence(licence)).toEqual({ ok: false, why }));
});

describe("declaredLicence", () => {
  it("reads the license string, and the deprecated object and list forms", () => {
    expect(declaredLicence({ license: "MIT" })).toBe("MIT");
    expect(declaredLicence({ license: { type: "ISC" } })).toBe("ISC");
    expect(declaredLicence({ licenses: [{ type: "MIT" }, { type: "GPL-2.0-only" }] })).toBe("(MIT OR GPL-2.0-only)");
    expect(declaredLicence({})).toBeUndefined();
  });
});

describe("packageDirOf", () => {
  it("takes the folder after the last node_modules/, scoped or not, and a workspace file's package", () => {
    expect(packageDirOf("/r/node_modules/.pnpm/hono@4/node_modules/hono/dist/index.js")).toBe(
      "/r/node_modules/.pnpm/hono@4/node_modules/hono",
    );
    expect(packageDirOf("/r/node_modules/.pnpm/x/node_modules/@smithy/core/dist-es/a.js")).toBe(
      "/r/node_modules/.pnpm/x/node_modules/@smithy/core",
    );
    expect(packageDirOf(join(ROOT, "packages/core/src/index.ts"))).toBe(join(ROOT, "packages/core"));
  });
});

describe("every package of the workspace", () => {
  it("declares the project's licence, Apache-2.0 (the root, packages/* and emails)", () => {
    const dirs = [".", "emails", ...readdirSync(join(ROOT, "packages")).map((d) => `packages/${d}`)];
    const undeclared = dirs.filter((dir) => {
      const pkg = JSON.parse(readFileSync(join(ROOT, dir, "package.json"), "utf8")) as { license?: string };
      return pkg.license !== "Apache-2.0";
    });
    expect(undeclared).toEqual([]);
  });
});

describe("the rule on a planted copyleft dependency of a Lambda entry", () => {
  // A project in a temp folder: an entry that imports an MIT word list and a GPL dictionary,
  // and a package that depends on GPL data it reads from disk (never imported, so never bundled).
  const dir = mkdtempSync(join(tmpdir(), "debrief-licence-plant-"));
  const plant = (name: string, pkg: Record<string, unknown>, code = "export const words = ['x'];") => {
    mkdirSync(join(dir, "node_modules", name), { recursive: true });
    writeFileSync(join(dir, "node_modules", name, "package.json"), JSON.stringify({ name, version: "1.0.0", ...pkg }));
    writeFileSync(join(dir, "node_modules", name, "index.js"), code);
  };
  plant("mit-words", { license: "MIT", main: "index.js" });
  plant("gpl-dictionary", { license: "GPL-3.0-or-later", main: "index.js" });
  plant("gpl-data", { license: "GPL-3.0-only" });
  plant("lgpl-tool", { license: "LGPL-3.0-only" });
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({
      name: "planted-entry",
      license: "Apache-2.0",
      dependencies: { "mit-words": "1.0.0", "gpl-data": "1.0.0" },
      devDependencies: { "lgpl-tool": "1.0.0" },
    }),
  );
  writeFileSync(
    join(dir, "entry.ts"),
    'import { words } from "mit-words";\nimport { words as more } from "gpl-dictionary";\nexport const handler = () => [...words, ...more];\n',
  );
  // Data of the service's own derived from word lists: a share-alike JSON list (its licence in a
  // `.license` file beside it) and an MIT one (in its header), imported by a second entry.
  writeFileSync(join(dir, "misspellings.json"), JSON.stringify({ therefor: "therefore" }));
  writeFileSync(
    join(dir, "misspellings.json.license"),
    "SPDX-FileCopyrightText: cspell contributors\nSPDX-License-Identifier: CC-BY-SA-4.0\n",
  );
  writeFileSync(
    join(dir, "companies.ts"),
    "// SPDX-FileCopyrightText: Street Side Software\n// SPDX-License-Identifier: MIT\nexport const names = ['TikTok'];\n",
  );
  writeFileSync(
    join(dir, "data-entry.ts"),
    'import fixes from "./misspellings.json";\nimport { names } from "./companies";\nexport const handler = () => [fixes, names];\n',
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const where = () => "Planted";

  const bundled = async () => {
    // Bundled as SST bundles every function (infra/bundling.ts), and read from esbuild's metafile.
    const bundle = await bundleLikeSst("planted", join(dir, "entry.ts"), join(dir, "out"));
    return bundledPackages(Object.keys(bundle.metafile.inputs), process.cwd());
  };

  it("fails on the GPL dictionary the entry bundles, naming it and its licence", async () => {
    const packages = await bundled();
    expect(packages.map((p) => p.name).sort()).toEqual(["gpl-dictionary", "mit-words", "planted-entry"]);
    expect(licenceProblems(packages, { packages: {} }, where)).toEqual([
      "gpl-dictionary@1.0.0: copyleft licence GPL-3.0-or-later, in Planted",
    ]);
  });

  it("passes once the allow-list names it with its licence and a reason, and fails again when its licence changes", async () => {
    const packages = await bundled();
    const allowed = { "gpl-dictionary": { licence: "GPL-3.0-or-later", reason: "a test" } };
    expect(licenceProblems(packages, { packages: allowed }, where)).toEqual([]);
    const relicensed = packages.map(
      (p): ShippedPackage => (p.name === "gpl-dictionary" ? { ...p, licence: "AGPL-3.0-only" } : p),
    );
    expect(licenceProblems(relicensed, { packages: allowed }, where)).toEqual([
      'gpl-dictionary@1.0.0: copyleft licence AGPL-3.0-only (licences-allowed.json allows it under "GPL-3.0-or-later"), in Planted',
    ]);
  });

  it("fails on a share-alike data file the entry bundles, by the licence it declares beside it, and passes its MIT one", async () => {
    const bundle = await bundleLikeSst("planted-data", join(dir, "data-entry.ts"), join(dir, "out"));
    const files = derivedFiles(Object.keys(bundle.metafile.inputs), process.cwd());
    expect(files.map((f) => [f.dir, f.licence])).toEqual([
      [join(dir, "misspellings.json"), "CC-BY-SA-4.0"],
      [join(dir, "companies.ts"), "MIT"],
    ]);
    expect(licenceProblems(files, { packages: {} }, where)).toEqual([
      expect.stringMatching(/misspellings\.json: copyleft licence CC-BY-SA-4\.0, in Planted$/),
    ]);
  });

  it("fails on GPL data in production dependencies even when nothing imports it, and leaves devDependencies alone", () => {
    const tree = productionTree(dir);
    expect(tree.map((p) => p.name)).toEqual(["gpl-data", "mit-words"]);
    expect(licenceProblems(tree, { packages: {} }, where)).toEqual([
      "gpl-data@1.0.0: copyleft licence GPL-3.0-only, in Planted",
    ]);
  });
});
