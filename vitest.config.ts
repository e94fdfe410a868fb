import { readFileSync } from "node:fs";
import { clientScripts } from "@debrief/infra/client-scripts";
import { configDefaults, defineConfig } from "vitest/config";

const BESIDE_THE_MODULES = [
  "packages/*/src/**/*.test.{ts,tsx}",
  "emails/src/**/*.test.{ts,tsx}",
  "infra/**/*.test.ts",
  "scripts/**/*.test.ts",
];
/** Beside their modules but slow: harper.js (a 16 MB WebAssembly grammar checker) reading every persona's text. */
const SLOW_BESIDE_THE_MODULES = ["emails/src/grammar.test.ts", "packages/testkit/src/grammar.test.ts"];

export default defineConfig({
  // The browser scripts load as their text, as in the Lambda bundles (@debrief/infra/client-scripts).
  plugins: [
    {
      name: "client-scripts-as-text",
      enforce: "pre",
      load(id) {
        const file = id.split("?")[0] ?? id;
        return clientScripts.matches(file) ? clientScripts.module(readFileSync(file, "utf8")) : undefined;
      },
    },
  ],
  test: {
    // Two lanes: `pnpm test:fast` runs the fast project alone, `pnpm test` (CI) both.
    projects: [
      {
        extends: true,
        test: {
          // The tests beside the modules: pure logic, the HTTP app on in-memory ports, their contract with the
          // DynamoDB adapters (dynalite in process), the templates' golden files.
          name: "fast",
          include: BESIDE_THE_MODULES,
          exclude: [...configDefaults.exclude, ...SLOW_BESIDE_THE_MODULES],
          // Each file builds its own app and ports, so the files of one worker share its loaded modules:
          // importing them again for every file was two-thirds of the lane's time.
          isolate: false,
          // Every core (vitest leaves one free by default: on two cores, one file at a time).
          maxWorkers: "100%",
          // Projects with their own worker counts run one after the other: this lane first.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          // The local stack's emulators, the deployed bundles on Node 22, Chromium, the synthesized stacks,
          // and the grammar checker over every persona's letter and emails.
          name: "whole",
          include: ["tests/**/*.test.{ts,tsx}", ...SLOW_BESIDE_THE_MODULES],
          sequence: { groupOrder: 1 },
        },
      },
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
