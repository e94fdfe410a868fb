import "./polyfill";
import type { ExecutionRecord } from "./persistence";
import { type Definition, retryOverrides, scaleFactor, waitOverrides } from "./timing";

/** A Lambda handler as the workflow calls it: JSON in, JSON out. */
export type TaskHandler = (input: unknown) => Promise<unknown>;

export type MachineSpec = { stateMachineArn: string; definition: Definition };

export type RunnerOptions = {
  machines: MachineSpec[];
  /** Lambda function name (the last part of a Task's Resource ARN) → its handler. */
  handlers: Record<string, TaskHandler>;
  localDaySeconds: number;
  now: () => number;
  /** Called when an execution has finished and its record says how (not while closing). */
  onSettled: (record: ExecutionRecord) => void;
};

export type Runner = Awaited<ReturnType<typeof createRunner>>;

/**
 * Runs executions of the served state machines with aws-local-stepfunctions: each Task
 * through its local handler, waits and retries on the local day, and the record updated
 * with how the run ended. A run always starts at the machine's first state (the library
 * cannot start mid-machine), which is safe because sends are claimed and waits are absolute.
 */
export async function createRunner(opts: RunnerOptions) {
  const { StateMachine } = await import("aws-local-stepfunctions");
  const running = new Map<string, { abort: () => void }>();
  let closing = false;
  let settled: Promise<unknown>[] = [];
  const inFlight = new Set<Promise<unknown>>();

  const taskHandlersOf = (definition: Definition) =>
    Object.fromEntries(
      Object.entries(definition.States)
        .filter(([, s]) => s.Type === "Task")
        .map(([stateName, s]) => {
          const resource = s.Resource ?? "";
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
    opts.machines.map(({ stateMachineArn, definition }) => [
      stateMachineArn,
      {
        definition,
        machine: new StateMachine(scaledMachineTimeout(definition, opts.localDaySeconds) as never, {
          validationOptions: { checkArn: false },
        }),
        taskHandlers: taskHandlersOf(definition),
      },
    ]),
  );

  return {
    /** The definition of a served state machine; undefined for any other ARN. */
    definitionOf(stateMachineArn: string): Definition | undefined {
      return machines.get(stateMachineArn)?.definition;
    },

    /** Runs a RUNNING record's execution from its start, updating the record when it ends. */
    run(record: ExecutionRecord): void {
      const served = machines.get(record.stateMachineArn);
      if (!served) throw new Error(`No state machine ${record.stateMachineArn}`);
      const { machine, definition, taskHandlers } = served;
      const input = JSON.parse(record.input) as unknown;
      const now = opts.now();
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
          waitTimeOverrides: waitOverrides(definition, input, record.startDate, now, opts.localDaySeconds),
          retryIntervalOverrides: retryOverrides(definition, opts.localDaySeconds),
        },
      });
      running.set(record.executionArn, execution);
      const done = execution.result
        .then(
          (output: unknown) => {
            if (closing || record.status !== "RUNNING") return;
            Object.assign(record, {
              status: "SUCCEEDED",
              stopDate: opts.now(),
              output: JSON.stringify(output ?? null),
            });
          },
          (error: unknown) => {
            if (closing || record.status !== "RUNNING") return;
            const e = error as { name?: string; message?: string };
            const timedOut = e.name === "States.Timeout" || e.name === "ExecutionTimeoutError";
            Object.assign(record, {
              status: timedOut ? "TIMED_OUT" : "FAILED",
              stopDate: opts.now(),
              error: e.name ?? "Error",
              cause: e.message ?? "",
            });
          },
        )
        .finally(() => {
          running.delete(record.executionArn);
          if (!closing) opts.onSettled(record);
        });
      settled.push(done);
    },

    /** Aborts a running execution (its record is the caller's to mark). */
    abort(executionArn: string): void {
      running.get(executionArn)?.abort();
    },

    /** Waits until every execution started so far has finished. */
    async idle(): Promise<void> {
      while (settled.length) {
        const batch = settled;
        settled = [];
        await Promise.allSettled(batch);
      }
    },

    /** Drops every running execution without marking its record, so the next start resumes it. */
    abortAll(): void {
      closing = true;
      for (const execution of running.values()) execution.abort();
    },

    /** Waits for the dropped runs and for any task still in flight. */
    async drained(): Promise<void> {
      await Promise.allSettled([...settled, ...inFlight]);
    },
  };
}

/** The whole-machine timeout runs on the local clock too (30 real days would also overflow a timer). */
function scaledMachineTimeout(def: Definition, localDaySeconds: number): Definition {
  const seconds = def.TimeoutSeconds;
  if (seconds === undefined) return def;
  return { ...def, TimeoutSeconds: Math.max(1, Math.ceil(seconds * scaleFactor(localDaySeconds))) };
}
