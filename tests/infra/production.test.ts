import { loadStageConfig } from "@debrief/infra/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resourcesOf, type Synthesized, synthesize } from "./synth";
import { FUNCTIONS } from "./template";

/** A production stage as an operator configures it (see README, "Deploying"). */
const config = loadStageConfig("prod", {
  DEBRIEF_SES_DOMAIN: "careers.example.edu",
  DEBRIEF_PUBLIC_URL: "https://debrief.careers.example.edu",
  DEBRIEF_ALARM_EMAIL: "ops@careers.example.edu",
  DEBRIEF_CORS_ORIGINS: "https://careers.example.edu",
  DEBRIEF_RETENTION_DAYS: "90",
  DEBRIEF_API_DOMAIN: "debrief.careers.example.edu",
  DEBRIEF_API_CERTIFICATE_ARN: "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e-aaaa-bbbb-cccc-0123456789ab",
  DEBRIEF_BOT_CHECK_SITE_KEY: "0x4AAAAAAAexample",
  DEBRIEF_NUDGE_HOUR: "8",
  DEBRIEF_RATE_LIMIT_PER_ADDRESS_PER_DAY: "2",
});

let synth: Synthesized;
beforeAll(async () => {
  synth = await synthesize("prod", config);
}, 180_000);
afterAll(() => synth?.dispose());

const all = (type: string) =>
  synth.stackNames.flatMap((n) => resourcesOf(synth.template(n.split("-").pop() ?? ""), type));

