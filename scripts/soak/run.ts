import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { CLAIM_HEADER, EMAIL_KINDS, parseClaimIdentity } from "@debrief/core";
import { validDebrief } from "@debrief/testkit/debriefs";
import { type DevPorts, exitOf, freeDevPorts, signalGroup, spawnDev } from "@debrief/testkit/dev-process";

/**
 * The crash soak: N debriefs through `POST /api/debriefs` (each with its own Idempotency-Key,
 * clients retrying on connection errors and 5xx, as a client should), the whole `pnpm dev`
 * process group killed with SIGKILL mid-load (a crash, not a shutdown) and started again on
 * the same data, then every inbox read from the SES emulator: each address must get each of
 * its emails exactly once.
 */
export type SoakOptions = {
  debriefs: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** When to kill the stack, counted from the first submission. */
  killAfterMs: number;
  /** How long to wait, after the last debrief is accepted, for every email. */
  waitMs: number;
  /**
   * How long to keep watching once every email is there, for a second copy: longer than the
   * local repair's window (a wrongly resent email comes after it).
   */
  settleMs: number;
  /** How long a workflow day lasts (LOCAL_DAY_SECONDS). */
  localDaySeconds: number;
  /** Where the stack's own output goes (default: dropped with its data directory). */
  logFile?: string;
  /** Progress lines. */
  progress?: (line: string) => void;
};

export type SoakResult = {
  options: Omit<SoakOptions, "progress" | "logFile">;
  startedAt: string;
  durationS: number;
  load: { atStart: number; atKill: number; atEnd: number };
  /** Debriefs the API accepted: answered 201, or 200 to a retry (a replay of one stored before). */
  accepted: { total: number; created: number; replayed: number; refused: number };
  /** Submissions that saw a connection error or a 5xx at least once (the kill). */
  retried: number;
  killedAtMs: number;
  /** How long the stack was away: from the kill until it answered /health again. */
  downMs: number;
  emails: {
    expected: number;
    /** Addresses with each of their emails exactly once. */
    complete: number;
    missing: number;
    duplicated: number;
    /** Messages with no claim header (none expected). */
    unclaimed: number;
  };
  /** What the stack's jobs and SES events did, summed from its log. */
  repair: { confirmed: number; resent: number; stuck: number; lateConfirmations: number };
  /** From SES's acceptance of a message to its event recorded on the claim (the stack's log, `lagMs`). */
  confirmationLagMs: { count: number; p50: number; p99: number; max: number };
  /** Debriefs with a missing or duplicated email, for a report to look into. */
  problems: { id: string; kind: string; count: number }[];
};

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const say = options.progress ?? (() => {});
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), "debrief-soak-"));
  const logFile = options.logFile ?? join(dataDir, "stack.log");
  const ports = await freeDevPorts();
  const appUrl = `http://127.0.0.1:${ports.app}`;
  const load = { atStart: loadavg()[0] ?? 0, atKill: 0, atEnd: 0 };
  let stack: ChildProcess | undefined;
  try {
    stack = startDev(ports, dataDir, options.localDaySeconds, logFile);
    await untilHealthy(appUrl, 120_000);
    say(
      `stack up on ${appUrl} (data ${dataDir}); submitting ${options.debriefs} debriefs, ${options.concurrency} at a time`,
    );

    const runId = randomUUID().slice(0, 8);
    const submissions = Array.from({ length: options.debriefs }, (_, i) => ({
      key: randomUUID(),
      body: validDebrief({
        candidate: { name: "Soak Candidate", email: `soak-${runId}-${i}@example.com`, timeZone: "Europe/Berlin" },
      }),
    }));
    const answers: { status: number; id?: string; retried: boolean }[] = [];
    const loadStarted = Date.now();
    let killedAtMs = 0;
    let downMs = 0;
    // The crash: the whole process group at once, then the same command on the same data.
    const crash = (async () => {
      await until(() => Date.now() - loadStarted >= options.killAfterMs, 60 * 60_000);
      killedAtMs = Date.now() - loadStarted;
      load.atKill = loadavg()[0] ?? 0;
      const done = answers.length;
      signalGroup(stack, "SIGKILL");
      await exited(stack);
      say(`killed the stack's process group (SIGKILL) at ${(killedAtMs / 1000).toFixed(1)} s, ${done} answered`);
      const down = Date.now();
      stack = startDev(ports, dataDir, options.localDaySeconds, logFile);
      await untilHealthy(appUrl, 120_000);
      downMs = Date.now() - down;
      say(`stack up again after ${(downMs / 1000).toFixed(1)} s`);
    })();

    let next = 0;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        for (let s = submissions[next++]; s; s = submissions[next++]) answers.push(await submit(appUrl, s));
      }),
    );
    await crash;
    const accepted = answers.filter((a) => a.status === 201 || a.status === 200);
    say(
      `${accepted.length} accepted (${answers.filter((a) => a.status === 200).length} replayed); waiting for every email`,
    );

    const expected = accepted.length * EMAIL_KINDS.length;
    const sesUrl = `http://127.0.0.1:${ports.ses}`;
    const waitUntil = Date.now() + options.waitMs;
    let count = await countEmails(sesUrl);
    while (count.messages < expected && Date.now() < waitUntil) {
      await sleep(1000);
      count = await countEmails(sesUrl);
    }
    say(`${count.messages} of ${expected} emails; watching ${options.settleMs / 1000} s for any second copy`);
    const settleUntil = Date.now() + options.settleMs;
    while (Date.now() < settleUntil) await sleep(1000);
    count = await countEmails(sesUrl);
    load.atEnd = loadavg()[0] ?? 0;

    const ids = new Set(accepted.map((a) => a.id ?? ""));
    const problems: SoakResult["problems"] = [];
    let complete = 0;
    let missing = 0;
    let duplicated = 0;
    for (const id of ids) {
      let whole = true;
      for (const kind of EMAIL_KINDS) {
        const n = count.byClaim.get(`${id}_${kind}`) ?? 0;
        if (n === 1) continue;
        whole = false;
        if (n === 0) missing++;
        else duplicated += n - 1;
        problems.push({ id, kind, count: n });
      }
      if (whole) complete++;
    }
    const log = readLog(logFile);
    return {
      options: {
        debriefs: options.debriefs,
        concurrency: options.concurrency,
        killAfterMs: options.killAfterMs,
        waitMs: options.waitMs,
        settleMs: options.settleMs,
        localDaySeconds: options.localDaySeconds,
      },
      startedAt: new Date(started).toISOString(),
      durationS: Math.round((Date.now() - started) / 1000),
      load,
      accepted: {
        total: accepted.length,
        created: answers.filter((a) => a.status === 201).length,
        replayed: answers.filter((a) => a.status === 200).length,
        refused: answers.length - accepted.length,
      },
      retried: answers.filter((a) => a.retried).length,
      killedAtMs,
      downMs,
      emails: { expected, complete, missing, duplicated, unclaimed: count.unclaimed },
      repair: log.repair,
      confirmationLagMs: log.lag,
      problems,
    };
  } finally {
    if (stack) {
      signalGroup(stack, "SIGTERM");
      await Promise.race([exited(stack), sleep(15_000)]);
      signalGroup(stack, "SIGKILL");
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `pnpm dev` on the soak's ports and data, with the limits an operator raises for a load test. */
function startDev(ports: DevPorts, dataDir: string, localDaySeconds: number, logFile: string): ChildProcess {
  const now = new Date();
  return spawnDev({
    ports,
    dataDir,
    logFile,
    env: {
      LOCAL_DAY_SECONDS: String(localDaySeconds),
      // One client, one IP, many debriefs: the limits an operator raises for a load test.
      RATE_LIMIT_PER_IP_PER_HOUR: "100000000",
      RATE_LIMIT_PER_ADDRESS_PER_DAY: "100000000",
      // The reminder at the coming hour in the candidates' zone (Europe/Berlin, UTC+1): about one local day on.
      NUDGE_HOUR: String((now.getUTCHours() + 1 + (now.getUTCMinutes() >= 50 ? 1 : 0)) % 24),
    },
  });
}

const exited = async (child: ChildProcess | undefined) => {
  if (child) await exitOf(child);
};

/** One submission as a careful client makes it: the same key on every attempt, retried on connection errors and 5xx. */
async function submit(appUrl: string, s: { key: string; body: unknown }) {
  let retried = false;
  const deadline = Date.now() + 5 * 60_000;
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(`${appUrl}/api/debriefs`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": s.key },
        body: JSON.stringify(s.body),
        signal: AbortSignal.timeout(30_000),
      });
      // A body cut off by the crash is a connection error like any other: the same request again.
      const json = (await res.json()) as { id?: string };
      const answered = res.status < 500 && (res.status >= 300 || typeof json.id === "string");
      if (answered || Date.now() > deadline) return { status: res.status, id: json.id, retried };
    } catch {
      // The connection refused or cut: the stack is down.
      if (Date.now() > deadline) return { status: 0, retried: true };
    }
    retried = true;
    await sleep(Math.min(2000, 100 * 2 ** attempt) * (0.5 + Math.random() / 2));
  }
}

