import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import type { SynthesizedFunction } from "@debrief/infra/synth";

const ROOT = resolve(import.meta.dirname, "../../..");

/** The Node the Lambda runtime runs (nodejs22.x), exactly; never the machine's own. */
export const LAMBDA_NODE_VERSION = "22.23.3";
const NODE_DIR = join(ROOT, ".cache", "node22");

/** The Node 22 binary, installed from the npm registry into .cache/node22 when missing. */
export async function lambdaNode(): Promise<string> {
  const bin = join(NODE_DIR, "node_modules", "node", "bin", "node");
  const works = () => {
    try {
      return execFileSync(bin, ["--version"], { encoding: "utf8" }).trim() === `v${LAMBDA_NODE_VERSION}`;
    } catch {
      return false;
    }
  };
  await onceAcrossProcesses(`${NODE_DIR}.lock`, works, async () => {
    mkdirSync(NODE_DIR, { recursive: true });
    // npm comes with the Node running this; the package ships the platform's binary.
    const npm = join(dirname(process.execPath), "npm");
    await run(existsSync(npm) ? npm : "npm", [
      "install",
      "--prefix",
      NODE_DIR,
      "--no-save",
      "--no-audit",
      "--no-fund",
      `node@${LAMBDA_NODE_VERSION}`,
    ]);
    if (!works()) throw new Error(`node@${LAMBDA_NODE_VERSION} did not install a working binary in ${NODE_DIR}`);
  });
  return bin;
}

/** What `pnpm synth` bundles from: a change to any of it builds the functions again. */
const SOURCES = [
  "packages/core",
  "packages/functions",
  "emails",
  "infra",
  "scripts/synth.ts",
  "sst.config.ts",
  "package.json",
  "pnpm-lock.yaml",
  "tsconfig.json",
];
const SKIP = new Set(["node_modules", "__golden__", "__snapshots__", ".react-email"]);

function sourceKey(): string {
  const hash = createHash("sha256");
  const add = (path: string) => {
    const full = join(ROOT, path);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) if (!SKIP.has(entry)) add(join(path, entry));
    } else if (!/\.test\.tsx?$/.test(path)) {
      hash.update(`${path}\0`).update(readFileSync(full)).update("\0");
    }
  };
  for (const source of SOURCES) add(source);
  return hash.digest("hex").slice(0, 16);
}

export type LambdaBundles = { dir: string; functions: SynthesizedFunction[] };

/**
 * The functions exactly as `sst deploy` would upload them: `pnpm synth --functions`
 * (SST's deploy-mode bundling, nothing copied from it), built once per state of the
 * sources and kept under the OS temp folder, away from any node_modules, so a module
 * left out of a bundle is missing there as it is on Lambda. Concurrent callers (test
 * files in parallel) wait for the one build.
 */
export async function lambdaBundles(): Promise<LambdaBundles> {
  // One folder per checkout (worktrees build their own), one build per state of its sources.
  const checkout = join(
    tmpdir(),
    "debrief-lambda-bundles",
    createHash("sha256").update(ROOT).digest("hex").slice(0, 12),
  );
  const dir = join(checkout, sourceKey());
  const manifest = join(dir, "functions.json");
  const read = (): LambdaBundles => ({ dir, functions: JSON.parse(readFileSync(manifest, "utf8")) });
  mkdirSync(checkout, { recursive: true });
  await onceAcrossProcesses(
    `${dir}.lock`,
    () => existsSync(manifest),
    async () => {
      const building = `${dir}.build-${process.pid}`;
      // Its own stage, so its .sst/artifacts never collide with a `pnpm synth` or the infra tests.
      await run(join(ROOT, "node_modules", ".bin", "tsx"), [
        "scripts/synth.ts",
        "--stage",
        "lambda",
        "--functions",
        building,
      ]);
      renameSync(building, dir);
      // Builds of older sources of this checkout are never used again.
      for (const old of readdirSync(checkout)) {
        if (!dir.endsWith(old) && !old.endsWith(".lock")) rmSync(join(checkout, old), { recursive: true, force: true });
      }
    },
  );
  return read();
}

const run = (file: string, args: string[]) =>
  promisify(execFile)(file, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: "" },
    maxBuffer: 64 * 1024 * 1024,
  });

/**
 * Makes something once however many processes ask at the same time (test files in
 * parallel): the first takes the lock folder and makes it, the others wait until it is
 * done, or take over when its maker died without finishing.
 */
async function onceAcrossProcesses(lock: string, done: () => boolean, make: () => Promise<void>) {
  const deadline = Date.now() + 10 * 60_000;
  // On a fresh clone the lock's parent (.cache/) does not exist yet: without it every
  // mkdir of the lock fails, and the missing pid file reads as a maker still starting.
  mkdirSync(dirname(lock), { recursive: true });
  while (!done()) {
    try {
      mkdirSync(lock);
    } catch {
      if (!makerAlive(lock)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Gave up waiting for ${relative(ROOT, lock)}`);
      else await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      writeFileSync(join(lock, "pid"), String(process.pid));
      if (!done()) await make();
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

function makerAlive(lock: string): boolean {
  try {
    process.kill(Number(readFileSync(join(lock, "pid"), "utf8")), 0);
    return true;
  } catch (e) {
    // No pid written yet (it is being written) counts as alive.
    return (e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
