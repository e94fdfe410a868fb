import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startLocalStack } from "@debrief/local";
import { provisionCentre, signInByEmail } from "@debrief/testkit/centres";
import { CHROMIUM_PATH } from "@debrief/testkit/chromium";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import {
  type Audited,
  FORM_GOAL,
  type LighthouseResult,
  meetsFormGoal,
  report,
  type Summary,
  summarise,
} from "./audit-pages/report";

/**
 * `pnpm audit:pages`: Lighthouse on the debrief form, a candidate's page, a career centre's form and
 * its advisors' page (signed in), as a phone and as a desktop, each `--runs` times in a fresh
 * Chromium (Debian's, CHROMIUM_PATH), against the embedded stack started here on free ports with a
 * temporary data directory and stopped at the end. Writes the medians and the failed audits to
 * docs/lighthouse.md (`--out` another file); exits 1 when the form misses its goal on a phone.
 * Not part of `pnpm test`: it takes minutes. Run it before a release.
 *
 *   pnpm audit:pages [--runs 3] [--out docs/lighthouse.md]
 */
const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    out: { type: "string", default: "docs/lighthouse.md" },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a whole number of 1 or more, got "${values.runs}"`);
  process.exit(2);
}

const LIGHTHOUSE_CLI = createRequire(import.meta.url).resolve("lighthouse/cli/index.js");
const CHROME_FLAGS =
  "--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-sync";
const CENTRE = "audit";
const ADVISOR = `advisor@${CENTRE}.example.edu`;

/** One Lighthouse run, tried again (twice at most) when Lighthouse itself says to (a trace it could not record). */
async function lighthouse(url: string, formFactor: "mobile" | "desktop", headers?: Record<string, string>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouseOnce(url, formFactor, headers);
    } catch (error) {
      if (attempt === 3 || !String(error).includes("run Lighthouse again")) throw error;
      console.error(`[audit] ${url}: ${String(error).split("\n")[0]}; running it again`);
    }
  }
}

/** One Lighthouse run as its command line makes it (its own Chromium, through chrome-launcher), read as JSON. */
function lighthouseOnce(url: string, formFactor: "mobile" | "desktop", headers?: Record<string, string>) {
  const args = [
    LIGHTHOUSE_CLI,
    url,
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    `--chrome-flags=${CHROME_FLAGS}`,
    "--only-categories=performance,accessibility,best-practices,seo",
    ...(formFactor === "desktop" ? ["--preset=desktop"] : []),
    ...(headers ? [`--extra-headers=${JSON.stringify(headers)}`] : []),
  ];
  return new Promise<LighthouseResult>((done, fail) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: CHROMIUM_PATH },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", fail);
    child.on("exit", (code) => {
      if (code !== 0) return fail(new Error(`lighthouse ${url} exited ${code}: ${Buffer.concat(err).toString()}`));
      const result = JSON.parse(Buffer.concat(out).toString()) as LighthouseResult & { runtimeError?: unknown };
      if (result.runtimeError) return fail(new Error(`lighthouse ${url}: ${JSON.stringify(result.runtimeError)}`));
      done(result);
    });
  });
}

const dataDir = mkdtempSync(join(tmpdir(), "debrief-audit-"));
const stack = await startLocalStack({
  dataDir,
  port: 0,
  dynamoPort: 0,
  sesPort: 0,
  sfnPort: 0,
  quiet: true,
  // Nothing but the pages: no later emails or scheduled jobs competing for the CPU during a run.
  localDaySeconds: 3600,
  scheduledJobs: false,
});
const loadAtStart = loadavg()[0] ?? 0;
try {
  const created = await postDebrief(stack.appUrl, validDebrief({ email: `audit-${Date.now()}@example.com` }));
  if (created.status !== 201) throw new Error(`the candidate's debrief answered ${created.status}`);
  const candidatePage = new URL(((await created.json()) as { page: string }).page).pathname;
  await provisionCentre({
    slug: CENTRE,
    displayName: "Audit Careers",
    advisor: { name: "Priya Nair", email: ADVISOR },
  });
  const session = await signInByEmail(stack, CENTRE, ADVISOR);
  const admin = { Cookie: `__Host-centre-session=${session}` };
  const signedIn = await fetch(`${stack.appUrl}/c/${CENTRE}/admin`, { headers: admin });
  if (signedIn.status !== 200 || (await signedIn.text()).includes('name="email"')) {
    throw new Error("the advisors' page did not open signed in");
  }

  const pages: { page: string; path: string; headers?: Record<string, string> }[] = [
    { page: "debrief form", path: "/" },
    { page: "candidate page", path: candidatePage },
    { page: "centre form", path: `/c/${CENTRE}` },
    { page: "centre advisors' page", path: `/c/${CENTRE}/admin`, headers: admin },
  ];
  const audited: Audited[] = [];
  for (const formFactor of ["mobile", "desktop"] as const) {
    for (const { page, path, headers } of pages) {
      const results: LighthouseResult[] = [];
      for (let run = 1; run <= runs; run++) {
        const result = await lighthouse(`${stack.appUrl}${path}`, formFactor, headers);
        results.push(result);
        const perf = Math.round((result.categories.performance?.score ?? 0) * 100);
        const tbt = Math.round(result.audits["total-blocking-time"]?.numericValue ?? Number.NaN);
        console.error(`[audit] ${page}, ${formFactor}, run ${run}/${runs}: Performance ${perf}, TBT ${tbt} ms`);
      }
      audited.push({ page, formFactor, runs: results });
    }
  }

  const summaries: Summary[] = audited.map(summarise);
  const first = audited[0]?.runs[0];
  const chromium = execFileSync(CHROMIUM_PATH, ["--version"], { encoding: "utf8" }).trim();
  const markdown = report(summaries, {
    command: `pnpm audit:pages --runs ${runs}`,
    date: new Date().toISOString().slice(0, 10),
    lighthouse: first?.lighthouseVersion ?? "unknown",
    chromium,
    machine: `Machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? "unknown"}), Node ${process.version}, shared with other work: load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end.`,
    notes: [
      "The candidate's page and the advisors' page are private: they send `X-Robots-Tag: noindex` and no meta description (only public pages carry one), so SEO's `is-crawlable` and `meta-description` fail there by design.",
      "Lighthouse's Performance on a phone is simulated from the trace (Lantern): a busy machine moves it by a few points between runs, hence the medians.",
    ],
  });
  writeFileSync(String(values.out), markdown);
  console.log(markdown);
  const form = summaries.find((s) => s.page === "debrief form" && s.formFactor === "mobile");
  if (!form || !meetsFormGoal(form)) {
    console.error(
      `[audit] the debrief form on a phone misses its goal (Performance ≥ ${FORM_GOAL.performance}, TBT < ${FORM_GOAL.totalBlockingTimeMs} ms)`,
    );
    process.exitCode = 1;
  }
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
