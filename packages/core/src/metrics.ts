/**
 * The service's own CloudWatch metrics: where the handlers write them (functions/metrics.ts,
 * through Powertools, which gives each the `service` dimension) and what the alarms watch
 * (infra/alarms.ts). Counts only, never personal data.
 */
export const METRICS_NAMESPACE = "InterviewDebrief";
export const METRICS_SERVICE = "interview-debrief";

export const OPERATIONAL_METRICS = {
  /** Email claims a step left unanswered that the repair pass completed (SES's event) or sent again. */
  claimsRepaired: "ClaimsRepaired",
  /** Claims still unanswered after a repair pass: its resends used up, or the resend failed. */
  claimsStuck: "ClaimsStuck",
  /** SES confirmed a claim after the repair pass had sent its email again: that email went out twice. */
  lateConfirmations: "LateSendConfirmations",
} as const;
export type OperationalMetric = (typeof OPERATIONAL_METRICS)[keyof typeof OPERATIONAL_METRICS];
