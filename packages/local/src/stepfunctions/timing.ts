/**
 * Local time scaling: a day of the workflow lasts `localDaySeconds` seconds.
 * Deadlines are mapped relative to the execution's original start, so they stay
 * put across restarts: a resumed execution waits only for what is left.
 */
export type Definition = { StartAt: string; States: Record<string, StateDef>; TimeoutSeconds?: number };
type StateDef = {
  Type: string;
  /** Task states: the ARN of what they call (locally, the handler of its last part). */
  Resource?: string;
  Next?: string;
  End?: boolean;
  Seconds?: number;
  Timestamp?: string;
  SecondsPath?: string;
  TimestampPath?: string;
  /** Choice states: only `IsPresent` rules are followed when planning waits; others take the Default. */
  Choices?: { Variable?: string; IsPresent?: boolean; Next: string }[];
  Default?: string;
  Retry?: {
    ErrorEquals: string[];
    IntervalSeconds?: number;
    MaxAttempts?: number;
    BackoffRate?: number;
    MaxDelaySeconds?: number;
  }[];
};

export const DAY_MS = 86_400_000;

export function scaleFactor(localDaySeconds: number): number {
  return (localDaySeconds * 1000) / DAY_MS;
}

/** Reads a simple reference path (`$.a.b`) from the execution input. */
function readPath(input: unknown, path: string): unknown {
  if (!/^\$(\.[A-Za-z0-9_]+)*$/.test(path)) throw new Error(`Unsupported path ${path} in a local wait`);
  return path
    .split(".")
    .slice(1)
    .reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), input);
}

/** The branch a Choice takes for this input, as far as wait planning needs (IsPresent rules). */
function choiceNext(state: StateDef, input: unknown): string | undefined {
  for (const rule of state.Choices ?? []) {
    if (
      rule.Variable &&
      rule.IsPresent !== undefined &&
      (readPath(input, rule.Variable) !== undefined) === rule.IsPresent
    ) {
      return rule.Next;
    }
  }
  return state.Default;
}

/**
 * The milliseconds each Wait state should pause in this run, walking the states
 * from the start in order (tasks take ~no time): each wait lasts until its
 * scaled deadline, measured from when the previous wait ends.
 */
export function waitOverrides(
  def: Definition,
  input: unknown,
  startedAt: number,
  now: number,
  localDaySeconds: number,
) {
  const scale = scaleFactor(localDaySeconds);
  const overrides: Record<string, number> = {};
  const seen = new Set<string>();
  let cursor = now;
  let name: string | undefined = def.StartAt;
  while (name && !seen.has(name)) {
    seen.add(name);
    const state: StateDef | undefined = def.States[name];
    if (!state) break;
    if (state.Type === "Wait") {
      let deadline: number;
      if (state.TimestampPath || state.Timestamp) {
        const ts = state.TimestampPath ? readPath(input, state.TimestampPath) : state.Timestamp;
        const target = Date.parse(String(ts));
        if (Number.isNaN(target)) throw new Error(`Wait ${name}: ${String(ts)} is not a timestamp`);
        deadline = startedAt + (target - startedAt) * scale;
      } else {
        const seconds = state.SecondsPath ? Number(readPath(input, state.SecondsPath)) : (state.Seconds ?? 0);
        deadline = cursor + seconds * 1000 * scale;
      }
      overrides[name] = Math.max(0, Math.round(deadline - cursor));
      cursor = Math.max(cursor, deadline);
    }
    name = state.End ? undefined : state.Type === "Choice" ? choiceNext(state, input) : state.Next;
  }
  return overrides;
}

/**
 * Retry intervals scaled like waits (the library takes one fixed interval per
 * retrier), with a floor so retries still happen one after another.
 */
export function retryOverrides(def: Definition, localDaySeconds: number, floorMs = 5) {
  const scale = scaleFactor(localDaySeconds);
  const overrides: Record<string, number[]> = {};
  for (const [name, state] of Object.entries(def.States)) {
    if (!state.Retry) continue;
    overrides[name] = state.Retry.map((r) => Math.max(floorMs, Math.round((r.IntervalSeconds ?? 1) * 1000 * scale)));
  }
  return overrides;
}
