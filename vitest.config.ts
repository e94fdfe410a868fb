import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The browser scripts (`*.client.js`) are served as text, as esbuild's text loader bundles them for Lambda.
  plugins: [
    {
      name: "client-scripts-as-text",
      enforce: "pre",
      load(id) {
        const file = id.split("?")[0] ?? id;
        return file.endsWith(".client.js")
          ? `export default ${JSON.stringify(readFileSync(file, "utf8"))};`
          : undefined;
      },
    },
  ],
  test: {
    include: [
      "packages/*/src/**/*.test.{ts,tsx}",
      "emails/src/**/*.test.{ts,tsx}",
      "infra/**/*.test.ts",
      "tests/**/*.test.{ts,tsx}",
      "scripts/**/*.test.ts",
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
