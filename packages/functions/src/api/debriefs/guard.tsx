import {
  type AbuseConfig,
  BOT_CHECK_FIELD,
  checkFormTicket,
  type FormFields,
  issueFormTicket,
  verifyBotCheck,
} from "@debrief/core";
import { type AppLogger, errorName } from "../../log";
import { Refusal } from "../web/errors";
import { first, RETRY_AFTER_SECONDS } from "../web/http";

/** A field people never see or fill in; bots that fill every input give themselves away. */
export const HONEYPOT_FIELD = "website";
export const TICKET_FIELD = "ticket";
/** How long a rendered form stays good to send. */
const TICKET_MAX_AGE_SECONDS = 24 * 3600;

export type FormGuard = { ticket: string; botCheckSiteKey?: string };

/** The hidden parts of the form: its signed ticket (nonce + issue time), the honeypot and, if configured, the bot check. */
export function FormGuardFields({ ticket, botCheckSiteKey }: FormGuard) {
  return (
    <>
      <input type="hidden" name={TICKET_FIELD} value={ticket} />
      <div class="hp" aria-hidden="true">
        <label for="hp-website">Leave this field empty</label>
        <input id="hp-website" name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" value="" />
      </div>
      {botCheckSiteKey ? (
        <>
          <div class="cf-turnstile" data-sitekey={botCheckSiteKey} />
          <script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer />
        </>
      ) : null}
    </>
  );
}

export const BOT_CHECK_ORIGIN = "https://challenges.cloudflare.com";

/** What the form guard is checked with: the app's abuse settings and the key that signs tickets. */
export type FormGuardDeps = {
  abuse: Pick<AbuseConfig, "formMinFillSeconds" | "botCheck">;
  formSecret(): Promise<string>;
};

/**
 * The ticket's key. On a cold start without FORM_SECRET it is read from the table on the
 * first form: when that fails the form is answered 503 to try again, never served unsigned.
 */
async function ticketKey(deps: FormGuardDeps, log: AppLogger): Promise<string> {
  try {
    return await deps.formSecret();
  } catch (error) {
    log.error("form ticket key could not be read", { error: errorName(error) });
    throw new Refusal(503, "unavailable", "The form could not be loaded just now. Please try again in a moment.", {
      headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
    });
  }
}

/**
 * The guard to render a form with: for a form sent back with a reason, the same ticket
 * while it is still good (the fill time keeps counting); otherwise a fresh one.
 */
export async function formGuard(
  deps: FormGuardDeps,
  log: AppLogger,
  now: Date,
  posted?: FormFields,
): Promise<FormGuard> {
  const secret = await ticketKey(deps, log);
  const botCheckSiteKey = deps.abuse.botCheck?.siteKey;
  const ticket = posted && first(posted[TICKET_FIELD]);
  const check = checkFormTicket(ticket, secret, now, { minFillSeconds: 0, maxAgeSeconds: TICKET_MAX_AGE_SECONDS });
  return check.ok && ticket ? { ticket, botCheckSiteKey } : { ticket: issueFormTicket(secret, now), botCheckSiteKey };
}

export type FormGuardResult = { ok: true; nonce: string } | { ok: false; status: 400 | 422; message: string };

/**
 * Checks a posted form before anything else: honeypot empty, a ticket we signed that
 * is neither too fresh (filled faster than a person can) nor too old, and the bot
 * check when one is configured. Nothing is stored or counted for a refused form.
 */
export async function checkFormGuard(
  fields: FormFields,
  deps: FormGuardDeps,
  log: AppLogger,
  now: Date,
  clientIp: string | undefined,
): Promise<FormGuardResult> {
  const { abuse } = deps;
  if ((first(fields[HONEYPOT_FIELD]) ?? "") !== "") {
    return { ok: false, status: 400, message: "We could not accept this form. Please send it again from the page." };
  }
  const ticket = checkFormTicket(first(fields[TICKET_FIELD]), await ticketKey(deps, log), now, {
    minFillSeconds: abuse.formMinFillSeconds,
    maxAgeSeconds: TICKET_MAX_AGE_SECONDS,
  });
  if (!ticket.ok) {
    return ticket.reason === "too-fast"
      ? {
          ok: false,
          status: 422,
          message: "That was quicker than we expected. Please check your answers and send again.",
        }
      : {
          ok: false,
          status: 400,
          message: "This form has expired or did not come from our page. Please send it again.",
        };
  }
  if (abuse.botCheck && !(await verifyBotCheck(abuse.botCheck, first(fields[BOT_CHECK_FIELD]), clientIp))) {
    return { ok: false, status: 422, message: "Please complete the check that you are a person, then send again." };
  }
  return { ok: true, nonce: ticket.nonce };
}
