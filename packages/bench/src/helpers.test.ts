import { describe, expect, it } from "vitest";
import { costPer1000, type Definition, floorPer1000, itemSizeBytes, readUnits, successPath, writeUnits } from "./cost";
import { sequentialRoundTrips } from "./requests";
import { percentile, ratio, summarize } from "./stats";

describe("percentiles", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose

  it("takes the nearest rank, never an interpolated value", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([10, 20], 95)).toBe(20);
    expect(percentile([7], 99)).toBe(7);
  });

  it("refuses no samples and percentiles outside 0-100", () => {
    expect(() => percentile([], 50)).toThrow();
    expect(() => percentile([1], 101)).toThrow();
  });

  it("summarizes count, percentiles, max and mean", () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ n: 4, p50: 2, p95: 4, p99: 4, max: 4, mean: 2.5 });
    expect(ratio(80, 100)).toBe(0.8);
    expect(ratio(1, 0)).toBeNaN();
  });
});

describe("cost arithmetic", () => {
  const definition: Definition = {
    StartAt: "Send",
    States: {
      Send: { Type: "Task", Resource: "arn:fn", Parameters: { kind: "letter" }, Next: "Wait" },
      Wait: { Type: "Wait", Next: "More?" },
      "More?": {
        Type: "Choice",
        Choices: [{ Variable: "$.checkinAt", IsPresent: true, Next: "Checkin" }],
        Default: "Done",
      },
      Checkin: { Type: "Task", Resource: "arn:fn", Parameters: { kind: "checkin7" }, Next: "Done" },
      Done: { Type: "Succeed" },
      Failed: { Type: "Fail" },
    },
  };

  it("counts the states entered along the success path, taking choices on the input", () => {
    expect(successPath(definition, {}).map((s) => s.state)).toEqual(["Send", "Wait", "More?", "Done"]);
    const withCheckin = successPath(definition, { checkinAt: "2026-01-01T00:00:00Z" });
    expect(withCheckin.map((s) => s.state)).toEqual(["Send", "Wait", "More?", "Checkin", "Done"]);
    expect(withCheckin.filter((s) => s.kind).map((s) => s.kind)).toEqual(["letter", "checkin7"]);
  });

  it("sizes items by DynamoDB's rules and rounds request units up", () => {
    expect(itemSizeBytes({ pk: "ab" })).toBe(4);
    expect(itemSizeBytes({ n: 123 })).toBe(4);
    expect(itemSizeBytes({ m: { a: "x" } })).toBe(7);
    expect(itemSizeBytes({ l: ["ab", true] })).toBe(9);
    expect(itemSizeBytes({ é: "é" })).toBe(4);
    expect([writeUnits(0), writeUnits(1024), writeUnits(1025), writeUnits(3000)]).toEqual([1, 1, 2, 3]);
    expect([readUnits(4096), readUnits(4097)]).toEqual([1, 2]);
  });

  it("prices 1,000 debriefs line by line, billing Lambda per started millisecond", () => {
    const { lines, total } = costPer1000({
      transitions: 6,
      invocations: Array.from({ length: 4 }, () => ({ name: "fn", durationMs: 99.2, memoryMb: 512 })),
      dynamoWriteUnits: 20,
      dynamoReadUnits: 6,
      emails: 3,
      httpApiRequests: 1,
      logBytes: 0,
    });
    const usd = Object.fromEntries(lines.map((l) => [l.item, l.usdPer1000]));
    expect(usd["Step Functions state transitions"]).toBeCloseTo(0.15, 10);
    expect(usd["SES emails"]).toBeCloseTo(0.3, 10);
    expect(usd["Lambda requests"]).toBeCloseTo(0.0008, 10);
    // 4 invocations x 0.5 GB x 0.100 s = 0.2 GB-s
    expect(usd["Lambda duration (GB-s, arm64)"]).toBeCloseTo(0.2 * 0.0000133334 * 1000, 10);
    expect(usd["DynamoDB write request units"]).toBeCloseTo(0.0125, 10);
    expect(usd["DynamoDB read request units"]).toBeCloseTo(0.00075, 10);
    expect(usd["API Gateway HTTP API requests"]).toBeCloseTo(0.001, 10);
    expect(total).toBeCloseTo(0.15 + 0.3 + 0.0008 + 0.00266668 + 0.0125 + 0.00075 + 0.001, 8);
    expect(floorPer1000(3)).toBeCloseTo(0.3, 10);
  });
});

describe("sequential round trips", () => {
  const req = (start: number, end: number) =>
    ({ source: "workflow", service: "dynamodb", operation: "GetItem", body: "", start, end }) as const;

  it("counts requests sent together once, and requests one after another each", () => {
    expect(sequentialRoundTrips([])).toBe(0);
    expect(sequentialRoundTrips([req(0, 5), req(6, 9), req(10, 12)])).toBe(3);
    // Two GetItems under one Promise.all, then the claim.
    expect(sequentialRoundTrips([req(0, 5), req(1, 4), req(6, 8)])).toBe(2);
  });
});
