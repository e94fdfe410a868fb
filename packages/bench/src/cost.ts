/**
 * What a debrief costs on AWS, from counts measured on the local stack and list prices.
 * Pure arithmetic, so it is unit-tested (helpers.test.ts) and the bench only feeds it numbers.
 */

/**
 * AWS public list prices, us-east-1, as published in 2025 (DynamoDB on-demand after its
 * 1 November 2024 price cut). The bench runs offline and cannot fetch the price list:
 * these are the well-known figures, to be checked against aws.amazon.com/pricing.
 */
export const PRICES = {
  listDate: "us-east-1 list prices as published in 2025 (DynamoDB on-demand as cut on 2024-11-01); not fetched",
  /** Lambda, arm64: per GB-second of billed duration (1 ms granularity) and per request. */
  lambdaArmGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  /** Step Functions Standard: per state transition ($0.025 per 1,000). */
  stateTransition: 0.025 / 1000,
  /** DynamoDB on-demand: per write request unit (1 KB) and read request unit (4 KB strongly consistent). */
  dynamoWriteUnit: 0.625 / 1e6,
  dynamoReadUnit: 0.125 / 1e6,
  /** SES outbound email: $0.10 per 1,000. */
  sesEmail: 0.1 / 1000,
  /** API Gateway HTTP API: $1.00 per million requests (first 300 million a month). */
  httpApiRequest: 1 / 1e6,
  /** CloudWatch Logs ingestion, per byte ($0.50 per GB). */
  logIngestByte: 0.5 / 1024 ** 3,
} as const;

export type Prices = typeof PRICES;

// --- Step Functions: the states one execution enters -------------------------------------------

type State = {
  Type: string;
  Next?: string;
  End?: boolean;
  Resource?: string;
  Parameters?: Record<string, unknown>;
  Choices?: ChoiceRule[];
  Default?: string;
};
type ChoiceRule = Record<string, unknown> & { Next?: string };
export type Definition = { StartAt: string; States: Record<string, State> };

export type PathStep = { state: string; type: string; kind?: string };

/**
 * Walks an Amazon States Language definition from `StartAt` along the path an execution
 * with `input` takes when every task succeeds, and returns the states it enters (each
 * entry is one billed transition). Choice rules are evaluated on the input; task
 * results are discarded by this workflow (ResultPath null), so the input stays the same.
 */
export function successPath(def: Definition, input: Record<string, unknown>): PathStep[] {
  const steps: PathStep[] = [];
  let name: string | undefined = def.StartAt;
  while (name) {
    const state: State | undefined = def.States[name];
    if (!state) throw new Error(`State ${name} is not in the definition`);
    if (steps.length > 1000) throw new Error("The success path does not end");
    const kind = state.Type === "Task" ? state.Parameters?.kind : undefined;
    steps.push({ state: name, type: state.Type, ...(typeof kind === "string" ? { kind } : {}) });
    if (state.Type === "Succeed") return steps;
    if (state.Type === "Fail") throw new Error(`The success path reaches Fail state ${name}`);
    if (state.Type === "Parallel" || state.Type === "Map") throw new Error(`${state.Type} states are not supported`);
    if (state.Type === "Choice") {
      const rule: ChoiceRule | undefined = state.Choices?.find((r) => matches(r, input));
      name = rule ? rule.Next : state.Default;
      if (!name) throw new Error(`Choice ${steps.at(-1)?.state} has no matching rule and no Default`);
      continue;
    }
    if (state.End) return steps;
    name = state.Next;
  }
  return steps;
}

function matches(rule: Record<string, unknown>, input: Record<string, unknown>): boolean {
  if (Array.isArray(rule.And)) return rule.And.every((r) => matches(r as Record<string, unknown>, input));
  if (Array.isArray(rule.Or)) return rule.Or.some((r) => matches(r as Record<string, unknown>, input));
  if (rule.Not) return !matches(rule.Not as Record<string, unknown>, input);
  const value = readPath(input, String(rule.Variable ?? ""));
  if ("IsPresent" in rule) return (value !== undefined) === rule.IsPresent;
  if ("IsNull" in rule) return (value === null) === rule.IsNull;
  for (const op of ["StringEquals", "BooleanEquals", "NumericEquals"]) {
    if (op in rule) return value === rule[op];
  }
  throw new Error(`Choice rule ${JSON.stringify(rule)} is not supported by the cost walker`);
}

