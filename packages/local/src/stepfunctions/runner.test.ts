import { describe, expect, it } from "vitest";
import type { ExecutionRecord } from "./persistence";
import { createRunner, type TaskHandler } from "./runner";
import type { Definition } from "./timing";

const MACHINE = "arn:aws:states:eu-west-1:000000000000:stateMachine:debrief";
const DEFINITION: Definition = {
  StartAt: "Letter",
  States: {
    Letter: { Type: "Task", Resource: "arn:aws:lambda:eu-west-1:000000000000:function:send", Next: "Wait" },
    Wait: { Type: "Wait", TimestampPath: "$.nudgeAt", Next: "Nudge" },
    Nudge: { Type: "Task", Resource: "arn:aws:lambda:eu-west-1:000000000000:function:send", End: true },
  },
};
const START = Date.parse("2026-11-24T12:00:00Z");

const record = (name: string, input: object): ExecutionRecord => ({
  executionArn: `${MACHINE.replace(":stateMachine:", ":execution:")}:${name}`,
  stateMachineArn: MACHINE,
  name,
  input: JSON.stringify(input),
  status: "RUNNING",
  startDate: START,
});

async function runner(send: TaskHandler, settled: ExecutionRecord[] = []) {
  return createRunner({
    machines: [{ stateMachineArn: MACHINE, definition: DEFINITION }],
    handlers: { send },
    // A day of the workflow lasts a second, and the clock stands at the start: the reminder waits 1 s.
    localDaySeconds: 1,
    now: () => START,
    onSettled: (r) => void settled.push(r),
  });
}

describe("the runner", () => {
  it("runs each task through its handler, waits on the local day, and records the output", async () => {
    const calls: unknown[] = [];
    const settled: ExecutionRecord[] = [];
    const r = await runner(async (input) => {
      calls.push(input);
      return input;
    }, settled);
    const rec = record("d1", { nudgeAt: "2026-11-25T12:00:00Z" });
    r.run(rec);
    await r.idle();
    expect(calls).toHaveLength(2);
    expect(rec).toMatchObject({
      status: "SUCCEEDED",
      stopDate: START,
      output: JSON.stringify({ nudgeAt: "2026-11-25T12:00:00Z" }),
    });
    expect(settled).toEqual([rec]);
  });

  it("records a failed task as the execution's failure", async () => {
    const r = await runner(async () => {
      throw Object.assign(new Error("SES said no"), { name: "PermanentSendError" });
    });
    const rec = record("d2", { nudgeAt: "2026-11-24T12:00:00Z" });
    r.run(rec);
    await r.idle();
    expect(rec).toMatchObject({
      status: "FAILED",
      error: "ExecutionError",
      cause: expect.stringContaining("SES said no"),
    });
  });

  it("drops runs on close without marking their records, so a restart resumes them", async () => {
    const settled: ExecutionRecord[] = [];
    const r = await runner(async (input) => input, settled);
    // A wait of a local year: the run is still waiting when the runner closes.
    const rec = record("d3", { nudgeAt: "2027-11-24T12:00:00Z" });
    r.run(rec);
    r.abortAll();
    await r.drained();
    expect(rec.status).toBe("RUNNING");
    expect(settled).toEqual([]);
  });

  it("refuses a definition whose task has no local handler", async () => {
    await expect(
      createRunner({
        machines: [{ stateMachineArn: MACHINE, definition: DEFINITION }],
        handlers: {},
        localDaySeconds: 1,
        now: () => START,
        onSettled: () => undefined,
      }),
    ).rejects.toThrow("No local handler for send (state Letter)");
  });
});
