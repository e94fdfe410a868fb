import "./polyfill";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { dirname } from "node:path";
import { close, listen } from "../net";
import { type Definition, retryOverrides, scaleFactor, waitOverrides } from "./timing";

type Status = "RUNNING" | "SUCCEEDED" | "FAILED" | "ABORTED" | "TIMED_OUT";

export type ExecutionRecord = {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: Status;
  startDate: number;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
};

/** A Lambda handler as the workflow calls it: JSON in, JSON out. */
export type TaskHandler = (input: unknown) => Promise<unknown>;

export type LocalStepFunctionsOptions = {
  definition: Definition;
  stateMachineArn: string;
  /** Lambda function name (the last part of a Task's Resource ARN) → its handler. */
  handlers: Record<string, TaskHandler>;
  /** Where executions are kept, so a restart resumes those still running. */
  dataFile: string;
  localDaySeconds: number;
  now?: () => number;
  /** More state machines served beside the first (the check-in workflow), with the same handlers. */
  also?: { stateMachineArn: string; definition: Definition }[];
};

class SfnError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const EXECUTION_NAME = /^[A-Za-z0-9_-]{1,80}$/;

/**
 * A Step Functions service on loopback: the SFN JSON protocol (StartExecution,
 * DescribeExecution, StopExecution, ListExecutions, DescribeStateMachine) over
 * aws-local-stepfunctions, so `@aws-sdk/client-sfn` works unchanged. The library
 * keeps nothing on disk and cannot start mid-machine: executions are recorded in
 * `dataFile`, and those still running at start are run again from the beginning,
 * which is safe because sends are claimed and waits are absolute.
 */