function readPath(input: Record<string, unknown>, path: string): unknown {
  if (!path.startsWith("$.")) throw new Error(`Unsupported path ${path}`);
  return path
    .slice(2)
    .split(".")
    .reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), input);
}

// --- DynamoDB: item size and request units ----------------------------------------------------

const utf8 = (s: string) => Buffer.byteLength(s, "utf8");

/**
 * Approximate DynamoDB size of an item (plain values, as lib-dynamodb reads them), by the
 * documented rules: attribute names and strings count their UTF-8 bytes, numbers about
 * one byte per two digits plus one, booleans and nulls one byte, lists and maps three
 * bytes plus one per element plus their contents.
 */
export function itemSizeBytes(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueBytes(value), 0);
}

function valueBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === "boolean") return 1;
  if (typeof value === "string") return utf8(value);
  if (typeof value === "number") return Math.ceil(String(Math.abs(value)).replace(/[.-]/g, "").length / 2) + 1;
  if (Array.isArray(value)) return 3 + value.reduce((s: number, v) => s + 1 + valueBytes(v), 0);
  if (typeof value === "object") {
    return 3 + Object.entries(value).reduce((s, [k, v]) => s + 1 + utf8(k) + valueBytes(v), 0);
  }
  throw new Error(`Cannot size a ${typeof value}`);
}

/** Write request units of one write to an item of `bytes` (1 KB each, rounded up; at least 1). */
export const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));
/** Read request units of one strongly consistent read of an item of `bytes` (4 KB each). */
export const readUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 4096));

// --- Cost per 1,000 debriefs ------------------------------------------------------------------

export type Invocation = { name: string; durationMs: number; memoryMb: number };

export type DebriefUsage = {
  /** State transitions one execution makes along its success path. */
  transitions: number;
  /** Lambda invocations per debrief, with their measured durations. */
  invocations: Invocation[];
  dynamoWriteUnits: number;
  dynamoReadUnits: number;
  emails: number;
  httpApiRequests: number;
  /** Estimated log bytes per debrief (Lambda platform lines plus the app's JSON lines). */
  logBytes: number;
};

export type CostLine = { item: string; perDebrief: number; usdPer1000: number };

/** Dollars per 1,000 debriefs, line by line; Lambda duration is billed per started millisecond. */
export function costPer1000(usage: DebriefUsage, prices: Prices = PRICES): { lines: CostLine[]; total: number } {
  const gbSeconds = usage.invocations.reduce(
    (sum, inv) => sum + (inv.memoryMb / 1024) * (Math.ceil(inv.durationMs) / 1000),
    0,
  );
  const raw: [string, number, number][] = [
    ["Step Functions state transitions", usage.transitions, prices.stateTransition],
    ["SES emails", usage.emails, prices.sesEmail],
    ["Lambda requests", usage.invocations.length, prices.lambdaRequest],
    ["Lambda duration (GB-s, arm64)", gbSeconds, prices.lambdaArmGbSecond],
    ["DynamoDB write request units", usage.dynamoWriteUnits, prices.dynamoWriteUnit],
    ["DynamoDB read request units", usage.dynamoReadUnits, prices.dynamoReadUnit],
    ["API Gateway HTTP API requests", usage.httpApiRequests, prices.httpApiRequest],
    ["CloudWatch Logs ingestion (bytes, estimate)", usage.logBytes, prices.logIngestByte],
  ];
  const lines = raw.map(([item, perDebrief, price]) => ({ item, perDebrief, usdPer1000: perDebrief * price * 1000 }));
  return { lines, total: lines.reduce((s, l) => s + l.usdPer1000, 0) };
}

/** The floor: what SES alone charges for the emails of 1,000 debriefs. */
export const floorPer1000 = (emails: number, prices: Prices = PRICES) => emails * prices.sesEmail * 1000;
