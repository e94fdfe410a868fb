import { CHECKIN_KINDS, EMAIL_KINDS, type SendKind, sendDebriefEmail } from "@debrief/core";
import { loadBoundSecrets } from "./bound-secrets";
import { sendDepsOf } from "./send-deps";
import { InvalidStepInputError, readStepInput } from "./step-input";
import { runtime, type Wiring } from "./wiring";

/**
 * The SendLetter, SendNudge, SendTips, SendCheckin7 and SendCheckin14 tasks, over a
 * wiring. Input: `{ debriefId, kind }`; executions started by an older release may carry
 * more fields, and only these two are read.
 */
export function sendEmailStep(w: Wiring) {
  return async (input: unknown) => {
    const { debriefId, kind } = readStepInput(input);
    if (![...EMAIL_KINDS, ...CHECKIN_KINDS].includes(kind as SendKind)) {
      throw new InvalidStepInputError(`Unknown email kind`);
    }
    const outcome = await sendDebriefEmail(kind as SendKind, debriefId, sendDepsOf(w));
    w.log.info("send step finished", { debriefId, kind, status: outcome.status });
    return { kind, status: outcome.status };
  };
}

// The digest key (a bound SST secret) from SSM at the cold start.
await loadBoundSecrets();

/** Lambda handler of the send tasks. */
export const sendEmail = async (input: unknown) => sendEmailStep(runtime())(input);
