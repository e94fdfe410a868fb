import { readStepInput } from "./step-input";
import { runtime, type Wiring } from "./wiring";

/**
 * The workflow's RecordFailure task (the catch path): records which step failed on
 * the debrief, without its data. Its own entry, apart from the send step, so that
 * its bundle carries no email rendering for one UpdateItem.
 */
export function recordFailureStep(w: Wiring) {
  return async (input: unknown) => {
    const { debriefId } = readStepInput(input);
    const error = (input as { error?: { Error?: unknown } }).error?.Error;
    const step = (input as { failedStep?: unknown }).failedStep;
    const failure = {
      at: w.clock.now().toISOString(),
      step: typeof step === "string" ? step : "unknown",
      error: typeof error === "string" ? error.slice(0, 200) : "Unknown",
    };
    await w.store.recordFailure(debriefId, failure);
    w.log.error("workflow step failed", { debriefId, step: failure.step, error: failure.error });
    return { debriefId, recorded: true };
  };
}

/** Lambda handler of the RecordFailure task. */
export const recordFailure = async (input: unknown) => recordFailureStep(runtime())(input);
