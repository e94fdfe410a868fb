/**
 * The licence rule for what ships in a Lambda function (CONTRIBUTING.md, "Dependencies and licences"): every
 * package whose code a function bundles, and every production dependency of a workspace package
 * it bundles, must be under a permissive licence or be listed with its reason in
 * licences-allowed.json. Copyleft and share-alike licences (GPL, LGPL, AGPL, MPL, CC BY-SA, …) and
 * anything not recognised here fail. tests/bundle/licences.test.ts applies it to every function
 * `pnpm synth` builds.
 */
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import parseSpdx from "spdx-expression-parse";

/** Licences that ask only for attribution: anyone may deploy and change the service without sharing their changes. */
export const PERMISSIVE = new Set([
  "0BSD",
  "Apache-2.0",
  "BlueOak-1.0.0",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "CC-BY-3.0",
  "CC-BY-4.0",
  "CC0-1.0",
  "ISC",
  "MIT",
  "MIT-0",
  "Python-2.0",
  "Unlicense",
  "Zlib",
]);

/** Licences whose terms reach the service or its data (copyleft, share-alike): named so that the failure says why. */
const COPYLEFT = /^(AGPL|GPL|LGPL|MPL|EPL|EUPL|CDDL|OSL|SSPL|CC-BY-SA|CC-BY-NC|CC-BY-ND)/;

export type Verdict = { ok: true } | { ok: false; why: string };

/** Whether an SPDX expression (a package.json `license`) is acceptable in a bundle, and if not, why. */
export function judgeLicence(expression: string | undefined): Verdict {
  if (!expression?.trim()) return { ok: false, why: "no licence declared" };
  let info: parseSpdx.Info;
  try {
    info = parseSpdx(expression);
  } catch {
    return { ok: false, why: `unknown licence "${expression}" (not an SPDX expression)` };
  }
  const judge = (node: parseSpdx.Info): Verdict => {
    if ("conjunction" in node) {
      const left = judge(node.left);
      const right = judge(node.right);
      // "A OR B": the recipient may choose either; "A AND B": both apply.
      if (node.conjunction === "or") return left.ok ? left : right.ok ? right : left;
      return left.ok ? right : left;
    }
    if (PERMISSIVE.has(node.license)) return { ok: true };
    if (COPYLEFT.test(node.license)) return { ok: false, why: `copyleft licence ${node.license}` };
    return { ok: false, why: `unknown licence ${node.license}` };
  };
  return judge(info);
}

