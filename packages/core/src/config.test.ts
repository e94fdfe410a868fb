import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, pendingSstSecrets, SST_SECRET_PLACEHOLDER } from "./config";

describe("loadConfig", () => {
  it("reads SST Config parameters bound to the function by their plain names", () => {
    const c = loadConfig({
      TABLE_NAME: "prod-debriefs",
      SST_Parameter_value_FROM_ADDRESS: "debrief@careers.example.edu",
      SST_Parameter_value_PUBLIC_URL: "https://debrief.careers.example.edu/",
      SST_Parameter_value_RETENTION_DAYS: "90",
    });
    expect(c).toMatchObject({
      tableName: "prod-debriefs",
      fromAddress: "debrief@careers.example.edu",
      publicUrl: "https://debrief.careers.example.edu",
      retentionDays: 90,
    });
  });

  it("reads the API's tunable settings bound as SST parameters, and refuses bad ones by name", () => {
    const bound = {
      TABLE_NAME: "t",
      SST_Parameter_value_FROM_ADDRESS: "debrief@example.edu",
      SST_Parameter_value_PUBLIC_URL: "https://x.example",
      SST_Parameter_value_NUDGE_HOUR: "8",
      SST_Parameter_value_NUDGE_AFTER_DAYS: "2",
      SST_Parameter_value_TIPS_AFTER_DAYS: "3",
      SST_Parameter_value_RATE_LIMIT_PER_ADDRESS_PER_DAY: "2",
      SST_Parameter_value_RATE_LIMIT_PER_IP_PER_HOUR: "120",
      SST_Parameter_value_FORM_MIN_FILL_SECONDS: "5",
    };
    const c = loadConfig(bound);
    expect(c.schedule).toEqual({ nudgeHour: 8, nudgeAfterDays: 2, tipsAfterDays: 3 });
    expect(c.abuse).toMatchObject({ rateLimits: { perAddressPerDay: 2, perIpPerHour: 120 }, formMinFillSeconds: 5 });
    expect(() => loadConfig({ ...bound, SST_Parameter_value_NUDGE_HOUR: "24" })).toThrow(/NUDGE_HOUR/);
  });

  it("reads a bound SST secret once its value replaced the placeholder, and refuses to start before", () => {
    const env = {
      TABLE_NAME: "t",
      SST_Parameter_value_FROM_ADDRESS: "debrief@example.edu",
      SST_Parameter_value_PUBLIC_URL: "https://x.example",
      SST_Parameter_value_BOT_CHECK_SITE_KEY: "site-key",
      SST_Secret_value_BOT_CHECK_SECRET: SST_SECRET_PLACEHOLDER,
    };
    expect(pendingSstSecrets(env)).toEqual(["BOT_CHECK_SECRET"]);
    expect(() => loadConfig(env)).toThrow(/BOT_CHECK_SECRET/);
    const fetched = { ...env, SST_Secret_value_BOT_CHECK_SECRET: "s3cret" };
    expect(pendingSstSecrets(fetched)).toEqual([]);
    expect(loadConfig(fetched).abuse.botCheck).toMatchObject({ secret: "s3cret", siteKey: "site-key" });
  });

  it("names the missing value", () => {
    expect(() => loadConfig({ TABLE_NAME: "t", SST_Parameter_value_PUBLIC_URL: "https://x.example" })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ TABLE_NAME: "t", SST_Parameter_value_PUBLIC_URL: "https://x.example" })).toThrow(
      /FROM_ADDRESS/,
    );
  });
});
