import type { Stack } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import * as ses from "aws-cdk-lib/aws-ses";
import type { StackContext } from "sst/constructs";
import { stageConfig } from "./config";

/** The SES event types that suppress an address; the handler reads only these. */
export const SUPPRESSING_EVENTS = [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT];
/** EventBridge detail types of those events. */
export const SUPPRESSING_DETAIL_TYPES = ["Email Bounced", "Email Complaint Received"];

/**
 * The sending identity and its configuration set. The domain is verified by the
 * DKIM records SES asks for; every message goes through the configuration set
 * (the identity's default), which keeps bounced and complaining addresses off the
 * account's suppression list and publishes those events to EventBridge.
 */
export function Email({ stack, app }: StackContext) {
  const { sesDomain: domain, fromAddress } = stageConfig(app);
  const configurationSet = new ses.ConfigurationSet(stack, "Sending", {
    suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    reputationMetrics: true,
    sendingEnabled: true,
  });
  configurationSet.addEventDestination("SuppressingEvents", {
    destination: ses.EventDestination.eventBus(events.EventBus.fromEventBusName(stack, "DefaultBus", "default")),
    events: SUPPRESSING_EVENTS,
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
