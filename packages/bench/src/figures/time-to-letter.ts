import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { debriefBody } from "../debriefs";
import type { SesWatch } from "../letters";
import { type Summary, summarize } from "../stats";

export type TimeToLetter = {
  app: Summary;
  accepted: Summary;
  /** The minimal-path baseline (baseline/minimal-path.ts), measured in rounds alternating with the app's. */
  minimal?: Summary;
  floor: Summary;
  concurrency: number;
};

const LETTER_TIMEOUT_MS = 30_000;

/** Runs `count` jobs with `concurrency` in flight (a closed loop) and collects what they return. */
async function closedLoop<T>(count: number, concurrency: number, job: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started += 1;
      out.push(await job());
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return out;
}

/** Submits one debrief to `url` and times it to its 201 and to its letter in the SES store. */
async function oneLetter(url: string, ses: SesWatch) {
  const body = debriefBody();
  const letter = ses.firstTo(body.candidate.email, LETTER_TIMEOUT_MS);
  const t0 = performance.now();
  const res = await fetch(`${url}/api/debriefs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const accepted = performance.now() - t0;
  if (res.status !== 201) throw new Error(`POST ${url}/api/debriefs answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
  return { accepted, letter: (await letter) - t0 };
}

/**
 * Figure 1: from the moment a debrief is POSTed to the moment its letter is stored in
 * the SES emulator, with `concurrency` submitters in a closed loop, beside the
 * minimal-path baseline (the same I/O any implementation needs, same clients and
 * emulators) in alternating rounds (app, baseline, baseline, app), so drift on the
 * machine falls on both. The floor is one SES SendEmail of a letter-sized message.
 */
export async function measureTimeToLetter(
  appUrl: string,
  ses: SesWatch,
  { submissions, concurrency }: { submissions: number; concurrency: number },
  minimalUrl?: string,
): Promise<TimeToLetter> {
  const app: { accepted: number; letter: number }[] = [];
  const minimal: { accepted: number; letter: number }[] = [];
  const half = Math.ceil(submissions / 2);
  const rounds: [string, typeof app][] = minimalUrl
    ? [
        [appUrl, app],
        [minimalUrl, minimal],
        [minimalUrl, minimal],
        [appUrl, app],
      ]
    : [[appUrl, app]];
  for (const [url, into] of rounds) {
    const n = minimalUrl ? Math.ceil(half / 2) : submissions;
    into.push(...(await closedLoop(n, concurrency, () => oneLetter(url, ses))));
  }

  const client = new SESv2Client({});
  const html = `<p>${"A letter-sized paragraph. ".repeat(300)}</p>`;
  let n = 0;
  const floor = await closedLoop(submissions, concurrency, async () => {
    n += 1;
    const to = `floor-${process.pid}-${n}-${Date.now()}@example.com`;
    const seen = ses.firstTo(to, LETTER_TIMEOUT_MS);
    const t0 = performance.now();
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: process.env.FROM_ADDRESS,
        Destination: { ToAddresses: [to] },
        Content: { Simple: { Subject: { Data: "Floor" }, Body: { Html: { Data: html }, Text: { Data: html } } } },
      }),
    );
    return (await seen) - t0;
  });
  client.destroy();

  return {
    app: summarize(app.map((r) => r.letter)),
    accepted: summarize(app.map((r) => r.accepted)),
    ...(minimal.length ? { minimal: summarize(minimal.map((r) => r.letter)) } : {}),
    floor: summarize(floor),
    concurrency,
  };
}
