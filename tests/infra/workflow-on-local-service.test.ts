import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SFNClient, StartExecutionCommand } from "@aws-sdk/client-sfn";
import { submitDebrief, systemClock } from "@debrief/core";
import { createDynamoStore, createSfnWorkflow } from "@debrief/core/aws";
import { recordFailure } from "@debrief/functions/record-failure";
import { sendEmail } from "@debrief/functions/steps";
import { WORKFLOW_FUNCTIONS } from "@debrief/infra/workflow-definition";
import type { Definition } from "@debrief/local";
import { startLocalStepFunctions } from "@debrief/local";
import { validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractDefinition } from "./synth";
import { testStageTemplates } from "./template";

const { synth } = testStageTemplates();

describe("the synthesized workflow on the local Step Functions service", () => {
  const DAY_S = 2;
  const MACHINE_ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:Synthesized";
  let stack: TestStack;
  let service: Awaited<ReturnType<typeof startLocalStepFunctions>>;
  let dataDir: string;
  /** Faults the next calls of the send step should throw, by email kind. */
  const faults = new Map<string, Error[]>();
  const calls: string[] = [];

  const fault = (name: string, message: string) => Object.assign(new Error(message), { name });
  const sendWithFaults = async (input: unknown) => {
    const kind = String((input as { kind?: unknown }).kind);
    calls.push(kind);
    const next = faults.get(kind)?.shift();
    if (next) throw next;
    return sendEmail(input);
  };

  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: DAY_S, env: predictableSchedule() });
    dataDir = mkdtempSync(join(tmpdir(), "debrief-synth-sfn-"));
    service = await startLocalStepFunctions(
      {
        definition: extractDefinition(synth().template("Workflow")) as Definition,
        stateMachineArn: MACHINE_ARN,
        handlers: { [WORKFLOW_FUNCTIONS.sendEmail]: sendWithFaults, [WORKFLOW_FUNCTIONS.recordFailure]: recordFailure },
        dataFile: join(dataDir, "executions.json"),
        localDaySeconds: DAY_S,
      },
      0,
    );
  }, 120_000);
  afterAll(async () => {
    await service?.close();
    await stack?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const store = () => createDynamoStore(process.env.TABLE_NAME ?? "");
  /** Stores a debrief and starts its workflow on the synthesized machine (not the stack's own). */
  async function submit(body = validDebrief()) {
    const env = predictableSchedule();
    const result = await submitDebrief(body, {
      store: store(),
      workflow: createSfnWorkflow(MACHINE_ARN, new SFNClient({ endpoint: service.endpoint })),
      clock: systemClock,
      schedule: {
        nudgeHour: Number(env.NUDGE_HOUR),
        nudgeAfterDays: Number(env.NUDGE_AFTER_DAYS),
        tipsAfterDays: Number(env.TIPS_AFTER_DAYS),
      },
      retentionDays: 180,
    });
    if (result.kind !== "accepted") throw new Error(`Not accepted: ${result.kind}`);
    return { id: result.id, email: body.candidate.email };
  }
  const finished = (name: string) =>
    waitFor(
      async () => {
        const e = service.executions().find((x) => x.name === name);
        return e && e.status !== "RUNNING" ? e : undefined;
      },
      { timeoutMs: 4 * DAY_S * 1000, what: `execution ${name} to finish` },
    );

  it("retries a send that fails twice with a throttling error, then sends it once", async () => {
    faults.set("letter", [
      fault("Lambda.TooManyRequestsException", "Rate exceeded"),
      fault("Lambda.TooManyRequestsException", "Rate exceeded"),
    ]);
    calls.length = 0;
    const { id, email } = await submit();
    const execution = await finished(id);
    expect(execution.status).toBe("SUCCEEDED");
    expect(calls.filter((k) => k === "letter")).toHaveLength(3);
    const subjects = (await emailsTo(stack.inboxUrl, email)).map((m) => m.subject);
    expect(subjects).toHaveLength(3);
    expect(subjects.filter((s) => s.startsWith("Following up"))).toHaveLength(1);
    const debrief = await store().get(id, new Date());
    expect(debrief?.sends.letter?.messageId).toBeTruthy();
    expect(debrief?.failure).toBeUndefined();
  });

  it("takes the catch path on a permanent failure: recorded on the debrief, the execution failed", async () => {
    faults.set("nudge", [fault("InvalidStepInputError", "Unknown email kind")]);
    calls.length = 0;
    const { id, email } = await submit();
    const execution = await finished(id);
    expect(execution.status).toBe("FAILED");
    // The local library reports the Fail state as an ExecutionError carrying the state's cause.
    expect(execution.cause).toContain("the failure is recorded on the debrief");
    // Not retried: a permanent error goes straight to the catch.
    expect(calls.filter((k) => k === "nudge")).toHaveLength(1);
    const debrief = await store().get(id, new Date());
    expect(debrief?.failure).toMatchObject({ step: "nudge", error: "InvalidStepInputError" });
    // The letter went out before the failure; nothing after it did.
    expect((await emailsTo(stack.inboxUrl, email)).map((m) => m.subject)).toHaveLength(1);
  });

  it("still runs an execution started by the previous release, whose input had only the id and the times", async () => {
    const { id, email } = await submit();
    await finished(id);
    const debrief = await store().get(id, new Date());
    // Release 1's execution input, written out as it was (not built by today's workflowInput()).
    const previousRelease = { debriefId: id, nudgeAt: debrief?.schedule.nudgeAt, tipsAt: debrief?.schedule.tipsAt };
    const name = `${id}-previous`;
    await new SFNClient({ endpoint: service.endpoint }).send(
      new StartExecutionCommand({ stateMachineArn: MACHINE_ARN, name, input: JSON.stringify(previousRelease) }),
    );
    expect((await finished(name)).status).toBe("SUCCEEDED");
    // Every send was already claimed by the first run: the re-run sends nothing twice.
    expect(await emailsTo(stack.inboxUrl, email)).toHaveLength(3);
  });
});
