import { performance } from "node:perf_hooks";
import { createCentre, loadConfig, systemClock } from "@debrief/core";
import { createDynamoAccountStore, createDynamoCentreStore } from "@debrief/core/aws";
import { type PastStudent, storePastStudents } from "@debrief/testkit/centres";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { seededRandom } from "@debrief/testkit/random";
import { type Summary, summarize } from "../stats";

export type InsightsFigure = {
  debriefs: number;
  students: number;
  cohorts: number;
  weeks: number;
  samples: number;
  /** GET /c/{slug}/admin, signed in: every student of the centre. */
  page: Summary;
  /** The same page filtered to one cohort and thirteen weeks. */
  filtered: Summary;
  /** The index read alone: the Query of the centre's counted students, nothing computed or rendered. */
  baseline: Summary;
  /** Figures the unfiltered page shows (not hidden). */
  shown: number;
  hidden: number;
};

const SLUG = "bench-centre";
const OWNER = "owner@bench-centre.example.edu";
const COHORTS = [
  "MBA 2026",
  "MSc Data 2026",
  "MSc Finance 2026",
  "BA History 2026",
  "BSc CS 2026",
  "BEng 2026",
  "PhD",
  "Exchange",
];
const SITUATIONS = [
  "nerves",
  "rambling",
  "blanked",
  "late",
  "bad_call",
  "too_blunt",
  "illness",
  "technical_issue",
] as const;
const QUESTIONS = [
  "Tell me about a time you missed a deadline",
  "How would you design a dashboard for the sales team?",
  "Why do you want to work here?",
  "What would you do if a client changed the scope?",
  "Walk me through a project you are proud of",
];
/**
 * A centre with `count` debriefs spread over the retention period (so every one counts), stored
 * through the real centre submission (one in seven a returning student's), each student then
 * proven as an emailed link would (and three in five marking the letter sent): what the
 * insights page reads.
 */
async function seedCentre(count: number) {
  const config = loadConfig();
  const centres = createDynamoCentreStore(config.tableName);
  const accounts = createDynamoAccountStore(config.tableName);
  const made = await createCentre(
    { centres, accounts },
    {
      slug: SLUG,
      displayName: "Bench University Careers",
      advisor: { name: "Bea Nch", email: OWNER },
      cohorts: COHORTS,
    },
    systemClock,
  );
  if (!made.ok) throw new Error(`The bench centre was refused: ${JSON.stringify(made.errors)}`);
  const rnd = seededRandom(24);
  const now = Date.now();
  const plan: PastStudent[] = Array.from({ length: count }, (_, i) => {
    const returning = i > 0 && rnd() < 1 / 7;
    const whatHappened = SITUATIONS.filter(() => rnd() < 0.3);
    return {
      at: new Date(now - Math.floor(rnd() * (config.retentionDays - 1) * 86_400_000)),
      email: `student-${returning ? Math.floor(rnd() * i) : i}@bench-centre.example.edu`,
      cohort: COHORTS[Math.min(COHORTS.length - 1, Math.floor(rnd() ** 1.6 * COHORTS.length))] as string,
      whatHappened: whatHappened.length ? [...whatHappened] : ["nerves"],
      questions: [
        {
          question: QUESTIONS[Math.floor(rnd() * QUESTIONS.length)] as string,
          betterAnswer: "I would start from what the team needs.",
        },
      ],
      letterSent: rnd() < 0.6,
    };
  });
  await storePastStudents(made.value.centre, plan, 32);
  return { centres, plan };
}

/** Signs the owner in as a browser would: the emailed link from the SES emulator's store, its button's POST. */
async function signIn(appUrl: string, inboxUrl: string): Promise<string> {
  const origin = new URL(appUrl).origin;
  await fetch(`${appUrl}/c/${SLUG}/admin/sign-in`, {
    method: "POST",
    body: new URLSearchParams({ email: OWNER }),
    headers: { origin },
  });
  const mail = await waitFor(async () => (await emailsTo(inboxUrl, OWNER))[0], {
    timeoutMs: 30_000,
    what: "the sign-in link",
  });
  const path = /https?:\/\/[^/\s]+(\/c\/[^/]+\/admin\/sign-in\/[A-Za-z0-9_-]{43})/.exec(mail.body.text ?? "")?.[1];
  const res = await fetch(`${appUrl}${path}`, { method: "POST", headers: { origin }, redirect: "manual" });
  const cookie = /^(__Host-centre-session=[^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  if (!cookie) throw new Error(`Signing in answered ${res.status}`);
  return cookie;
}

/** `n` runs one after another: their durations in ms. */
async function timed(n: number, run: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * Figure 8: the insights page of a centre with `count` debriefs, signed in, requested one
 * after another (an advisor's page loads, not a load test), beside the index read alone
 * (the Query every page view makes, through the same client and emulator) in alternating
 * rounds, so drift on the shared machine falls on both.
 */
export async function measureInsights(
  stack: { appUrl: string; inboxUrl: string },
  { count, samples }: { count: number; samples: number },
): Promise<InsightsFigure> {
  const { centres, plan } = await seedCentre(count);
  const cookie = await signIn(stack.appUrl, stack.inboxUrl);
  const page = async (query = "") => {
    const res = await fetch(`${stack.appUrl}/c/${SLUG}/admin${query}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`The insights page answered ${res.status}`);
    return res.text();
  };
  const html = await page(); // warm: the route group and the first Query
  const weeks = [...new Set([...html.matchAll(/<option value="(\d{4}-W\d{2})"/g)].map((m) => m[1] as string))];
  const [from, to] = [weeks.at(-26), weeks.at(-14)];
  const filtered = `?cohort=${encodeURIComponent(COHORTS[1] as string)}&from=${from}&to=${to}`;
  await page(filtered);
  const read = () => centres.countedStudents(SLUG, new Date());
  await read();
  // Four rounds of each, interleaved; the percentiles are of every sample together.
  const taken = { page: [] as number[], filtered: [] as number[], baseline: [] as number[] };
  const per = Math.max(1, Math.round(samples / 4));
  for (let i = 0; i < 4; i++) {
    taken.baseline.push(...(await timed(per, read)));
    taken.page.push(...(await timed(per, () => page())));
    taken.filtered.push(...(await timed(per, () => page(filtered))));
  }
  const cells = [...html.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1] as string);
  const students = new Set(plan.map((p) => p.email)).size;
  return {
    debriefs: count,
    students,
    cohorts: COHORTS.length,
    weeks: weeks.length,
    samples: per * 4,
    page: summarize(taken.page),
    filtered: summarize(taken.filtered),
    baseline: summarize(taken.baseline),
    shown: cells.filter((c) => !c.includes("hidden")).length,
    hidden: cells.filter((c) => c.includes("hidden")).length,
  };
}
