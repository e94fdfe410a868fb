import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import type { SynthesizedFunction } from "@debrief/infra/synth";
import { builtOncePerSources, onceAcrossProcesses } from "./build-cache";

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

export type LambdaBundles = { dir: string; functions: SynthesizedFunction[] };

/**
 * The functions exactly as `sst deploy` would upload them: `pnpm synth --functions`
 * (SST's deploy-mode bundling, nothing copied from it), built once per state of the
 * sources and kept away from any node_modules, so a module left out of a bundle is
 * missing there as it is on Lambda.
 */
export async function lambdaBundles(): Promise<LambdaBundles> {
  const dir = await builtOncePerSources("lambda-bundles", async (building) => {
    // Its own stage, so its .sst/artifacts never collide with a `pnpm synth` or the infra tests.
    await run(join(ROOT, "node_modules", ".bin", "tsx"), [
      "scripts/synth.ts",
      "--stage",
      "lambda",
      "--functions",
      building,
    ]);
  });
  return { dir, functions: JSON.parse(readFileSync(join(dir, "functions.json"), "utf8")) };
}

const run = (file: string, args: string[]) =>
  promisify(execFile)(file, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: "" },
    maxBuffer: 64 * 1024 * 1024,
  });
