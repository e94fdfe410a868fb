import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";

/** The ports `pnpm dev` listens on: the app and its three emulators. */
export type DevPorts = { app: number; dynamo: number; ses: number; sfn: number };

/** A port nothing listens on now (on 127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export async function freeDevPorts(): Promise<DevPorts> {
  return { app: await freePort(), dynamo: await freePort(), ses: await freePort(), sfn: await freePort() };
}

/**
 * `pnpm dev` as a developer runs it, in its own process group (detached), so that a signal to
 * the group reaches pnpm and every process under it, as Ctrl-C in a terminal does.
 */
export function spawnDev(o: { ports: DevPorts; dataDir: string; logFile: string; env?: NodeJS.ProcessEnv }) {
  const out = openSync(o.logFile, "a");
  const pnpm = process.env.npm_execpath?.includes("pnpm") ? process.env.npm_execpath : undefined;
  const child = spawn(pnpm ? process.execPath : "pnpm", [...(pnpm ? [pnpm] : []), "dev"], {
    cwd: resolve(import.meta.dirname, "../../.."),
    detached: true,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      PORT: String(o.ports.app),
      DYNAMODB_PORT: String(o.ports.dynamo),
      SES_PORT: String(o.ports.ses),
      SFN_PORT: String(o.ports.sfn),
      DATA_DIR: o.dataDir,
      ...o.env,
    },
  });
  closeSync(out);
  return child;
}

/** Sends a signal to the child's whole process group, unless it has already exited. */
export function signalGroup(child: ChildProcess | undefined, signal: NodeJS.Signals) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** The child's exit code (null if a signal ended it) and the signal, once it has exited. */
export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      return done({ code: child.exitCode, signal: child.signalCode });
    }
    child.once("exit", (code, signal) => done({ code, signal }));
  });
}
