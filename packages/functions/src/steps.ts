import { CHECKIN_KINDS, EMAIL_KINDS, type SendKind, sendDebriefEmail } from "@debrief/core";
import { renderEmail } from "@debrief/emails";
import { runtime } from "./runtime";
import { InvalidStepInputError, readStepInput } from "./step-input";

/**
 * Input of the send step: `{ debriefId, kind }`. Executions started by an older
 * release may carry more fields; only these two are read.
 */
export type SendStepInput = { debriefId: string; kind: SendKind };

/** Lambda handler of the SendLetter, SendNudge, SendTips, SendCheckin7 and SendCheckin14 tasks. */
export async function sendEmail(input: unknown) {
  const { debriefId, kind } = readStepInput(input);
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
