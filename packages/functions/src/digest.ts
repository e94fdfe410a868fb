import { sendWeeklyDigests } from "@debrief/core";
import { renderWeeklyDigest } from "@debrief/emails/digest";
import { loadBoundSecrets } from "./bound-secrets";
import { errorName } from "./log";
import { runtime, type Wiring } from "./wiring";

/**
 * The advisors' Monday email over a wiring (infra/digest.ts on AWS; the local stack's own
 * timer). A run with failed emails fails, so that the scheduler runs it again: the emails
 * already sent are claimed, only the rest go out.
 */
export function weeklyDigest(w: Wiring) {
  return async () => {
    const result = await sendWeeklyDigests({
      centres: w.centres,
      accounts: w.accounts,
      mailer: w.mailer,
      clock: w.clock,
      publicUrl: w.config.publicUrl,
      render: renderWeeklyDigest,
      onFailed: (error) => w.log.error("a weekly email could not be sent", { error: errorName(error) }),
    });
    w.log.info("weekly emails finished", result);
    if (result.failed > 0) throw new Error(`${result.failed} weekly email(s) could not be sent`);
    return result;
  };
}

// The digest key (a bound SST secret) from SSM at the cold start.
await loadBoundSecrets();

/** The Lambda handler (see infra/digest.ts). */
export const handler = async () => weeklyDigest(runtime())();