describe("a production stage", () => {
  it("keeps the table: retained on removal and replacement, with deletion protection", () => {
    const [table] = all("AWS::DynamoDB::Table");
    expect(table?.DeletionPolicy).toBe("Retain");
    expect(table?.UpdateReplacePolicy).toBe("Retain");
    expect(table?.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table?.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  it("serves the API on the custom domain with the given certificate", () => {
    const [domain] = all("AWS::ApiGatewayV2::DomainName");
    expect(domain?.Properties).toMatchObject({
      DomainName: "debrief.careers.example.edu",
      DomainNameConfigurations: [{ CertificateArn: config.apiDomain?.certificateArn }],
    });
    expect(all("AWS::ApiGatewayV2::ApiMapping")).toHaveLength(1);
  });

  it("closes the default execute-api endpoint: the custom domain is the one way in", () => {
    expect(all("AWS::ApiGatewayV2::Api")[0]?.Properties.DisableExecuteApiEndpoint).toBe(true);
  });

  it("outputs the custom domain's regional name, the target of its CNAME", () => {
    const [domain] = all("AWS::ApiGatewayV2::DomainName");
    const outputs = synth.template("Api").Outputs as Record<string, { Value: unknown }>;
    expect(outputs.apiDomainTarget?.Value).toEqual({ "Fn::GetAtt": [domain?.logicalId, "RegionalDomainName"] });
    expect(JSON.stringify(outputs.url?.Value)).toContain("debrief.careers.example.edu");
  });

  it("sends from the configured domain and address, and alarms the configured operator", () => {
    expect(all("AWS::SES::EmailIdentity")[0]?.Properties.EmailIdentity).toBe("careers.example.edu");
    const sending = all("AWS::IAM::Policy").flatMap((p) =>
      (p.Properties.PolicyDocument as { Statement: { Action: unknown; Condition?: unknown }[] }).Statement.filter((s) =>
        JSON.stringify(s.Action).includes("ses:SendEmail"),
      ).map((s) => ({ policy: p.logicalId, condition: s.Condition })),
    );
    // The send step and the repair pass mail candidates; the API mails advisors their sign-in links, the weekly
    // job their figures. All only from the configured address.
    expect(sending.map((s) => s.policy.replace(/ServiceRoleDefaultPolicy.*$/, "")).sort()).toEqual([
      expect.stringMatching(/^ApiHandler/),
      expect.stringMatching(/^RepairSends/),
      expect.stringMatching(/^SendEmail/),
      expect.stringMatching(/^WeeklyDigest/),
    ]);
    for (const s of sending) {
      expect(s.condition).toEqual({ StringEquals: { "ses:FromAddress": "debrief@careers.example.edu" } });
    }
    expect(all("AWS::SNS::Subscription")[0]?.Properties).toMatchObject({
      Protocol: "email",
      Endpoint: "ops@careers.example.edu",
    });
  });

  it("passes the stage's settings to the functions and the allow-list to CORS", () => {
    const [api] = all("AWS::ApiGatewayV2::Api");
    expect((api?.Properties.CorsConfiguration as { AllowOrigins: string[] } | undefined)?.AllowOrigins).toEqual([
      "https://debrief.careers.example.edu",
      "https://careers.example.edu",
    ]);
    const handler = all("AWS::Lambda::Function").find((f) => f.logicalId.startsWith("ApiHandler"));
    expect(
      (handler?.Properties.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables,
    ).toMatchObject({
      SST_Parameter_value_FROM_ADDRESS: "debrief@careers.example.edu",
      SST_Parameter_value_PUBLIC_URL: "https://debrief.careers.example.edu",
      SST_Parameter_value_RETENTION_DAYS: "90",
      SST_Parameter_value_NUDGE_HOUR: "8",
      SST_Parameter_value_RATE_LIMIT_PER_ADDRESS_PER_DAY: "2",
      SST_Parameter_value_TIPS_AFTER_DAYS: "1",
    });
  });

  const functions = () => all("AWS::Lambda::Function").filter((f) => !f.logicalId.startsWith("CustomResourceHandler"));
  const functionNamed = (name: string) => functions().find((f) => f.logicalId.replace(/[0-9A-F]{8}$/, "") === name);
  const vars = (name: string) =>
    (functionNamed(name)?.Properties.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables ??
    {};
  type Statement = { Action: unknown; Resource: unknown };
  /** The inline policy statements of one function's role. */
  const roleStatements = (name: string): Statement[] => {
    const fn = functionNamed(name);
    if (!fn) throw new Error(`No function ${name}`);
    const role = (fn.Properties.Role as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0];
    return all("AWS::IAM::Policy")
      .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === role))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  };
  /** An ARN as text, its tokens (partition, region, account) as `<token>`. */
  const joined = (arn: unknown): string =>
    typeof arn === "string"
      ? arn
      : ((arn as { "Fn::Join"?: [string, unknown[]] })["Fn::Join"]?.[1] ?? [])
          .map((part) => (typeof part === "string" ? part : "<token>"))
          .join("");
  /** The SSM parameters a function's role may read, as the ARNs' paths. */
  const ssmReads = (name: string) =>
    roleStatements(name)
      .filter((s) => JSON.stringify(s.Action).includes("ssm:GetParameters"))
      .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]))
      .map((r) => /:parameter(\/sst\/.*)$/.exec(joined(r))?.[1] ?? joined(r))
      .sort();

  it("binds the digest key and the form's key as SST secrets to each function that reads them, each read from its own SSM paths only", () => {
    const names = FUNCTIONS;
    expect(functions()).toHaveLength(names.length);
    const secretsOf = (name: string) =>
      Object.entries(vars(name))
        .filter(([k]) => k.startsWith("SST_Secret_value_"))
        .map(([k, v]) => {
          // Fetched at the cold start, never written into the template.
          expect(v, k).toBe("__FETCH_FROM_SSM__");
          return k.replace("SST_Secret_value_", "");
        })
        .sort();
    // The digest key: every function that digests an address (the suppression list, the rate limits, the
    // address index); the form's key: the API, which alone serves and checks forms.
    expect(Object.fromEntries(names.map((n) => [n, secretsOf(n)]))).toEqual({
      ApiHandler: ["BOT_CHECK_SECRET", "DIGEST_SECRET", "FORM_SECRET"],
      SendEmail: ["DIGEST_SECRET"],
      RecordFailure: [],
      SesEvents: ["DIGEST_SECRET"],
      Reconcile: ["DIGEST_SECRET"],
      RepairSends: ["DIGEST_SECRET"],
      Sweep: [],
      Redrive: [],
      // The weekly email's one-click unsubscribe links are keyed with it.
      WeeklyDigest: ["DIGEST_SECRET"],
    });
    for (const name of names) {
      const paths = secretsOf(name).flatMap((secret) => [
        `/sst/interview-debrief/.fallback/Secret/${secret}/value`,
        `/sst/interview-debrief/prod/Secret/${secret}/value`,
      ]);
      expect(ssmReads(name), name).toEqual(paths.sort());
      if (paths.length) expect(vars(name).SST_SSM_PREFIX, name).toBe("/sst/interview-debrief/prod/");
    }
  });

  it("binds the bot check's secret to the API as an SST secret, readable from its SSM path only", () => {
    expect(vars("ApiHandler")).toMatchObject({
      SST_Secret_value_BOT_CHECK_SECRET: "__FETCH_FROM_SSM__",
      SST_Parameter_value_BOT_CHECK_SITE_KEY: "0x4AAAAAAAexample",
      SST_SSM_PREFIX: "/sst/interview-debrief/prod/",
    });
    for (const name of ["SendEmail", "SesEvents", "Reconcile"]) {
      expect(vars(name).SST_Secret_value_BOT_CHECK_SECRET, name).toBeUndefined();
    }
    expect(ssmReads("ApiHandler")).toContain("/sst/interview-debrief/prod/Secret/BOT_CHECK_SECRET/value");
    expect(ssmReads("ApiHandler")).toContain("/sst/interview-debrief/.fallback/Secret/BOT_CHECK_SECRET/value");
    for (const s of all("AWS::IAM::Policy").flatMap(
      (p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
    )) {
      if (JSON.stringify(s.Action).includes("ssm:")) expect(JSON.stringify(s.Resource)).not.toContain("*");
    }
  });

  it("passes cdk-nag with nothing unsuppressed", () => {
    expect(synth.findings()).toEqual([]);
  });
});
