import { describe, expect, it } from "vitest";
import { loadStageConfig, StageConfigError } from "./config";

const PRODUCTION = {
  DEBRIEF_SES_DOMAIN: "careers.example.edu",
  DEBRIEF_PUBLIC_URL: "https://debrief.careers.example.edu/",
  DEBRIEF_ALARM_EMAIL: "ops@example.edu",
};

describe("loadStageConfig", () => {
  it("gives throwaway stages harmless placeholders", () => {
    const c = loadStageConfig("pr-42", {});
    expect(c).toMatchObject({ production: false, sesDomain: "example.com", fromAddress: "debrief@example.com" });
    expect(c.retentionDays).toBe(180);
  });

  it("names every missing value on a production stage", () => {
    expect(() => loadStageConfig("prod", {})).toThrow(StageConfigError);
    const message = (() => {
      try {
        loadStageConfig("prod", {});
      } catch (e) {
        return (e as Error).message;
      }
    })();
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
    });
  });

  it("refuses bad values with the variable's name", () => {
    expect(() => loadStageConfig("prod", { ...PRODUCTION, DEBRIEF_RETENTION_DAYS: "0" })).toThrow(
      /DEBRIEF_RETENTION_DAYS/,
    );
    expect(() => loadStageConfig("dev", { DEBRIEF_CORS_ORIGINS: "not a url" })).toThrow(/DEBRIEF_CORS_ORIGINS/);
    expect(() => loadStageConfig("dev", { DEBRIEF_API_DOMAIN: "api.example.com" })).toThrow(
      /DEBRIEF_API_CERTIFICATE_ARN/,
    );
  });
});
