import { describe, expect, it } from "vitest";
import { config, testStageTemplates } from "./template";

const { synth, all } = testStageTemplates();

describe("API", () => {
  it("is an HTTP API throttled by default, with CORS limited to the configured origins", () => {
    const [api] = all("AWS::ApiGatewayV2::Api");
    expect(api?.Properties).toMatchObject({
      ProtocolType: "HTTP",
      CorsConfiguration: {
        AllowOrigins: config.corsOrigins,
        AllowMethods: ["GET", "POST"],
        // A browser client may retry with a key, call the admin API, and read when to retry and whether it replayed.
        AllowHeaders: ["content-type", "idempotency-key", "authorization"],
        ExposeHeaders: ["retry-after", "idempotent-replayed"],
      },
    });
    expect(config.corsOrigins).toEqual(["https://debrief.example.com"]);
    const [stage] = all("AWS::ApiGatewayV2::Stage");
    expect(stage?.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 50 });
  });

  it("logs access without caller IPs, user agents or paths (a page token is in the path)", () => {
    const [stage] = all("AWS::ApiGatewayV2::Stage");
    const format = (stage?.Properties.AccessLogSettings as { Format: string } | undefined)?.Format ?? "";
    expect(JSON.parse(format)).toHaveProperty("status");
    expect(format).not.toMatch(/sourceIp|userAgent|\$context\.path/);
  });

  it("has no custom domain unless one is configured, and then keeps its default endpoint", () => {
    expect(all("AWS::ApiGatewayV2::DomainName")).toHaveLength(0);
    expect(all("AWS::ApiGatewayV2::Api")[0]?.Properties.DisableExecuteApiEndpoint).toBe(false);
    expect(JSON.stringify(synth().template("Api").Outputs)).not.toContain("apiDomainTarget");
  });
});
