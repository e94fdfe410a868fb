/**
 * What every workflow task reads of its input: the debrief id (executions started
 * by an older release may carry more fields). Imports nothing, so that each step's
 * bundle carries only what that step needs.
 */
export function readStepInput(input: unknown): { debriefId: string; kind?: unknown } {
  const id = (input as { debriefId?: unknown } | null)?.debriefId;
  if (typeof id !== "string" || id.length === 0) throw new InvalidStepInputError("Step input has no debriefId");
  return { debriefId: id, kind: (input as { kind?: unknown }).kind };
}

/** A task input no retry can fix; the workflow's Retry skips it (PERMANENT_ERRORS) and goes to the catch. */
export class InvalidStepInputError extends Error {
  override name = "InvalidStepInputError";
}
