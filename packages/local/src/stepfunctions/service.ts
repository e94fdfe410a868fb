import { executionFile } from "./persistence";
import { sfnOperations } from "./protocol";
import { createRunner, type TaskHandler } from "./runner";
import { serveSfnProtocol } from "./server";
import type { Definition } from "./timing";

export type { ExecutionRecord } from "./persistence";
export type { TaskHandler } from "./runner";

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

/**
 * A Step Functions service on loopback: the SFN JSON protocol (protocol.ts) served over HTTP
 * (server.ts), executions run by aws-local-stepfunctions (runner.ts) and kept in `dataFile`
 * (persistence.ts); those still running when the service last stopped are run again from the
 * beginning, which is safe because sends are claimed and waits are absolute.
 */
export async function startLocalStepFunctions(opts: LocalStepFunctionsOptions, port: number) {
  const now = opts.now ?? Date.now;
  const file = executionFile(opts.dataFile);
  const executions = new Map(file.load().map((e) => [e.executionArn, e]));
  const save = () => file.save(executions.values());
  const runner = await createRunner({
    machines: [{ stateMachineArn: opts.stateMachineArn, definition: opts.definition }, ...(opts.also ?? [])],
    handlers: opts.handlers,
    localDaySeconds: opts.localDaySeconds,
    now,
    onSettled: save,
  });

  // Resume what was running when the service last stopped.
  for (const record of executions.values()) if (record.status === "RUNNING") runner.run(record);

  const server = await serveSfnProtocol(sfnOperations({ executions, runner, save, now }), port);
  return {
    port: server.port,
    endpoint: `http://127.0.0.1:${server.port}`,
    stateMachineArn: opts.stateMachineArn,
    executions: () => [...executions.values()],
    /** Waits until every execution started so far has finished (tests). */
    idle: () => runner.idle(),
    /** Stops serving and drops running executions without marking them: the next start resumes them. */
    async close() {
      runner.abortAll();
      await server.close();
      await runner.drained();
    },
  };
}
