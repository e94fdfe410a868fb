import validateAsl from "asl-validator";
import { describe, expect, it } from "vitest";
import { extractDefinition } from "./synth";
import { actions, LAMBDA_SERVICE_ERRORS, type State, testStageTemplates } from "./template";

const { synth, all, functionNamed, statementsOf, roleStatements } = testStageTemplates();

describe("workflow", () => {
  type Machine = { States: Record<string, State>; StartAt: string };
  const definition = (machine = "DebriefWorkflow") =>
    extractDefinition(synth().template("Workflow"), machine) as unknown as Machine;
  const both = () => [definition(), definition("CheckinWorkflow")];

  it("has two Standard machines, traced, logging every event but no execution data", () => {
    const machines = all("AWS::StepFunctions::StateMachine");
    expect(machines).toHaveLength(2);
    for (const machine of machines) {
      expect(machine.Properties).toMatchObject({
        StateMachineType: "STANDARD",
        TracingConfiguration: { Enabled: true },
        LoggingConfiguration: { Level: "ALL", IncludeExecutionData: false },
      });
    }
  });

  it("passes asl-validator", () => {
    for (const d of both()) {
      const result = validateAsl(structuredClone(d), { checkPaths: true, checkArn: true });
      expect(result.errors).toEqual([]);
      expect(result.isValid).toBe(true);
    }
  });

  it("times out as a whole after 30 days", () => {
    for (const d of both()) expect((d as { TimeoutSeconds?: number }).TimeoutSeconds).toBe(30 * 86_400);
  });

  /** The states an execution enters when every task succeeds: each is one billed transition. */
  const successPath = (d: Machine) => {
    const path: string[] = [];
    for (let at: string | undefined = d.StartAt; at && path.length < 20; ) {
      path.push(at);
      const state: State | undefined = d.States[at];
      at = state?.End ? undefined : state?.Next;
    }
    return path;
  };

  it("makes five state transitions per debrief, and the check-ins four more only for the debriefs that have them", () => {
    expect(successPath(definition())).toEqual(["SendLetter", "WaitForNudge", "SendNudge", "WaitForTips", "SendTips"]);
    expect(definition().States.SendTips?.End).toBe(true);
    expect(Object.values(definition().States).filter((s) => s.Type === "Choice")).toEqual([]);
    expect(successPath(definition("CheckinWorkflow"))).toEqual([
      "WaitForCheckin7",
      "SendCheckin7",
      "WaitForCheckin14",
      "SendCheckin14",
    ]);
  });

  it("lets the send step start check-in executions of the check-in machine only", () => {
    const starting = statementsOf(all("AWS::IAM::Policy")).filter((s) => actions(s).includes("states:StartExecution"));
    const sendStep = roleStatements("SendEmail").filter((s) => actions(s).includes("states:StartExecution"));
    expect(sendStep).toHaveLength(1);
    expect(starting).toContainEqual(sendStep[0]);
    expect(JSON.stringify(sendStep[0]?.Resource)).toContain("CheckinWorkflow");
    const env = (functionNamed("SendEmail").Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(JSON.stringify(env.CHECKIN_STATE_MACHINE_ARN)).toContain("CheckinWorkflow");
    const [, checkin] = all("AWS::StepFunctions::StateMachine");
    expect(JSON.stringify(env.CHECKIN_STATE_MACHINE_ARN)).toContain(String(checkin?.Properties.StateMachineName));
  });

  it("gives every task a timeout, the recommended Lambda retry with jittered backoff, and a catch that ends in Fail", () => {
    const tasks = both().flatMap((d) =>
      Object.entries(d.States)
        .filter(([, s]) => s.Type === "Task")
        .map(([name, task]) => ({ name, task, states: d.States })),
    );
    expect(tasks.map(({ name }) => name).sort()).toEqual([
      "RecordFailure",
      "RecordFailure",
      "SendCheckin14",
      "SendCheckin7",
      "SendLetter",
      "SendNudge",
      "SendTips",
    ]);
    for (const { name, task, states } of tasks) {
      expect(task.TimeoutSeconds, name).toBeGreaterThan(0);
      const serviceRetry = task.Retry?.find((r) => LAMBDA_SERVICE_ERRORS.every((e) => r.ErrorEquals.includes(e)));
      expect(serviceRetry, name).toMatchObject({ JitterStrategy: "FULL" });
      expect(serviceRetry?.BackoffRate, name).toBeGreaterThan(1);
      expect(serviceRetry?.MaxAttempts, name).toBeGreaterThan(1);
      const caught = task.Catch?.find((c) => c.ErrorEquals.includes("States.ALL"));
      expect(caught, name).toBeDefined();
      // Follow the catch path: it must record the failure (unless it is the recording) and end in Fail.
      const path: string[] = [];
      for (let at: string | undefined = caught?.Next; at; ) {
        path.push(at);
        const state: State | undefined = states[at];
        if (!state || state.Type === "Fail" || path.length > 10) break;
        at = state.End ? undefined : state.Next;
      }
      expect(states[path.at(-1) ?? ""]?.Type, name).toBe("Fail");
      if (name !== "RecordFailure") expect(path, name).toContain("RecordFailure");
    }
  });

  it("gives the send steps ids only, never personal data", () => {
    const states = Object.assign({}, ...both().map((d) => d.States)) as Record<string, State>;
    for (const name of ["SendLetter", "SendNudge", "SendTips", "SendCheckin7", "SendCheckin14"]) {
      expect(Object.keys(states[name]?.Parameters ?? {}).sort()).toEqual(["debriefId.$", "kind"]);
    }
  });
});
