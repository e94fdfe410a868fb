import { describe, expect, it } from "vitest";
import type { ExecutionRecord } from "./persistence";
import { SfnError, sfnOperations } from "./protocol";
import type { Definition } from "./timing";

const MACHINE = "arn:aws:states:eu-west-1:000000000000:stateMachine:debrief";
const DEFINITION: Definition = { StartAt: "A", States: { A: { Type: "Pass", End: true } } };

/** The protocol over a runner that only records what it was asked to do. */
function setup() {
  const executions = new Map<string, ExecutionRecord>();
  const ran: string[] = [];
  const aborted: string[] = [];
  let saves = 0;
  let clock = 1_764_000_000_000;
  const ops = sfnOperations({
    executions,
    runner: {
      definitionOf: (arn) => (arn === MACHINE ? DEFINITION : undefined),
      run: (r) => void ran.push(r.name),
      abort: (arn) => void aborted.push(arn),
    },
    save: () => void saves++,
    now: () => clock,
  });
  const call = (op: string, body: Record<string, unknown>) => ops[op]?.(body) as Record<string, unknown>;
  return { call, ran, aborted, executions, saves: () => saves, tick: (ms: number) => (clock += ms) };
}
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof SfnError ? e.type : "not an SfnError";
  }
  return "accepted";
};

describe("the Step Functions protocol", () => {
  it("starts an execution once per name: the same input while running is the same execution, another is refused", () => {
    const { call, ran, saves } = setup();
    const started = call("StartExecution", { stateMachineArn: MACHINE, name: "d1", input: '{"a":1}' });
    expect(started).toEqual({
      executionArn: `${MACHINE.replace(":stateMachine:", ":execution:")}:d1`,
      startDate: 1_764_000_000,
    });
    expect(call("StartExecution", { stateMachineArn: MACHINE, name: "d1", input: '{"a":1}' })).toEqual(started);
    expect(refusal(() => call("StartExecution", { stateMachineArn: MACHINE, name: "d1", input: '{"a":2}' }))).toBe(
      "ExecutionAlreadyExists",
    );
    expect(ran).toEqual(["d1"]);
    expect(saves()).toBe(1);
  });

  it("refuses an unknown state machine, a name AWS refuses and input that is not JSON", () => {
    const { call, ran } = setup();
    expect(refusal(() => call("StartExecution", { stateMachineArn: `${MACHINE}x`, name: "d1" }))).toBe(
      "StateMachineDoesNotExist",
    );
    expect(refusal(() => call("StartExecution", { stateMachineArn: MACHINE, name: "a b" }))).toBe("InvalidName");
    expect(refusal(() => call("StartExecution", { stateMachineArn: MACHINE, name: "d1", input: "{" }))).toBe(
      "InvalidExecutionInput",
    );
    expect(ran).toEqual([]);
  });

  it("stops a running execution once, and describes and lists executions in epoch seconds", () => {
    const { call, aborted, tick } = setup();
    const { executionArn } = call("StartExecution", { stateMachineArn: MACHINE, name: "d1" });
    tick(5000);
    expect(call("StopExecution", { executionArn, cause: "rescheduled" })).toEqual({ stopDate: 1_764_000_005 });
    tick(5000);
    expect(call("StopExecution", { executionArn })).toEqual({ stopDate: 1_764_000_005 });
    expect(aborted).toEqual([executionArn]);
    expect(call("DescribeExecution", { executionArn })).toMatchObject({
      status: "ABORTED",
      cause: "rescheduled",
      startDate: 1_764_000_000,
      stopDate: 1_764_000_005,
    });
    expect(call("ListExecutions", { stateMachineArn: MACHINE, statusFilter: "RUNNING" })).toEqual({ executions: [] });
    expect(call("ListExecutions", { statusFilter: "ABORTED" }).executions).toHaveLength(1);
    expect(refusal(() => call("DescribeExecution", { executionArn: `${executionArn}x` }))).toBe(
      "ExecutionDoesNotExist",
    );
  });

  it("describes a served state machine with its definition", () => {
    const { call } = setup();
    expect(call("DescribeStateMachine", { stateMachineArn: MACHINE })).toMatchObject({
      name: "debrief",
      type: "STANDARD",
      definition: JSON.stringify(DEFINITION),
    });
  });
});
