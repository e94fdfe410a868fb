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
