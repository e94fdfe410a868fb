import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.{ts,tsx}",
      "emails/src/**/*.test.{ts,tsx}",
      "infra/**/*.test.ts",
      "tests/**/*.test.{ts,tsx}",
    ],
    // Integration tests start real emulators; each file gets its own process and ports.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // CI asks for a JSON report too, to print the totals line it counts.
    reporters: process.env.VITEST_JSON_REPORT ? ["default", "json"] : ["default"],
    outputFile: process.env.VITEST_JSON_REPORT ? { json: process.env.VITEST_JSON_REPORT } : undefined,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", POWERTOOLS_LOG_LEVEL: "WARN" },
  },
});
