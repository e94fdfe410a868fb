import { CHECKIN_KINDS, EMAIL_KINDS, type SendKind, sendDebriefEmail } from "@debrief/core";
import { renderEmail } from "@debrief/emails";
import { runtime } from "./runtime";

/**
 * Input of the send step: `{ debriefId, kind }`. Executions started by an older
 * release may carry more fields; only these two are read.
 */
export type SendStepInput = { debriefId: string; kind: SendKind };

function readInput(input: unknown): { debriefId: string; kind?: unknown } {
  const id = (input as { debriefId?: unknown } | null)?.debriefId;
  if (typeof id !== "string" || id.length === 0) throw new InvalidStepInputError("Step input has no debriefId");
  return { debriefId: id, kind: (input as { kind?: unknown }).kind };
}

export class InvalidStepInputError extends Error {
  override name = "InvalidStepInputError";
}

/** Lambda handler of the SendLetter, SendNudge, SendTips, SendCheckin7 and SendCheckin14 tasks. */
export async function sendEmail(input: unknown) {
  const { debriefId, kind } = readInput(input);
  if (![...EMAIL_KINDS, ...CHECKIN_KINDS].includes(kind as SendKind)) {
    throw new InvalidStepInputError(`Unknown email kind`);
  }
  const rt = runtime();
  const outcome = await sendDebriefEmail(kind as SendKind, debriefId, {
    store: rt.store,
    mailer: rt.mailer,
    render: renderEmail,
    clock: rt.clock,
    publicUrl: rt.config.publicUrl,
    checkins: rt.checkins,
  });
  rt.log.info("send step finished", { debriefId, kind, status: outcome.status });
  return { kind, status: outcome.status };
}

/** The workflow's catch path: records which step failed on the debrief, without its data. */
export async function recordFailure(input: unknown) {
  const { debriefId } = readInput(input);
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
