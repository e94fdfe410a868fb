import type { ExecutionRecord, ExecutionStatus } from "./persistence";
import type { Runner } from "./runner";

/** An error the SFN JSON protocol answers with its `__type` (a client error unless said otherwise). */
export class SfnError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const EXECUTION_NAME = /^[A-Za-z0-9_-]{1,80}$/;

/** One operation: the request's JSON body in, the response's out (or an SfnError thrown). */
export type SfnOperations = Record<string, (body: Record<string, unknown>) => unknown>;

export type ProtocolState = {
  /** Every execution by ARN; records are updated in place. */
  executions: Map<string, ExecutionRecord>;
  runner: Pick<Runner, "definitionOf" | "run" | "abort">;
  /** Keeps the executions (after a start or a stop). */
  save: () => void;
  now: () => number;
};

/**
 * The operations of the Step Functions API the product and the tests call, answered as AWS
 * answers them: StartExecution (idempotent for the same name and input while running),
 * DescribeExecution, StopExecution, ListExecutions and DescribeStateMachine. Times in epoch seconds.
 */
export function sfnOperations({ executions, runner, save, now }: ProtocolState): SfnOperations {
  const definitionOf = (arn: unknown) => {
    const definition = runner.definitionOf(String(arn));
    if (!definition) throw new SfnError("StateMachineDoesNotExist", "State Machine Does Not Exist");
    return definition;
  };
  const recordOf = (arn: unknown) => {
    const record = executions.get(String(arn));
    if (!record) throw new SfnError("ExecutionDoesNotExist", "Execution Does Not Exist");
    return record;
  };
  const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

  return {
    StartExecution(body) {
      definitionOf(body.stateMachineArn);
      const stateMachineArn = String(body.stateMachineArn);
      const name = String(body.name ?? crypto.randomUUID());
      if (!EXECUTION_NAME.test(name)) throw new SfnError("InvalidName", `Invalid Name: '${name}'`);
      const input = typeof body.input === "string" ? body.input : "{}";
      try {
        JSON.parse(input);
      } catch {
        throw new SfnError("InvalidExecutionInput", "Invalid execution input");
      }
      const executionArn = `${stateMachineArn.replace(":stateMachine:", ":execution:")}:${name}`;
      const existing = executions.get(executionArn);
      if (existing) {
        // As in AWS: the same name with the same input while running is idempotent, otherwise refused.
        if (existing.status === "RUNNING" && existing.input === input)
          return { executionArn, startDate: existing.startDate / 1000 };
        throw new SfnError("ExecutionAlreadyExists", `Execution Already Exists: '${executionArn}'`);
      }
      const record: ExecutionRecord = {
        executionArn,
        stateMachineArn,
        name,
        input,
        status: "RUNNING",
        startDate: now(),
      };
      executions.set(executionArn, record);
      save();
      runner.run(record);
      return { executionArn, startDate: record.startDate / 1000 };
    },
    DescribeExecution(body) {
      const record = recordOf(body.executionArn);
      return { ...record, startDate: record.startDate / 1000, stopDate: seconds(record.stopDate) };
    },
    StopExecution(body) {
      const record = recordOf(body.executionArn);
      if (record.status === "RUNNING") {
        Object.assign(record, { status: "ABORTED", stopDate: now(), error: body.error, cause: body.cause });
        runner.abort(record.executionArn);
        save();
      }
      return { stopDate: (record.stopDate ?? now()) / 1000 };
    },
    ListExecutions(body) {
      const filter = body.statusFilter as ExecutionStatus | undefined;
      const list = [...executions.values()]
        .filter((e) => !filter || e.status === filter)
        .filter((e) => !body.stateMachineArn || e.stateMachineArn === body.stateMachineArn)
        .map(({ executionArn, stateMachineArn, name, status, startDate, stopDate }) => ({
          executionArn,
          stateMachineArn,
          name,
          status,
          startDate: startDate / 1000,
          stopDate: seconds(stopDate),
        }));
      return { executions: list };
    },
    DescribeStateMachine(body) {
      const definition = definitionOf(body.stateMachineArn);
      return {
        stateMachineArn: body.stateMachineArn,
        name: String(body.stateMachineArn).split(":").pop(),
        status: "ACTIVE",
        definition: JSON.stringify(definition),
        roleArn: "arn:aws:iam::000000000000:role/local",
        type: "STANDARD",
        creationDate: 0,
      };
    },
  };
}
