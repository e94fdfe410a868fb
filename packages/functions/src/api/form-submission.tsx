import type { FieldErrors, FormFields, SubmitContext, SubmitDeps, SubmitResult } from "@debrief/core";
import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { clientIp } from "./client-ip";
import type { AppDeps } from "./deps";
import { checkFormGuard } from "./form-guard";
import { refusalOf } from "./refusals";

export const RETRY_AFTER_SECONDS = 5;
const NOT_SAVED = "We could not save your debrief just now. Nothing was kept; please try again in a moment.";

/** What submitDebrief needs, taken from the app's dependencies (one place for every caller). */
export function submitDepsOf(deps: AppDeps): SubmitDeps {
  return {
    store: deps.store,
    workflow: deps.workflow,
    clock: deps.clock,
    schedule: deps.schedule,
    retentionDays: deps.retentionDays,
    rateLimit: { limits: deps.abuse.rateLimits, counter: deps.rateCounter },
    onWorkflowStartFailed: (debriefId: string, error: unknown) =>
      deps.log.warn("workflow start failed; the reconciler will start it", { debriefId, error: errorName(error) }),
  };
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

type FormSubmission = {
  /** Renders the form again; `fresh` asks for a new form guard (the old one was refused or used). */
  renderForm: (values: FormFields, errors: FieldErrors, fresh: boolean) => JSX.Element;
  /** Stores the debrief: the plain form and a centre's branded form differ only here. */
  submit: (fields: FormFields, ctx: SubmitContext) => Promise<SubmitResult>;
  /** For the log line only. */
  via: string;
};

/**
 * The HTML form's POST, shared by `/` and `/c/{slug}`: form guard (honeypot, fill
 * time, bot check), submission with the form's nonce as idempotency key, then a
 * 303 to the candidate's page, or the form again with its values and the reason.
 */
export async function handleFormSubmission(c: Context, deps: AppDeps, flow: FormSubmission) {
  const fields = (await c.req.parseBody({ all: true })) as FormFields;
  const now = deps.clock.now();
  const ip = clientIp(c);
  const guard = await checkFormGuard(fields, deps.abuse, now, ip);
  if (!guard.ok) {
    c.status(guard.status);
    return c.render(flow.renderForm(fields, { form: guard.message }, true));
  }
  try {
    const result = await flow.submit(fields, { idempotency: { scope: "form", key: guard.nonce }, clientIp: ip });
    if (result.kind === "invalid") {
      c.status(422);
      return c.render(flow.renderForm(fields, result.errors, false));
    }
    if (result.kind === "limited" || result.kind === "conflict") {
      const refusal = refusalOf(result, "form");
      c.status(refusal.status);
      if (refusal.retryAfterSeconds) c.header("Retry-After", String(refusal.retryAfterSeconds));
      return c.render(flow.renderForm(fields, { form: refusal.message }, true));
    }
    deps.log.info("debrief accepted", { debriefId: result.id, status: result.status, via: flow.via });
    c.header("Cache-Control", "no-store"); // its Location carries the page token
    return c.redirect(`/d/${result.token}?new=1`, 303);
  } catch (error) {
    deps.log.error("debrief could not be stored", { error: errorName(error) });
    c.status(503);
    c.header("Retry-After", String(RETRY_AFTER_SECONDS));
    return c.render(flow.renderForm(fields, { form: NOT_SAVED }, false));
  }
}
