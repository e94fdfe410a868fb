import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const DAY_S = 3;
const DAY_MS = DAY_S * 1000;

describe("no personal data in logs, workflow input or URLs", () => {
  let stack: TestStack;
  const output: string[] = [];
  const originals = { out: process.stdout.write, err: process.stderr.write };
  beforeAll(async () => {
    // Everything the app and the steps log, at every level, is captured.
    const capture =
      (write: typeof process.stdout.write) =>
      (chunk: unknown, ...rest: unknown[]): boolean => {
        output.push(String(chunk));
        return (write as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
      };
    process.stdout.write = capture(originals.out) as typeof process.stdout.write;
    process.stderr.write = capture(originals.err) as typeof process.stderr.write;
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        output.push(args.map(String).join(" "));
      });
    }
    stack = await startTestStack({
      localDaySeconds: DAY_S,
      quiet: false,
      env: { ...predictableSchedule(), POWERTOOLS_LOG_LEVEL: "DEBUG", RATE_LIMIT_PER_ADDRESS_PER_DAY: "1" },
    });
  });
  afterAll(async () => {
    process.stdout.write = originals.out;
    process.stderr.write = originals.err;
    vi.restoreAllMocks();
    await stack?.dispose();
  });

  it("logs ids and outcomes only, through a whole journey, a refusal, a rate limit and a bounce", async () => {
    const body = validDebrief({
      candidate: { name: "Zelda Quartermaine", email: "zelda.quartermaine@example.com", timeZone: "UTC" },
    });
    const res = await postDebrief(stack.appUrl, body);
    expect(res.status).toBe(201);
    const { page } = (await res.json()) as { page: string };
    await postDebrief(stack.appUrl, { ...body, candidate: { ...body.candidate, timeZone: "Nowhere/Else" } });
    expect((await postDebrief(stack.appUrl, body)).status).toBe(429);
    await waitFor(async () => (await emailsTo(stack.inboxUrl, body.candidate.email)).length >= 3, {
      timeoutMs: 3 * DAY_MS,
      what: "all three emails",
    });
    await fetch(`${stack.appUrl}/__dev/ses-events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "bounce", address: body.candidate.email }),
    });

    const logs = output.join("");
    // The logs did capture the service at work ...
    expect(logs).toContain("debrief accepted");
    expect(logs).toContain("send step finished");
    // ... and none of what the candidate typed, nor the page's secret token.
    for (const secret of [
      body.candidate.email,
      "zelda",
      "Quartermaine",
      body.interview.company,
      body.interview.interviewer.name,
      page.split("/d/")[1] ?? "unreachable",
    ]) {
      expect(logs.toLowerCase()).not.toContain(secret.toLowerCase());
    }

    // Workflow inputs (kept 90 days by Step Functions) hold ids and times only.
    for (const e of stack.sfn.executions()) {
      expect(Object.keys(JSON.parse(e.input)).sort()).toEqual(["debriefId", "nudgeAt", "tipsAt"]);
    }
    // The candidate's links carry only an unguessable token.
    expect(page).toMatch(/\/d\/[A-Za-z0-9_-]{43}$/);
  });
});
