import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export type ExecutionStatus = "RUNNING" | "SUCCEEDED" | "FAILED" | "ABORTED" | "TIMED_OUT";

/** One execution as the service keeps it (times in epoch milliseconds). */
export type ExecutionRecord = {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
};

/**
 * The executions kept in one JSON file, so a restarted service knows what ran and resumes
 * what was running (aws-local-stepfunctions keeps nothing on disk). Each save replaces the
 * file whole through a rename, so a crash mid-write leaves the previous file.
 */
export function executionFile(path: string) {
  return {
    load(): ExecutionRecord[] {
      if (!existsSync(path)) return [];
      return JSON.parse(readFileSync(path, "utf8")) as ExecutionRecord[];
    },
    save(records: Iterable<ExecutionRecord>): void {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.tmp`;
      writeFileSync(tmp, JSON.stringify([...records], null, 1));
      renameSync(tmp, path);
    },
  };
}
