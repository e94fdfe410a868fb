import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { runSoak, type SoakResult } from "./soak/run";

/**
 * `pnpm soak`: the crash soak on the embedded stack (scripts/soak/run.ts), outside `pnpm test`
 * (minutes). Writes its report to SOAK.md (`--out` another file) and exits 1 if any address
 * missed an email or got one twice.
 *
 *   pnpm soak [--debriefs 600] [--concurrency 16] [--kill-after 20] [--wait 300] [--settle 60] [--day 6] [--runs 1]
 */
const { values } = parseArgs({
  options: {
    debriefs: { type: "string", default: "600" },
    concurrency: { type: "string", default: "16" },
    "kill-after": { type: "string", default: "20" },
    wait: { type: "string", default: "300" },
    settle: { type: "string", default: "60" },
    day: { type: "string", default: "6" },
    runs: { type: "string", default: "1" },
    out: { type: "string", default: "SOAK.md" },
  },
});
const int = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${values[name]}"`);
    process.exit(2);
  }
  return n;
};

const results: SoakResult[] = [];
for (let run = 1; run <= int("runs"); run++) {
  const result = await runSoak({
    debriefs: int("debriefs"),
    concurrency: int("concurrency"),
    killAfterMs: int("kill-after") * 1000,
    waitMs: int("wait") * 1000,
    settleMs: int("settle") * 1000,
    localDaySeconds: int("day"),
    progress: (line) => console.error(`[soak run ${run}] ${line}`),
  });
  results.push(result);
  console.error(`[soak run ${run}] ${summary(result)}`);
  writeFileSync(String(values.out), report(results));
}
console.log(report(results));
process.exit(results.every(clean) ? 0 : 1);

function clean(r: SoakResult) {
  return r.emails.missing === 0 && r.emails.duplicated === 0 && r.emails.unclaimed === 0 && r.accepted.refused === 0;
}

function summary(r: SoakResult) {
  return `${r.accepted.total} accepted, ${r.emails.complete} addresses complete, ${r.emails.missing} missing, ${r.emails.duplicated} duplicates (${r.durationS} s)`;
}

function report(runs: SoakResult[]) {
  const o = runs[0]?.options;
  const rows = runs.map(
    (r, i) =>
      `| ${i + 1} | ${r.accepted.total} (${r.accepted.created} × 201, ${r.accepted.replayed} × 200 replays; ${r.retried} retried) | ${(r.killedAtMs / 1000).toFixed(1)} s, down ${(r.downMs / 1000).toFixed(1)} s | ${r.emails.complete} of ${r.accepted.total} | ${r.emails.missing} | ${r.emails.duplicated} | ${r.repair.confirmed} / ${r.repair.resent} / ${r.repair.stuck} / ${r.repair.lateConfirmations} | ${r.confirmationLagMs.p50} / ${r.confirmationLagMs.p99} / ${r.confirmationLagMs.max} | ${r.load.atStart.toFixed(1)} / ${r.load.atKill.toFixed(1)} / ${r.load.atEnd.toFixed(1)} | ${r.durationS} s |`,
  );
  const problems = runs.flatMap((r, i) =>
    r.problems.map((p) => `- run ${i + 1}: debrief ${p.id}, ${p.kind}: ${p.count} emails`),
  );
  return `# Crash soak

\`pnpm soak\` (scripts/soak.ts) on the embedded stack: ${o?.debriefs} debriefs through \`POST /api/debriefs\`,
${o?.concurrency} at a time, each with its own \`Idempotency-Key\`, clients retrying on connection errors and 5xx;
${(o?.killAfterMs ?? 0) / 1000} s after the first submission the whole \`pnpm dev\` process group is killed with SIGKILL and
started again on the same \`DATA_DIR\`; then every inbox is read from the SES emulator (each message's
\`${"X-Debrief-Claim"}\` header names its debrief and email), waiting up to ${(o?.waitMs ?? 0) / 1000} s for every email and
${(o?.settleMs ?? 0) / 1000} s more for any second copy. A local day lasts ${o?.localDaySeconds} s. Machine: ${cpus().length} CPUs
(${cpus()[0]?.model ?? "unknown"}), Node ${process.version}, shared with other work (load averages below).

| run | debriefs accepted | killed at | addresses with their 3 emails | emails missing | duplicates | repair: confirmed / resent / stuck / late | SES event lag ms p50 / p99 / max | load start / kill / end | took |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}

- **repair**: claims the repair pass completed from SES's event (the step died after SES took the email) or
  sent again (SES never had it), claims still unanswered after it, and SES events that arrived for a claim
  already sent again (each one an email sent twice).
- **SES event lag**: from SES's acceptance of a message (the emulator's timestamp, to the second) to its Send
  event recorded on the claim; messages accepted just before the kill wait for the restart. An email is sent
  twice only if this exceeds the repair's window (45 s locally, 15 min on AWS).
${problems.length ? `\nProblems:\n${problems.join("\n")}\n` : ""}`;
}
