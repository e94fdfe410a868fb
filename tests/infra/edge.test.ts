import { loadStageConfig } from "@debrief/infra/config";
import { EDGE_ORIGIN_HEADER, EDGE_RATE_LIMITS, RATE_WINDOW_SECONDS } from "@debrief/infra/edge";
import { stacks } from "@debrief/infra/stacks";
import { App } from "sst/constructs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_NAME, resourcesOf, type Synthesized, synthesize } from "./synth";

// The edge's web ACL (scope CLOUDFRONT) exists in us-east-1 only: both deploys here are in that region
// (sst.config.ts reads it), as an operator runs the firewall's.
process.env.AWS_REGION = "us-east-1";

/** A production stage with the edge on (README, "Deploy"). */
const EDGE_SETTINGS = {
  DEBRIEF_SES_DOMAIN: "careers.example.edu",
  DEBRIEF_PUBLIC_URL: "https://debrief.careers.example.edu",
  DEBRIEF_ALARM_EMAIL: "ops@careers.example.edu",
  DEBRIEF_API_DOMAIN: "debrief.careers.example.edu",
  DEBRIEF_EDGE_WEB_ACL_ARN:
    "arn:aws:wafv2:us-east-1:123456789012:global/webacl/prod-interview-debrief-edge/0b1c2d3e-aaaa-bbbb-cccc-0123456789ab",
  DEBRIEF_EDGE_CERTIFICATE_ARN: "arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-aaaa-bbbb-cccc-0123456789ab",
  DEBRIEF_EDGE_ORIGIN_SECRET: "edge-origin-secret-0123456789abcdef0123456789",
};

type Statement = Record<string, unknown>;