type PackageJson = {
  name?: string;
  version?: string;
  license?: string | { type?: string };
  licenses?: { type?: string }[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

const readPackage = (dir: string) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;

/** The licence a package.json declares: `license`, or the deprecated object and list forms. */
export function declaredLicence(pkg: PackageJson): string | undefined {
  if (typeof pkg.license === "string") return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  const list = (pkg.licenses ?? []).map((l) => l.type).filter((t): t is string => Boolean(t));
  return list.length ? `(${list.join(" OR ")})` : undefined;
}

export type ShippedPackage = { name: string; version: string; licence: string | undefined; dir: string };

const shipped = (dir: string): ShippedPackage => {
  const pkg = readPackage(dir);
  return { name: pkg.name ?? dir, version: pkg.version ?? "", licence: declaredLicence(pkg), dir };
};

/**
 * The folder of the package a bundled file comes from: the one after the file's last
 * `node_modules/`, or else the nearest folder above it with a package.json (a workspace package).
 */
export function packageDirOf(file: string): string {
  const parts = file.split(sep);
  const at = parts.lastIndexOf("node_modules");
  if (at >= 0) {
    const scoped = parts[at + 1]?.startsWith("@");
    return parts.slice(0, at + (scoped ? 3 : 2)).join(sep);
  }
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${file}`);
  }
}

/** Whether a metafile input is a file (not `<define:…>`, `(disabled):…` or another namespace's). */
const onDisk = (input: string) => !/^[(<]|^[a-z-]+:/.test(input);

/**
 * The packages an esbuild metafile's inputs come from (paths relative to `workingDir`, as esbuild
 * writes them), each once. Inputs outside the file system (`<define:…>`, `(disabled):…`) hold no code
 * of a package.
 */
export function bundledPackages(inputs: Iterable<string>, workingDir: string): ShippedPackage[] {
  const dirs = new Set<string>();
  for (const input of inputs) {
    if (!onDisk(input)) continue;
    dirs.add(packageDirOf(resolve(workingDir, input)));
  }
  return [...dirs].sort().map(shipped);
}

/**
 * The licence a file of the service declares for itself, as the REUSE convention writes it: an
 * `SPDX-License-Identifier:` line in its header, or in `<file>.license` beside it (JSON and other
 * data that cannot hold a comment). A file that declares none is the project's own (Apache-2.0).
 */
export function fileLicence(file: string): string | undefined {
  const beside = `${file}.license`;
  const header = existsSync(beside) ? readFileSync(beside, "utf8") : readFileSync(file, "utf8").slice(0, 2000);
  return /SPDX-License-Identifier:\s*(.+?)\s*(?:\*\/)?$/m.exec(header)?.[1];
}

/**
 * The bundled files of the workspace (outside node_modules) that declare a licence of their own:
 * data derived from a dictionary or word list, under its source's licence. Each is named by its
 * path from `workingDir`, as licences-allowed.json names it.
 */
export function derivedFiles(inputs: Iterable<string>, workingDir: string): ShippedPackage[] {
  return [...inputs]
    .filter((input) => onDisk(input) && !input.split(/[\\/]/).includes("node_modules"))
    .flatMap((input) => {
      const file = resolve(workingDir, input);
      const licence = fileLicence(file);
      return licence ? [{ name: input, version: "", licence, dir: file }] : [];
    });
}

/**
 * A package's production dependencies, and theirs, found as Node finds them (the nearest
 * `node_modules/<name>` above the package's real folder). Optional dependencies that are not
 * installed are left out; a missing required one is an error.
 */
export function productionTree(packageDir: string): ShippedPackage[] {
  const seen = new Map<string, ShippedPackage>();
  const visit = (dir: string) => {
    const pkg = readPackage(dir);
    const optional = new Set(Object.keys(pkg.optionalDependencies ?? {}));
    for (const name of new Set([...Object.keys(pkg.dependencies ?? {}), ...optional])) {
      const found = locate(realpathSync(dir), name);
      if (!found) {
        if (optional.has(name)) continue;
        throw new Error(`${name}, a dependency of ${pkg.name}, is not installed`);
      }
      if (seen.has(found)) continue;
      seen.set(found, shipped(found));
      visit(found);
    }
  };
  visit(packageDir);
  return [...seen.values()].sort((a, b) => a.dir.localeCompare(b.dir));
}

function locate(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** licences-allowed.json: packages allowed in a bundle although their licence is not permissive. */
export type AllowList = { packages: Record<string, { licence: string; reason: string }> };

export function readAllowList(file: string): AllowList {
  const list = JSON.parse(readFileSync(file, "utf8")) as AllowList;
  for (const [name, entry] of Object.entries(list.packages ?? {})) {
    if (!entry.licence?.trim() || !entry.reason?.trim()) {
      throw new Error(`${file}: the entry for ${name} needs both "licence" and "reason"`);
    }
  }
  return { packages: list.packages ?? {} };
}

/**
 * What breaks the rule, one line each: a package whose licence is not acceptable, unless the
 * allow-list names it with exactly the licence it declares now (a changed licence is judged again).
 */
export function licenceProblems(packages: ShippedPackage[], allow: AllowList, where: (p: ShippedPackage) => string) {
  const problems: string[] = [];
  for (const p of packages) {
    const verdict = judgeLicence(p.licence);
    if (verdict.ok) continue;
    const allowed = allow.packages[p.name];
    if (allowed && allowed.licence === p.licence) continue;
    const stale = allowed ? ` (licences-allowed.json allows it under "${allowed.licence}")` : "";
    problems.push(`${p.version ? `${p.name}@${p.version}` : p.name}: ${verdict.why}${stale}, in ${where(p)}`);
  }
  return problems;
}
