import type { FormFields, SubmitContext, SubmitResult } from "@debrief/core";
import { linkPath } from "@debrief/core";
import type { Context, MiddlewareHandler } from "hono";
import { errorName } from "../../log";
import type { AppDeps } from "../deps";
import { clientIp } from "../web/client-ip";
import { MAX_BODY_BYTES, RETRY_AFTER_SECONDS } from "../web/http";
import { FORM_COPY } from "./copy";
import { formDefaults } from "./fields";
import { checkFormGuard } from "./guard";
import { submissionRefusal } from "./refusals";
import type { FormState } from "./view";

/** Renders a debrief form page (plain or a centre's); `fresh` asks for a new form guard (the old one was refused or used). */
export type RenderForm = (c: Context, state: FormState, fresh: boolean) => Response | Promise<Response>;

type FormSubmission = {
  render: RenderForm;
  /** Stores the debrief: the plain form and a centre's branded form differ only here. */
  submit: (fields: FormFields, ctx: SubmitContext) => Promise<SubmitResult>;
  /** For the log line only. */
  via: string;
};

/**
 * Before a form's body is read: a refusal of the whole request (the body is over the
 * limit) comes back as the form with the reason, not as a bare error. The body was not
 * read, so the form starts again from its defaults; the browser's draft fills it back in.
 */
export function formRefusals(deps: AppDeps, render: (c: Context) => RenderForm): MiddlewareHandler {
  return async (c, next) => {
    c.set("refusalPage", (c, refusal) =>
      refusal.status === 413
        ? render(c)(
            c,
            {
              values: formDefaults(deps.clock.now()),
              message: FORM_COPY.tooLarge(MAX_BODY_BYTES / 1024),
              restoreDraft: true,
            },
            true,
          )
        : undefined,
    );
    await next();
  };
}

/**
 * The HTML form's POST, shared by `/` and `/c/{slug}`: form guard (honeypot, fill
 * time, bot check), submission with the form's nonce as idempotency key, then a
 * 303 to the candidate's page, or the form again with its values and the reason.
 */
export async function handleFormSubmission(c: Context, deps: AppDeps, flow: FormSubmission) {
  const fields = (await c.req.parseBody({ all: true })) as FormFields;
  const ip = clientIp(c, deps.edgeOriginSecret);
  const guard = await checkFormGuard(fields, deps, deps.log, deps.clock.now(), ip);
  if (!guard.ok) {
    c.status(guard.status);
    return flow.render(c, { values: fields, message: guard.message }, true);
  }
  let result: SubmitResult;
  try {
    result = await flow.submit(fields, { idempotency: { scope: "form", key: guard.nonce }, clientIp: ip });
  } catch (error) {
    deps.log.error("debrief could not be stored", { error: errorName(error) });
    c.status(503);
    c.header("Retry-After", String(RETRY_AFTER_SECONDS));
    return flow.render(c, { values: fields, message: FORM_COPY.notSaved }, false);
  }
  if (result.kind === "invalid") {
    c.status(422);
    return flow.render(c, { values: fields, errors: result.errors }, false);
  }
  if (result.kind === "limited" || result.kind === "conflict") {
    const refusal = submissionRefusal(result, "form");
    c.status(refusal.status);
    for (const [name, value] of Object.entries(refusal.headers)) c.header(name, value);
    return flow.render(c, { values: fields, message: refusal.message }, true);
  }
  deps.log.info("debrief accepted", { debriefId: result.id, status: result.status, via: flow.via });
  c.header("Cache-Control", "no-store"); // its Location carries the page token
  return c.redirect(`${linkPath("page", result.token)}?new=1`, 303);
}
