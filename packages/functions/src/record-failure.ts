import { runtime } from "./runtime";
import { readStepInput } from "./step-input";

/**
 * Lambda handler of the workflow's RecordFailure task (the catch path): records
 * which step failed on the debrief, without its data. Its own entry, apart from
 * the send step, so that its bundle carries no email rendering for one UpdateItem.
 */
export async function recordFailure(input: unknown) {
  const { debriefId } = readStepInput(input);
  const rt = runtime();
  const error = (input as { error?: { Error?: unknown } }).error?.Error;
  const step = (input as { failedStep?: unknown }).failedStep;
  const failure = {
    at: rt.clock.now().toISOString(),
    step: typeof step === "string" ? step : "unknown",
    error: typeof error === "string" ? error.slice(0, 200) : "Unknown",
  };
  await rt.store.recordFailure(debriefId, failure);
  rt.log.error("workflow step failed", { debriefId, step: failure.step, error: failure.error });
  return { debriefId, recorded: true };
}
