import { join } from "node:path";
import { App } from "sst/constructs";
import { initProject } from "sst/project.js";
import { load as loadSstConfig } from "sst/stacks/build.js";
import { beforeAll, describe, expect, it } from "vitest";
import { APP_NAME, REGION } from "./synth";

describe("sst.config.ts (what `sst deploy` runs)", () => {
  // SST's App needs its project, which a synthesis would otherwise have set up.
  beforeAll(() => initProject({ stage: "test" }));

  it("refuses a stage without its own SES domain, public URL and alarm address: no placeholder outside offline synthesis", async () => {
    // Loaded as `sst deploy` loads it: bundled by SST with every dependency left external, then imported by Node.
    const [, sstConfig] = await loadSstConfig(join(process.cwd(), "sst.config.ts"));
    const app = new App({ mode: "deploy", stage: "test", name: APP_NAME, region: REGION });
    const saved = Object.entries(process.env).filter(([k]) => k.startsWith("DEBRIEF_"));
    for (const [k] of saved) delete process.env[k];
    try {
      await expect(sstConfig.stacks(app)).rejects.toThrow(
        /DEBRIEF_SES_DOMAIN: required.*DEBRIEF_PUBLIC_URL: required.*DEBRIEF_ALARM_EMAIL: required/,
      );
    } finally {
      Object.assign(process.env, Object.fromEntries(saved));
    }
    expect(app.node.children).toHaveLength(0);
  });
});
