import { randomUUID } from "node:crypto";
import type { DebriefRequest } from "@debrief/core";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { readInbox, type StoredEmail, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { debriefItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SUBMISSIONS = 300;
const DUPLICATES = 50;
const CLIENTS = 30;
const DAY_S = 20;
const DAY_MS = DAY_S * 1000;

type Submission = { body: DebriefRequest; key: string };

describe(`concurrency: ${SUBMISSIONS} submissions from ${CLIENTS} clients plus ${DUPLICATES} duplicates`, () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      localDaySeconds: DAY_S,
      // One test client is one IP: raise its limit above what this test sends.
      env: { ...predictableSchedule(), RATE_LIMIT_PER_IP_PER_HOUR: "1000" },
      scheduledJobs: false,
    });
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  it("stores exactly one debrief per submission and sends each exactly one letter, nudge and tips", {
    timeout: 12 * DAY_MS,
  }, async () => {
    const originals: Submission[] = Array.from({ length: SUBMISSIONS }, () => ({
      body: validDebrief(),
      key: randomUUID(),
    }));
    // Every sixth submission is sent twice with its key: right behind itself, so the two race.
    const queue: Submission[] = [];
    originals.forEach((s, i) => {
      queue.push(s);
      if (i % 6 === 0 && queue.length - i - 1 < DUPLICATES) queue.push(s);
    });
    expect(queue.length).toBe(SUBMISSIONS + DUPLICATES);

    const answers: { key: string; status: number; id?: string; ms: number }[] = [];
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let s = queue[next++]; s; s = queue[next++]) {
          const sent = Date.now();
          const res = await postDebrief(stack.appUrl, s.body, { "idempotency-key": s.key });
          const json = (await res.json()) as { id?: string };
          answers.push({ key: s.key, status: res.status, id: json.id, ms: Date.now() - sent });
        }
      }),
    );
    const submitMs = Date.now() - started;

    expect(answers.filter((a) => a.status === 201)).toHaveLength(SUBMISSIONS);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(DUPLICATES);
    // Both answers to a duplicated key name the same debrief.
    const idsByKey = new Map<string, Set<string>>();
    for (const a of answers) idsByKey.set(a.key, (idsByKey.get(a.key) ?? new Set()).add(a.id ?? ""));
    expect([...idsByKey.values()].every((ids) => ids.size === 1)).toBe(true);
    expect(new Set(answers.map((a) => a.id)).size).toBe(SUBMISSIONS);
    expect(await debriefItems()).toHaveLength(SUBMISSIONS);

    await waitFor(
      async () => {
        const executions = stack.sfn.executions();
        return executions.length === SUBMISSIONS && executions.every((e) => e.status !== "RUNNING");
      },
      { timeoutMs: 10 * DAY_MS, intervalMs: 500, what: "every workflow to finish" },
    );
    const doneMs = Date.now() - started;
    expect(stack.sfn.executions().every((e) => e.status === "SUCCEEDED")).toBe(true);

    const inbox = await readInbox(stack.inboxUrl);
    const byAddress = new Map<string, StoredEmail[]>();
    for (const m of inbox) for (const to of m.destination.to) byAddress.set(to, [...(byAddress.get(to) ?? []), m]);
    expect(inbox).toHaveLength(3 * SUBMISSIONS);
    for (const { body } of originals) {
      const mails = byAddress.get(body.candidate.email) ?? [];
      expect(mails).toHaveLength(3);
      expect(mails.filter((m) => !m.headers?.some((h) => h.name === "List-Unsubscribe"))).toHaveLength(1); // the letter
      expect(mails.filter((m) => m.subject.includes("second interview"))).toHaveLength(1); // the tips
      expect(new Set(mails.map((m) => m.subject)).size).toBe(3);
    }
    const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    console.log(
      `concurrency: ${queue.length} requests from ${CLIENTS} clients in ${submitMs} ms ` +
        `(p50 ${at(0.5)} ms, p95 ${at(0.95)} ms per request) ` +
        `(${Math.round((queue.length * 1000) / submitMs)} req/s); all ${inbox.length} emails sent after ${doneMs} ms ` +
        `(local day ${DAY_S} s)`,
    );
  });
});
