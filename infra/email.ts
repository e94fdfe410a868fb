import { CONFIRMING_DETAIL_TYPES } from "@debrief/core";
import type { Stack } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import * as ses from "aws-cdk-lib/aws-ses";
import type { StackContext } from "sst/constructs";
import { stageConfig } from "./config";

/**
 * The SES event types the SES event handler reads: those that suppress an address (a bounce, a
 * complaint) and those that confirm an email's claim (SES took the message, then delivered it;
 * core send-claims.ts).
 */
export const HANDLED_EVENTS = [
  ses.EmailSendingEvent.BOUNCE,
  ses.EmailSendingEvent.COMPLAINT,
  ses.EmailSendingEvent.SEND,
  ses.EmailSendingEvent.DELIVERY,
];
/** EventBridge detail types of those events. */
export const HANDLED_DETAIL_TYPES = ["Email Bounced", "Email Complaint Received", ...CONFIRMING_DETAIL_TYPES];

/**
 * The sending identity and its configuration set. The domain is verified by the
 * DKIM records SES asks for; every message goes through the configuration set
 * (the identity's default), which keeps bounced and complaining addresses off the
 * account's suppression list and publishes those events to EventBridge, with every
 * message's Send and Delivery events (each names the claim of the email it confirms).
 */
export function Email({ stack, app }: StackContext) {
  const { sesDomain: domain, fromAddress } = stageConfig(app);
  const configurationSet = new ses.ConfigurationSet(stack, "Sending", {
    suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    reputationMetrics: true,
    sendingEnabled: true,
  });
  // Its id from when it published only the suppressing events: kept, so a deploy updates it in place.
  configurationSet.addEventDestination("SuppressingEvents", {
    destination: ses.EventDestination.eventBus(events.EventBus.fromEventBusName(stack, "DefaultBus", "default")),
    events: HANDLED_EVENTS,
  });
  const identity = new ses.EmailIdentity(stack, "Identity", {
    identity: ses.Identity.domain(domain),
    configurationSet,
    dkimSigning: true,
  });
  stack.addOutputs({ sesDomain: domain, configurationSet: configurationSet.configurationSetName });
  return { identity, configurationSet, domain, fromAddress };
}

/**
 * Lets a function send email from the configured address: SES v2 authorizes a send against
 * the identity and the configuration set it goes through, so both are named, nothing else.
 */
export function grantSendEmail(
  fn: { addToRolePolicy(statement: PolicyStatement): unknown },
  stack: Stack,
  email: ReturnType<typeof Email>,
) {
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ["ses:SendEmail"],
      resources: [
        email.identity.emailIdentityArn,
        stack.formatArn({
          service: "ses",
          resource: "configuration-set",
          resourceName: email.configurationSet.configurationSetName,
        }),
      ],
      conditions: { StringEquals: { "ses:FromAddress": email.fromAddress } },
    }),
  );
}