describe("the edge's firewall (its own deploy, in us-east-1)", () => {
  let synth: Synthesized;
  beforeAll(async () => {
    synth = await synthesize("prod", loadStageConfig("prod", { ...EDGE_SETTINGS, DEBRIEF_EDGE_FIREWALL: "true" }));
  }, 180_000);
  afterAll(() => synth?.dispose());

  const acl = () => {
    expect(synth.stackNames).toEqual([`prod-${APP_NAME}-EdgeFirewall`]);
    const acls = resourcesOf(synth.template("EdgeFirewall"), "AWS::WAFv2::WebACL");
    expect(acls).toHaveLength(1);
    return acls[0]?.Properties as {
      Scope: string;
      DefaultAction: unknown;
      Rules: {
        Name: string;
        Action: { Block: { CustomResponse: { ResponseCode: number; ResponseHeaders: unknown[] } } };
        Statement: {
          RateBasedStatement: {
            AggregateKeyType: string;
            Limit: number;
            EvaluationWindowSec: number;
            ScopeDownStatement: Statement;
          };
        };
      }[];
    };
  };

  it("is a CLOUDFRONT web ACL that lets everything through but what one client sends too much of", () => {
    expect(acl().Scope).toBe("CLOUDFRONT");
    expect(acl().DefaultAction).toEqual({ Allow: {} });
  });

  it("limits each client IP per group of paths (the form, the JSON API, the one-click unsubscribe generously, the pages), answering 429 with Retry-After", () => {
    const rules = acl().Rules;
    expect(rules.map((r) => [r.Name, r.Statement.RateBasedStatement.Limit])).toEqual([
      ["per-ip-form", EDGE_RATE_LIMITS.form],
      ["per-ip-api", EDGE_RATE_LIMITS.api],
      ["per-ip-unsubscribe", EDGE_RATE_LIMITS.unsubscribe],
      ["per-ip-pages", EDGE_RATE_LIMITS.pages],
    ]);
    expect(EDGE_RATE_LIMITS.unsubscribe).toBeGreaterThan(10 * EDGE_RATE_LIMITS.api);
    for (const rule of rules) {
      expect(rule.Statement.RateBasedStatement.AggregateKeyType, rule.Name).toBe("IP");
      expect(rule.Statement.RateBasedStatement.EvaluationWindowSec, rule.Name).toBe(RATE_WINDOW_SECONDS);
      expect(rule.Action.Block.CustomResponse, rule.Name).toEqual({
        ResponseCode: 429,
        ResponseHeaders: [{ Name: "retry-after", Value: String(RATE_WINDOW_SECONDS) }],
      });
    }
    const scope = (name: string) => JSON.stringify(rules.find((r) => r.Name === name)?.Statement);
    // The form: POST to / or to a centre's /c/…; the JSON API and the unsubscribe by their prefixes; the pages: the rest.
    expect(scope("per-ip-form")).toMatch(/"SearchString":"POST".*"SearchString":"\/".*"SearchString":"\/c\/"/);
    expect(scope("per-ip-api")).toContain('"PositionalConstraint":"STARTS_WITH","SearchString":"/api/"');
    expect(scope("per-ip-unsubscribe")).toContain('"PositionalConstraint":"STARTS_WITH","SearchString":"/u/"');
    expect(scope("per-ip-pages")).toMatch(/NotStatement.*\/api\/.*NotStatement.*\/u\//);
  });

  it("passes cdk-nag with nothing unsuppressed", () => {
    expect(synth.findings()).toEqual([]);
  });

  it("refuses any region but us-east-1", () => {
    const app = new App({ mode: "deploy", stage: "prod", name: APP_NAME, region: "eu-west-1" });
    const config = loadStageConfig("prod", { ...EDGE_SETTINGS, DEBRIEF_EDGE_FIREWALL: "true" });
    expect(() => stacks(app, config)).toThrow(/us-east-1 only, not eu-west-1/);
  });
});

describe("a stage behind the edge", () => {
  let synth: Synthesized;
  beforeAll(async () => {
    synth = await synthesize("prod", loadStageConfig("prod", EDGE_SETTINGS));
  }, 300_000);
  afterAll(() => synth?.dispose());

  const all = (type: string) =>
    synth.stackNames.flatMap((n) => resourcesOf(synth.template(n.split("-").pop() ?? ""), type));
  const distribution = () => {
    const [d] = all("AWS::CloudFront::Distribution");
    if (!d) throw new Error("No distribution");
    return (d.Properties as { DistributionConfig: Record<string, unknown> }).DistributionConfig;
  };

  it("serves the public domain from CloudFront with the web ACL and its us-east-1 certificate", () => {
    expect(all("AWS::CloudFront::Distribution")).toHaveLength(1);
    expect(distribution()).toMatchObject({
      WebACLId: EDGE_SETTINGS.DEBRIEF_EDGE_WEB_ACL_ARN,
      Aliases: ["debrief.careers.example.edu"],
      ViewerCertificate: {
        AcmCertificateArn: EDGE_SETTINGS.DEBRIEF_EDGE_CERTIFICATE_ARN,
        MinimumProtocolVersion: "TLSv1.2_2021",
        SslSupportMethod: "sni-only",
      },
    });
    // API Gateway no longer claims the domain: its own endpoint is CloudFront's origin.
    expect(all("AWS::ApiGatewayV2::DomainName")).toHaveLength(0);
    expect(all("AWS::ApiGatewayV2::Api")[0]?.Properties.DisableExecuteApiEndpoint).toBe(false);
    const outputs = synth.template("Edge").Outputs as Record<string, unknown>;
    expect(Object.keys(outputs)).toContain("edgeDomainTarget");
  });

  it("forwards every request uncached to the API, with the viewer's address and the edge's origin header", () => {
    const [origin] = distribution().Origins as {
      DomainName: unknown;
      CustomOriginConfig: Record<string, unknown>;
      OriginCustomHeaders: { HeaderName: string; HeaderValue: string }[];
    }[];
    expect(JSON.stringify(origin?.DomainName)).toContain("Fn::Split");
    expect(origin?.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: "https-only" });
    expect(origin?.OriginCustomHeaders).toEqual([
      { HeaderName: EDGE_ORIGIN_HEADER, HeaderValue: EDGE_SETTINGS.DEBRIEF_EDGE_ORIGIN_SECRET },
    ]);
    const behavior = distribution().DefaultCacheBehavior as Record<string, unknown>;
    expect(behavior.AllowedMethods).toEqual(["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]);
    expect(behavior.ViewerProtocolPolicy).toBe("redirect-to-https");
    const [requests] = all("AWS::CloudFront::OriginRequestPolicy");
    if (!requests) throw new Error("No origin request policy");
    const forwarded = (
      requests.Properties.OriginRequestPolicyConfig as {
        HeadersConfig: { HeaderBehavior: string; Headers: string[] };
      }
    ).HeadersConfig;
    expect(forwarded.HeaderBehavior).toBe("whitelist");
    expect(forwarded.Headers).toEqual(
      expect.arrayContaining([
        "CloudFront-Viewer-Address",
        "Content-Type",
        "Idempotency-Key",
        "Origin",
        "Sec-Fetch-Site",
      ]),
    );
    expect(forwarded.Headers.map((h) => h.toLowerCase())).not.toContain("host");
    const [cache] = all("AWS::CloudFront::CachePolicy");
    expect(cache?.Properties.CachePolicyConfig).toMatchObject({
      DefaultTTL: 0,
      MinTTL: 0,
      ParametersInCacheKeyAndForwardedToOrigin: { HeadersConfig: { Headers: ["Authorization"] } },
    });
  });

  it("binds the origin header's secret to the API, and keeps the stage throttle behind the edge", () => {
    const api = all("AWS::Lambda::Function").find((f) => f.logicalId.startsWith("ApiHandler"));
    if (!api) throw new Error("No API function");
    const vars = (api.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(vars.SST_Parameter_value_EDGE_ORIGIN_SECRET).toBe(EDGE_SETTINGS.DEBRIEF_EDGE_ORIGIN_SECRET);
    const [stage] = all("AWS::ApiGatewayV2::Stage");
    expect(stage?.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 50 });
  });

  it("passes cdk-nag with nothing unsuppressed", () => {
    expect(synth.findings()).toEqual([]);
  });
});
