import type { SSTConfig } from "sst";

export default {
  config() {
    return { name: "interview-debrief", region: process.env.AWS_REGION ?? "eu-west-1" };
  },
  async stacks(app) {
    // SST bundles this file with every dependency in package.json left external, so Node itself
    // loads @debrief/infra and the workspace packages it imports, which are TypeScript: tsx's
    // loader, registered first, lets it (as `pnpm synth` and the tests run under tsx and vitest).
    const { register } = await import("tsx/esm/api");
    register();
    const { stacks } = await import("@debrief/infra/stacks");
    stacks(app);
  },
} satisfies SSTConfig;
