import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { exitOf, freeDevPorts, signalGroup, spawnDev } from "@debrief/testkit/dev-process";
import { waitFor } from "@debrief/testkit/inbox";
import { describe, expect, it } from "vitest";

const healthy = async (url: string) => {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) })).ok;
  } catch {
    return false;
  }
};

describe("pnpm dev", () => {
  it("stops cleanly on Ctrl-C (SIGINT to its process group): exit code 0, one line saying so, the data kept", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "debrief-dev-"));
    const logFile = join(dataDir, "dev.log");
    const ports = await freeDevPorts();
    const url = `http://127.0.0.1:${ports.app}`;
    const start = async () => {
      const dev = spawnDev({ ports, dataDir: join(dataDir, "data"), logFile });
      await waitFor(() => healthy(url), { timeoutMs: 100_000, what: "pnpm dev to answer /health" });
      return dev;
    };

    let dev = await start();
    try {
      const created = (await (await postDebrief(url, validDebrief())).json()) as { page: string };
      const before = readFileSync(logFile, "utf8").length;

      // What a terminal does on Ctrl-C: SIGINT to every process of the foreground group (pnpm, node).
      signalGroup(dev, "SIGINT");
      expect(await exitOf(dev)).toEqual({ code: 0, signal: null });
      // What it said then, besides the stack's own JSON log lines: one line, and no "ELIFECYCLE Command failed".
      const said = readFileSync(logFile, "utf8")
        .slice(before)
        .split("\n")
        .filter((line) => line.trim() !== "" && !line.startsWith("{"));
      expect(said).toEqual([expect.stringMatching(/^Stopped\. Your data stays in .+ for the next pnpm dev\.$/)]);

      // Started again on the same data, the debrief is there.
      dev = await start();
      const page = new URL(created.page).pathname;
      expect((await fetch(`${url}${page}`)).status).toBe(200);
    } finally {
      signalGroup(dev, "SIGINT");
      await exitOf(dev);
    }
  }, 240_000);
});
