import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

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

  it("names the missing value", () => {
    expect(() => loadConfig({ TABLE_NAME: "t", SST_Parameter_value_PUBLIC_URL: "https://x.example" })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ TABLE_NAME: "t", SST_Parameter_value_PUBLIC_URL: "https://x.example" })).toThrow(
      /FROM_ADDRESS/,
    );
  });
});