export async function startLocalStepFunctions(opts: LocalStepFunctionsOptions, port: number) {
  const { StateMachine } = await import("aws-local-stepfunctions");
  const now = opts.now ?? Date.now;
  const executions = new Map<string, ExecutionRecord>(load(opts.dataFile).map((e) => [e.executionArn, e]));
  const running = new Map<string, { abort: () => void }>();
  let closing = false;
  let settled: Promise<unknown>[] = [];
  const inFlight = new Set<Promise<unknown>>();

  const taskHandlersOf = (definition: Definition) =>
    Object.fromEntries(
      Object.entries(definition.States)
        .filter(([, s]) => (s as { Type: string }).Type === "Task")
        .map(([stateName, s]) => {
          const resource = String((s as { Resource?: string }).Resource ?? "");
          const fnName = resource.split(":").pop() ?? "";
          const handler = opts.handlers[fnName];
          if (!handler) throw new Error(`No local handler for ${fnName} (state ${stateName})`);
          return [
            stateName,
            (input: unknown) => {
              // Tracked so that close() lets a task in flight finish before the emulators go away.
              const task = handler(input);
              inFlight.add(task);
              void task.finally(() => inFlight.delete(task)).catch(() => undefined);
              return task as Promise<never>;
            },
          ];
        }),
    );
  const machines = new Map(
    [{ stateMachineArn: opts.stateMachineArn, definition: opts.definition }, ...(opts.also ?? [])].map(
      ({ stateMachineArn, definition }) => [
        stateMachineArn,
        {
          definition,
          machine: new StateMachine(scaledMachineTimeout(definition, opts.localDaySeconds) as never, {
            validationOptions: { checkArn: false },
          }),
          taskHandlers: taskHandlersOf(definition),
        },
      ],
    ),
  );
  const machineOf = (arn: unknown) => {
    const m = machines.get(String(arn));
    if (!m) throw new SfnError("StateMachineDoesNotExist", "State Machine Does Not Exist");
    return m;
  };

  const persist = () => {
    mkdirSync(dirname(opts.dataFile), { recursive: true });
    const tmp = `${opts.dataFile}.tmp`;
    writeFileSync(tmp, JSON.stringify([...executions.values()], null, 1));
    renameSync(tmp, opts.dataFile);
  };

  const run = (record: ExecutionRecord) => {
    const input = JSON.parse(record.input) as unknown;
    const { machine, definition, taskHandlers } = machineOf(record.stateMachineArn);
    const execution = machine.run(input as never, {
      noThrowOnAbort: true,
      context: {
        Execution: {
          Id: record.executionArn,
          Name: record.name,
          Input: input as never,
          StartTime: new Date(record.startDate).toISOString(),
        },
      },
      overrides: {
        taskResourceLocalHandlers: taskHandlers,
        waitTimeOverrides: waitOverrides(definition, input, record.startDate, now(), opts.localDaySeconds),
        retryIntervalOverrides: retryOverrides(definition, opts.localDaySeconds),
      },
    });
    running.set(record.executionArn, execution);
    const done = execution.result
      .then(
        (output: unknown) => {
          if (closing || record.status !== "RUNNING") return;
          Object.assign(record, { status: "SUCCEEDED", stopDate: now(), output: JSON.stringify(output ?? null) });
        },
        (error: unknown) => {
          if (closing || record.status !== "RUNNING") return;
          const e = error as { name?: string; message?: string };
          const timedOut = e.name === "States.Timeout" || e.name === "ExecutionTimeoutError";
          Object.assign(record, {
            status: timedOut ? "TIMED_OUT" : "FAILED",
            stopDate: now(),
            error: e.name ?? "Error",
            cause: e.message ?? "",
          });
        },
      )
      .finally(() => {
        running.delete(record.executionArn);
        if (!closing) persist();
      });
    settled.push(done);
  };

  const actions: Record<string, (body: Record<string, unknown>) => unknown> = {
    StartExecution(body) {
      machineOf(body.stateMachineArn);
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
      persist();
      run(record);
      return { executionArn, startDate: record.startDate / 1000 };
    },
    DescribeExecution(body) {
      const record = executions.get(String(body.executionArn));
      if (!record) throw new SfnError("ExecutionDoesNotExist", "Execution Does Not Exist");
      return {
        ...record,
        startDate: record.startDate / 1000,
        stopDate: record.stopDate === undefined ? undefined : record.stopDate / 1000,
      };
    },
    StopExecution(body) {
      const record = executions.get(String(body.executionArn));
      if (!record) throw new SfnError("ExecutionDoesNotExist", "Execution Does Not Exist");
      if (record.status === "RUNNING") {
        Object.assign(record, { status: "ABORTED", stopDate: now(), error: body.error, cause: body.cause });
        running.get(record.executionArn)?.abort();
        persist();
      }
      return { stopDate: (record.stopDate ?? now()) / 1000 };
    },
    ListExecutions(body) {
      const filter = body.statusFilter as Status | undefined;
      const list = [...executions.values()]
        .filter((e) => !filter || e.status === filter)
        .filter((e) => !body.stateMachineArn || e.stateMachineArn === body.stateMachineArn)
        .map(({ executionArn, stateMachineArn, name, status, startDate, stopDate }) => ({
          executionArn,
          stateMachineArn,
          name,
          status,
          startDate: startDate / 1000,
          stopDate: stopDate === undefined ? undefined : stopDate / 1000,
        }));
      return { executions: list };
    },
    DescribeStateMachine(body) {
      const { definition } = machineOf(body.stateMachineArn);
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

  const server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/x-amz-json-1.0" });
      res.end(JSON.stringify(body));
    };
    try {
      const target = String(req.headers["x-amz-target"] ?? "");
      const action = actions[target.replace(/^AWSStepFunctions\./, "")];
      if (req.method !== "POST" || !action)
        throw new SfnError("UnknownOperationException", `Unknown operation ${target}`);
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
      reply(200, action(body));
    } catch (error) {
      if (error instanceof SfnError) return reply(error.status, { __type: error.type, message: error.message });
      reply(500, { __type: "InternalFailure", message: error instanceof Error ? error.message : "Internal failure" });
    }
  }

  // Resume what was running when the service last stopped.
  for (const record of executions.values()) if (record.status === "RUNNING") run(record);

  const actualPort = await listen(server, port);
  return {
    port: actualPort,
    endpoint: `http://127.0.0.1:${actualPort}`,
    stateMachineArn: opts.stateMachineArn,
    executions: () => [...executions.values()],
    /** Waits until every execution started so far has finished (tests). */
    async idle() {
      while (settled.length) {
        const batch = settled;
        settled = [];
        await Promise.allSettled(batch);
      }
    },
    /** Stops serving and drops running executions without marking them: the next start resumes them. */
    async close() {
      closing = true;
      for (const execution of running.values()) execution.abort();
      await close(server);
      await Promise.allSettled([...settled, ...inFlight]);
    },
  };
}

/** The whole-machine timeout runs on the local clock too (30 real days would also overflow a timer). */
function scaledMachineTimeout(def: Definition, localDaySeconds: number): Definition {
  const seconds = (def as { TimeoutSeconds?: number }).TimeoutSeconds;
  if (seconds === undefined) return def;
  return { ...def, TimeoutSeconds: Math.max(1, Math.ceil(seconds * scaleFactor(localDaySeconds))) } as Definition;
}

function load(file: string): ExecutionRecord[] {
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, "utf8")) as ExecutionRecord[];
}
