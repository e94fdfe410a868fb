import { LINK_PREFIXES } from "@debrief/core";
import { Duration, Fn } from "aws-cdk-lib";
import { Certificate } from "aws-cdk-lib/aws-certificatemanager";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { CfnWebACL } from "aws-cdk-lib/aws-wafv2";
import { type StackContext, use } from "sst/constructs";
import { Api } from "./api";
import { stageConfig } from "./config";
import { accept } from "./nag";

/** The header CloudFront adds to every request it forwards, so the API trusts the viewer address it also adds. */
export const EDGE_ORIGIN_HEADER = "x-debrief-edge";

/** The request headers CloudFront forwards to the API: those it reads, and the viewer's address. */
export const EDGE_FORWARDED_HEADERS = [
  "Accept",
  "Accept-Language",
  "Content-Type",
  "Idempotency-Key",
  "Origin",
  "Sec-Fetch-Site",
  "User-Agent",
  "CloudFront-Viewer-Address",
];

/** WAF counts rate-based rules over this window (seconds). */
export const RATE_WINDOW_SECONDS = 300;

/**
 * Requests one client IP may make per window to each group of paths before WAF answers 429 for the rest of
 * the window. The form and the JSON API are what costs (a debrief, three emails); the service's own per-IP
 * limit on new debriefs (60 an hour) still applies behind this. The one-click unsubscribe is generous: mail
 * providers post it for many people from few servers. Pages and everything else share one group.
 */
export const EDGE_RATE_LIMITS = {
  form: 100,
  api: 300,
  unsubscribe: 5000,
  pages: 1000,
} as const;

const uriStartsWith = (prefix: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: prefix === "/" ? "EXACTLY" : "STARTS_WITH",
    searchString: prefix,
    textTransformations: [{ priority: 0, type: "NONE" }],
  },
});
const methodIs = (method: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { method: {} },
    positionalConstraint: "EXACTLY",
    searchString: method,
    textTransformations: [{ priority: 0, type: "NONE" }],
  },
});
const anyOf = (...statements: CfnWebACL.StatementProperty[]): CfnWebACL.StatementProperty => ({
  orStatement: { statements },
});
const not = (statement: CfnWebACL.StatementProperty): CfnWebACL.StatementProperty => ({
  notStatement: { statement },
});

/** Each path group: what its requests look like to WAF. */
const GROUPS: Record<keyof typeof EDGE_RATE_LIMITS, CfnWebACL.StatementProperty> = {
  // The debrief form and a career centre's form, posted.
  form: { andStatement: { statements: [methodIs("POST"), anyOf(uriStartsWith("/"), uriStartsWith("/c/"))] } },
  api: uriStartsWith("/api/"),
  unsubscribe: uriStartsWith(`${LINK_PREFIXES.unsubscribe}/`),
  // Everything else: the pages, one-use links, "this wasn't me", assets.
  pages: {
    andStatement: {
      statements: [not(uriStartsWith("/api/")), not(uriStartsWith(`${LINK_PREFIXES.unsubscribe}/`))],
    },
  },
};

/** The rate-based rules, one per path group, each answering 429 with Retry-After past its limit. */
export function edgeRateRules(): CfnWebACL.RuleProperty[] {
  return (Object.keys(EDGE_RATE_LIMITS) as (keyof typeof EDGE_RATE_LIMITS)[]).map((group, priority) => ({
    name: `per-ip-${group}`,
    priority,
    statement: {
      rateBasedStatement: {
        aggregateKeyType: "IP",
        limit: EDGE_RATE_LIMITS[group],
        evaluationWindowSec: RATE_WINDOW_SECONDS,
        scopeDownStatement: GROUPS[group],
      },
    },
    action: {
      block: {
        customResponse: {
          responseCode: 429,
          responseHeaders: [{ name: "retry-after", value: String(RATE_WINDOW_SECONDS) }],
        },
      },
    },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: `per-ip-${group}`, sampledRequestsEnabled: true },
  }));
}