/** Every message in the SES emulator, counted by the debrief and email kind its claim header names. */
async function countEmails(sesUrl: string) {
  const res = await fetch(`${sesUrl}/store`);
  const { emails } = (await res.json()) as { emails: { headers?: { name: string; value: string }[] }[] };
  const byClaim = new Map<string, number>();
  let unclaimed = 0;
  for (const email of emails) {
    const header = email.headers?.find((h) => h.name === CLAIM_HEADER)?.value;
    const ref = header ? parseClaimIdentity(header) : undefined;
    if (!ref) {
      unclaimed++;
      continue;
    }
    const key = `${ref.debriefId}_${ref.kind}`;
    byClaim.set(key, (byClaim.get(key) ?? 0) + 1);
  }
  return { messages: emails.length, byClaim, unclaimed };
}

/** What the stack logged of its repairs and SES events (JSON lines; other lines are skipped). */
function readLog(file: string) {
  const repair = { confirmed: 0, resent: 0, stuck: 0, lateConfirmations: 0 };
  const lags: number[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.startsWith("{")) continue;
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (entry.message === "repair finished") {
      repair.confirmed += Number(entry.confirmed) || 0;
      repair.resent += Number(entry.resent) || 0;
      repair.stuck += Number(entry.stuck) || 0;
    }
    if (entry.message === "ses event handled" && entry.claim === "late") repair.lateConfirmations++;
    if (entry.message === "ses event handled" && entry.event === "Send" && typeof entry.lagMs === "number") {
      lags.push(entry.lagMs);
    }
  }
  lags.sort((a, b) => a - b);
  const at = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))] ?? 0;
  return { repair, lag: { count: lags.length, p50: at(0.5), p99: at(0.99), max: lags.at(-1) ?? 0 } };
}

async function untilHealthy(appUrl: string, timeoutMs: number) {
  await until(async () => {
    try {
      return (await fetch(`${appUrl}/health`, { signal: AbortSignal.timeout(5000) })).ok;
    } catch {
      return false;
    }
  }, timeoutMs);
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Gave up after ${timeoutMs} ms`);
    await sleep(200);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
