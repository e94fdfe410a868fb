import type { SendDeps } from "@debrief/core";
import { renderEmail } from "@debrief/emails";
import type { Wiring } from "./wiring";

/** What sending an email needs, from a wiring: the send step's and the repair pass's, alike. */
export function sendDepsOf(w: Wiring): SendDeps {
  return {
    store: w.store,
    mailer: w.mailer,
    render: renderEmail,
    clock: w.clock,
    publicUrl: w.config.publicUrl,
    checkins: w.checkins,
  };
}
