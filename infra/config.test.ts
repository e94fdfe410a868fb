import { describe, expect, it } from "vitest";
import { loadStageConfig, StageConfigError } from "./config";

const OFFLINE = { offlineSynthesis: true };
const CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e-aaaa-bbbb-cccc-0123456789ab";
const PRODUCTION = {
  DEBRIEF_SES_DOMAIN: "careers.example.edu",
  DEBRIEF_PUBLIC_URL: "https://debrief.careers.example.edu/",
  DEBRIEF_ALARM_EMAIL: "ops@example.edu",
  DEBRIEF_API_DOMAIN: "debrief.careers.example.edu",
  DEBRIEF_API_CERTIFICATE_ARN: CERTIFICATE,
};
/** A throwaway stage deployed for real: its own SES subdomain, the API's default endpoint as its public URL. */
const THROWAWAY = {
  DEBRIEF_SES_DOMAIN: "pr-42.dev.example.edu",
  DEBRIEF_PUBLIC_URL: "https://abc123.execute-api.eu-west-1.amazonaws.com",
  DEBRIEF_ALARM_EMAIL: "dev@example.edu",
};

const messageOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(StageConfigError);
    return (e as Error).message;
  }
  throw new Error("Expected the stage config to be refused");
};

describe("loadStageConfig", () => {
  it("gives a throwaway stage placeholders only for an offline synthesis", () => {
    const c = loadStageConfig("pr-42", {}, OFFLINE);
    expect(c).toMatchObject({ production: false, sesDomain: "example.com", fromAddress: "debrief@example.com" });
    expect(c.retentionDays).toBe(180);
  });

  it("requires the SES domain, public URL and alarm address of every stage a real deploy builds", () => {
    for (const stage of ["pr-42", "dev", "prod"]) {
      const message = messageOf(() => loadStageConfig(stage, {}));
      for (const name of ["DEBRIEF_SES_DOMAIN", "DEBRIEF_PUBLIC_URL", "DEBRIEF_ALARM_EMAIL"]) {
        expect(message, stage).toContain(`${name}: required`);
      }
      // Says why a placeholder domain would not do: one identity per domain per account and region.
      expect(message).toMatch(/unique per account and region.*own domain or subdomain/);
    }
    const c = loadStageConfig("pr-42", THROWAWAY);
    expect(c).toMatchObject({ sesDomain: "pr-42.dev.example.edu", fromAddress: "debrief@pr-42.dev.example.edu" });
  });

  it("names every missing value on a production stage, even offline", () => {
    const message = messageOf(() => loadStageConfig("prod", {}, OFFLINE));
    for (const name of ["DEBRIEF_SES_DOMAIN", "DEBRIEF_PUBLIC_URL", "DEBRIEF_ALARM_EMAIL"])
      expect(message).toContain(name);
    expect(() => loadStageConfig("production", { ...PRODUCTION, DEBRIEF_ALARM_EMAIL: "" })).toThrow(
      /DEBRIEF_ALARM_EMAIL/,
    );
  });

  it("reads a production stage's values, derives the sender and the CORS allow-list", () => {
    const c = loadStageConfig("prod", {
      ...PRODUCTION,
      DEBRIEF_CORS_ORIGINS: "https://careers.example.edu, https://portal.example.edu/apply",
      DEBRIEF_RETENTION_DAYS: "90",
    });
    expect(c).toMatchObject({
      production: true,
      fromAddress: "debrief@careers.example.edu",
      publicUrl: "https://debrief.careers.example.edu",
      retentionDays: 90,
      corsOrigins: ["https://debrief.careers.example.edu", "https://careers.example.edu", "https://portal.example.edu"],
      apiDomain: { name: "debrief.careers.example.edu", certificateArn: CERTIFICATE },
    });
  });

  it("refuses a production stage whose public URL no deployed resource serves, and says what to set", () => {
    const { DEBRIEF_API_DOMAIN: _, DEBRIEF_API_CERTIFICATE_ARN: __, ...withoutDomain } = PRODUCTION;
    expect(messageOf(() => loadStageConfig("prod", withoutDomain))).toContain(
      "DEBRIEF_PUBLIC_URL (https://debrief.careers.example.edu) is served by nothing this stage deploys: set " +
        "DEBRIEF_API_DOMAIN=debrief.careers.example.edu and DEBRIEF_API_CERTIFICATE_ARN=",
    );
    expect(
      messageOf(() => loadStageConfig("prod", { ...PRODUCTION, DEBRIEF_PUBLIC_URL: "https://careers.example.edu" })),
    ).toContain(
      "DEBRIEF_PUBLIC_URL (https://careers.example.edu) is not on DEBRIEF_API_DOMAIN (debrief.careers.example.edu)" +
        ", the only host this stage serves: set DEBRIEF_PUBLIC_URL=https://debrief.careers.example.edu or " +
        "DEBRIEF_API_DOMAIN=careers.example.edu",
    );
    for (const url of ["https://debrief.careers.example.edu/app", "http://debrief.careers.example.edu"]) {
      expect(messageOf(() => loadStageConfig("prod", { ...PRODUCTION, DEBRIEF_PUBLIC_URL: url }))).toContain(
        "must be https://debrief.careers.example.edu, with no port or path",
      );
    }
    // The same match holds on any stage that has a custom domain.
    expect(() =>
      loadStageConfig("dev", {
        ...THROWAWAY,
        DEBRIEF_API_DOMAIN: "api.example.edu",
        DEBRIEF_API_CERTIFICATE_ARN: CERTIFICATE,
      }),
    ).toThrow(
      /DEBRIEF_PUBLIC_URL \(https:\/\/abc123\.execute-api.*\) is not on DEBRIEF_API_DOMAIN \(api\.example\.edu\)/,
    );
    // Host names compare without case.
    expect(
      loadStageConfig("prod", { ...PRODUCTION, DEBRIEF_API_DOMAIN: "Debrief.Careers.Example.edu" }).apiDomain?.name,
    ).toBe("debrief.careers.example.edu");
  });

  it("puts a production stage behind the edge with its web ACL, a us-east-1 certificate and the origin header's secret", () => {
    const WEB_ACL = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/prod-edge/0b1c2d3e-aaaa-bbbb-cccc-0123456789ab";
    const EDGE_CERTIFICATE = CERTIFICATE.replace("eu-west-1", "us-east-1");
    const { DEBRIEF_API_CERTIFICATE_ARN: _regional, ...edgeOnly } = PRODUCTION;
    const edge = {
      ...edgeOnly,
      DEBRIEF_EDGE_WEB_ACL_ARN: WEB_ACL,
      DEBRIEF_EDGE_CERTIFICATE_ARN: EDGE_CERTIFICATE,
      DEBRIEF_EDGE_ORIGIN_SECRET: "s".repeat(40),
    };
    const config = loadStageConfig("prod", edge);
    expect(config.edge).toEqual({ webAclArn: WEB_ACL, originSecret: "s".repeat(40) });
    expect(config.apiDomain).toEqual({ name: "debrief.careers.example.edu", certificateArn: EDGE_CERTIFICATE });
    expect(config.edgeFirewall).toBe(false);
    expect(loadStageConfig("prod", { ...edge, DEBRIEF_EDGE_FIREWALL: "true" }).edgeFirewall).toBe(true);

    expect(messageOf(() => loadStageConfig("prod", { ...edge, DEBRIEF_EDGE_ORIGIN_SECRET: undefined }))).toContain(
      "DEBRIEF_EDGE_WEB_ACL_ARN needs DEBRIEF_EDGE_ORIGIN_SECRET",
    );
    expect(messageOf(() => loadStageConfig("prod", { ...edge, DEBRIEF_EDGE_ORIGIN_SECRET: "short" }))).toContain(
      "DEBRIEF_EDGE_ORIGIN_SECRET: At least 32 characters",
    );
    expect(messageOf(() => loadStageConfig("prod", { ...edge, DEBRIEF_EDGE_CERTIFICATE_ARN: CERTIFICATE }))).toContain(
      "DEBRIEF_EDGE_CERTIFICATE_ARN: Must be an ACM certificate ARN in us-east-1",
    );
    expect(messageOf(() => loadStageConfig("prod", { ...edge, DEBRIEF_EDGE_CERTIFICATE_ARN: undefined }))).toContain(
      "DEBRIEF_API_DOMAIN and DEBRIEF_EDGE_CERTIFICATE_ARN (in us-east-1) go together",
    );
    expect(
      messageOf(() =>
        loadStageConfig("prod", { ...edge, DEBRIEF_EDGE_WEB_ACL_ARN: WEB_ACL.replace("global", "regional") }),
      ),
    ).toContain("DEBRIEF_EDGE_WEB_ACL_ARN: Must be a CLOUDFRONT web ACL ARN");
  });

  it("refuses a sender outside the SES domain, naming both values", () => {
    for (const from of ["debrief@other.example.org", "debrief@mail.careers.example.edu"]) {
      expect(messageOf(() => loadStageConfig("prod", { ...PRODUCTION, DEBRIEF_FROM_ADDRESS: from }))).toContain(
        `DEBRIEF_FROM_ADDRESS (${from}) is outside DEBRIEF_SES_DOMAIN (careers.example.edu)`,
      );
    }
    expect(
      loadStageConfig("prod", { ...PRODUCTION, DEBRIEF_FROM_ADDRESS: "Advice@Careers.Example.EDU" }).fromAddress,
    ).toBe("Advice@Careers.Example.EDU");
  });

  it("validates the API's tunable settings with the function's own schemas, defaults included", () => {
    expect(loadStageConfig("pr-42", THROWAWAY).apiSettings).toEqual({
      NUDGE_HOUR: "9",
      NUDGE_AFTER_DAYS: "1",
      TIPS_AFTER_DAYS: "1",
      RATE_LIMIT_PER_ADDRESS_PER_DAY: "3",
      RATE_LIMIT_PER_IP_PER_HOUR: "60",
      FORM_MIN_FILL_SECONDS: "3",
    });
    const c = loadStageConfig("pr-42", {
      ...THROWAWAY,
      DEBRIEF_NUDGE_HOUR: "8",
      DEBRIEF_RATE_LIMIT_PER_IP_PER_HOUR: "120",
    });
    expect(c.apiSettings).toMatchObject({ NUDGE_HOUR: "8", RATE_LIMIT_PER_IP_PER_HOUR: "120" });
    const message = messageOf(() =>
      loadStageConfig("pr-42", {
        ...THROWAWAY,
        DEBRIEF_NUDGE_HOUR: "24",
        DEBRIEF_TIPS_AFTER_DAYS: "soon",
        DEBRIEF_RATE_LIMIT_PER_ADDRESS_PER_DAY: "0",
      }),
    );
    for (const name of ["DEBRIEF_NUDGE_HOUR", "DEBRIEF_TIPS_AFTER_DAYS", "DEBRIEF_RATE_LIMIT_PER_ADDRESS_PER_DAY"]) {
      expect(message).toContain(name);
    }
  });

  it("refuses bad values with the variable's name", () => {
    expect(() => loadStageConfig("prod", { ...PRODUCTION, DEBRIEF_RETENTION_DAYS: "0" })).toThrow(
      /DEBRIEF_RETENTION_DAYS/,
    );
    expect(() => loadStageConfig("dev", { DEBRIEF_CORS_ORIGINS: "not a url" }, OFFLINE)).toThrow(
      /DEBRIEF_CORS_ORIGINS/,
    );
    expect(() => loadStageConfig("dev", { DEBRIEF_API_DOMAIN: "api.example.com" }, OFFLINE)).toThrow(
      /DEBRIEF_API_CERTIFICATE_ARN/,
    );
  });
});