/**
 * The WAF web ACL of the edge: scope CLOUDFRONT, which AWS keeps in us-east-1 only, so it is its own deploy
 * of the same app and stage in that region (README, "Deploy"); its ARN is then given to the stage's deploy
 * as DEBRIEF_EDGE_WEB_ACL_ARN.
 */
export function EdgeFirewall({ stack, app }: StackContext) {
  if (app.region !== "us-east-1") {
    throw new Error(`The edge firewall (scope CLOUDFRONT) deploys to us-east-1 only, not ${app.region}`);
  }
  const acl = new CfnWebACL(stack, "EdgeFirewall", {
    scope: "CLOUDFRONT",
    defaultAction: { allow: {} },
    rules: edgeRateRules(),
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: "edge-firewall", sampledRequestsEnabled: true },
  });
  stack.addOutputs({ webAclArn: acl.attrArn });
  return { acl };
}

/**
 * CloudFront in front of the HTTP API, with the firewall's per-IP limits, when the stage gives one
 * (DEBRIEF_EDGE_WEB_ACL_ARN). Nothing is cached: every request reaches the API, with the viewer's address
 * (CloudFront-Viewer-Address) and the edge's origin header, the two things the API needs to count a client
 * by its own IP (functions/api/web/client-ip.ts). Sec-Fetch-Site and Origin reach it too (the CSRF check). The stage throttle stays behind it as the last guard.
 */
export function Edge({ stack, app }: StackContext) {
  const config = stageConfig(app);
  const { api } = use(Api);
  if (!config.edge) throw new Error("The Edge stack is only built for a stage with DEBRIEF_EDGE_WEB_ACL_ARN");
  // What the API reads of a request, and the viewer's address (CloudFront adds it): never Host (API Gateway
  // routes by its own). Authorization (the centres' admin API) can only reach an origin through the cache
  // policy, which therefore keys on it; nothing is kept (no default TTL, and the API sends no-store where it matters).
  const originRequests = new cloudfront.OriginRequestPolicy(stack, "ApiOriginRequests", {
    comment: "The headers the debrief API reads, the viewer's address, every query string",
    headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(...EDGE_FORWARDED_HEADERS),
    queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
    cookieBehavior: cloudfront.OriginRequestCookieBehavior.none(),
  });
  const noCache = new cloudfront.CachePolicy(stack, "ApiNoCache", {
    comment: "Nothing cached by default; Authorization forwarded",
    minTtl: Duration.seconds(0),
    defaultTtl: Duration.seconds(0),
    maxTtl: Duration.seconds(1),
    headerBehavior: cloudfront.CacheHeaderBehavior.allowList("Authorization"),
    queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
    cookieBehavior: cloudfront.CacheCookieBehavior.none(),
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  });
  const distribution = new cloudfront.Distribution(stack, "Edge", {
    comment: `${app.stage} debrief API`,
    webAclId: config.edge.webAclArn,
    domainNames: config.apiDomain ? [config.apiDomain.name] : undefined,
    certificate: config.apiDomain
      ? Certificate.fromCertificateArn(stack, "EdgeCertificate", config.apiDomain.certificateArn)
      : undefined,
    minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
    httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
    priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
    defaultBehavior: {
      // The API's own endpoint (https://<id>.execute-api.<region>.amazonaws.com): its host only.
      origin: new HttpOrigin(Fn.select(2, Fn.split("/", api.url)), {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
        customHeaders: { [EDGE_ORIGIN_HEADER]: config.edge.originSecret },
      }),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: noCache,
      originRequestPolicy: originRequests,
    },
  });
  accept(distribution, [
    {
      id: "AwsSolutions-CFR1",
      reason: "A public form for candidates anywhere: no country is refused (the firewall limits each client).",
    },
    {
      id: "AwsSolutions-CFR3",
      reason:
        "No access log: it would hold every viewer's IP and path (a page token is in the path); WAF's metrics and " +
        "sampled requests show what the firewall blocks, the API's access log the rest.",
    },
  ]);
  stack.addOutputs({ edgeDomainTarget: distribution.distributionDomainName });
  return { distribution };
}
