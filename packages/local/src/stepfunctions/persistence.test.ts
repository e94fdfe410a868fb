import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type ExecutionRecord, executionFile } from "./persistence";

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), "sfn-file-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const record: ExecutionRecord = {
  executionArn: "arn:aws:states:eu-west-1:000000000000:execution:m:d1",
  stateMachineArn: "arn:aws:states:eu-west-1:000000000000:stateMachine:m",
  name: "d1",
  input: '{"debriefId":"d1"}',
  status: "RUNNING",
  startDate: 1_764_000_000_000,
};

describe("the executions file", () => {
  it("is empty before anything was saved, and gives back what was saved, in its folder made on the way", () => {
    const file = executionFile(join(temp(), "nested", "executions.json"));
    expect(file.load()).toEqual([]);
    file.save([record, { ...record, name: "d2", status: "SUCCEEDED", stopDate: 1 }]);
    expect(file.load().map((r) => [r.name, r.status])).toEqual([
      ["d1", "RUNNING"],
      ["d2", "SUCCEEDED"],
    ]);
  });

  it("is replaced whole on each save, leaving no temporary file", () => {
    const path = join(temp(), "executions.json");
    writeFileSync(path, "[]");
    executionFile(path).save([record]);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual([record]);
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });
});
