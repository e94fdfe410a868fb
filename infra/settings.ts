import type { App } from "sst/constructs";

/** Stages whose data must survive a mistaken `sst remove`. */
export const isProductionStage = (app: App) => app.stage === "prod" || app.stage === "production";

/** Shared defaults of every Lambda: Node 22 on arm64, bundled and minified with the SDK clients it uses. */
export const lambdaDefaults = {
  runtime: "nodejs22.x",
  architecture: "arm_64",
  memorySize: "512 MB",
  logRetention: "one_month",
  nodejs: { format: "esm", minify: true, sourcemap: false },
} as const;
