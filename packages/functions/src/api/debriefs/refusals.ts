import type { SubmitResult } from "@debrief/core";
import { Refusal } from "../web/errors";

type Refused = Extract<SubmitResult, { kind: "limited" | "conflict" }>;

/** A submission that is valid but refused, as the form (`via: "form"`) or the API words it. */
export function submissionRefusal(result: Refused, via: "form" | "api"): Refusal {
  if (result.kind === "conflict") {
    return new Refusal(
      422,
      "idempotency_key_reused",
      via === "form"
        ? "This form was already sent with other answers. Send it again to start a new debrief with these."
        : "This Idempotency-Key was already used for a different debrief. Use a new key for a new debrief.",
    );
  }
  return new Refusal(
    429,
    "rate_limited",
    result.scope === "address"
      ? "This address has received as many debriefs as we send in a day. Please try again tomorrow."
      : "Too many debriefs were sent from your network just now. Please try again later.",
    { headers: result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : {} },
  );
}
