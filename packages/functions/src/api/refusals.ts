import type { SubmitResult } from "@debrief/core";

export type Refusal = {
  status: 422 | 429;
  error: "rate_limited" | "idempotency_key_reused";
  message: string;
  retryAfterSeconds?: number;
};

/** How the form and the API answer a submission that is valid but refused. */
export function refusalOf(
  result: Extract<SubmitResult, { kind: "limited" | "conflict" }>,
  via: "form" | "api" = "form",
): Refusal {
  if (result.kind === "conflict") {
    return {
      status: 422,
      error: "idempotency_key_reused",
      message:
        via === "form"
          ? "This form was already sent with other answers. Send it again to start a new debrief with these."
          : "This Idempotency-Key was already used for a different debrief. Use a new key for a new debrief.",
    };
  }
  return {
    status: 429,
    error: "rate_limited",
    message:
      result.scope === "address"
        ? "This address has received as many debriefs as we send in a day. Please try again tomorrow."
        : "Too many debriefs were sent from your network just now. Please try again later.",
    retryAfterSeconds: result.retryAfterSeconds,
  };
}
