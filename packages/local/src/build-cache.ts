/** Things built once per state of the sources, or once however many processes ask: the Lambda bundles, the infra tests' synthesis, Node 22. */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../../..");

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

/**
 * A folder built once per state of the sources `pnpm synth` reads, and kept under the OS
 * temp folder (one set per checkout and `kind`; worktrees build their own): `build` fills
 * the folder it is given, which then becomes the kept one. Concurrent callers (test files in
 * parallel) wait for the one build; builds of older sources are removed.
 */
export async function builtOncePerSources(kind: string, build: (dir: string) => Promise<void>): Promise<string> {
  const checkout = join(tmpdir(), `debrief-${kind}`, createHash("sha256").update(ROOT).digest("hex").slice(0, 12));
  const dir = join(checkout, sourceKey());
  const done = join(dir, ".built");
  mkdirSync(checkout, { recursive: true });
  await onceAcrossProcesses(
    `${dir}.lock`,
    () => existsSync(done),
    async () => {
      const building = `${dir}.build-${process.pid}`;
      rmSync(building, { recursive: true, force: true });
      await build(building);
      writeFileSync(join(building, ".built"), "");
      // A folder left by a build that died before it was done is replaced.
      rmSync(dir, { recursive: true, force: true });
      renameSync(building, dir);
      for (const old of readdirSync(checkout)) {
        if (!dir.endsWith(old) && !old.endsWith(".lock")) rmSync(join(checkout, old), { recursive: true, force: true });
      }
    },
  );
  return dir;
}

/**
 * Makes something once however many processes ask at the same time (test files in
 * parallel): the first takes the lock folder and makes it, the others wait until it is
 * done, or take over when its maker died without finishing.
 */
export async function onceAcrossProcesses(lock: string, done: () => boolean, make: () => Promise<void>) {
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
