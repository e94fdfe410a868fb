import * as ses from "aws-cdk-lib/aws-ses";
import type { StackContext } from "sst/constructs";

/** The sending identity. The domain must be verified (DKIM records) before SES sends from it. */
export function Email({ stack }: StackContext) {
  const domain = process.env.SES_DOMAIN ?? "example.com";
  const fromAddress = process.env.FROM_ADDRESS ?? `debrief@${domain}`;
  const identity = new ses.EmailIdentity(stack, "Identity", { identity: ses.Identity.domain(domain) });
  return { identity, domain, fromAddress };
}
