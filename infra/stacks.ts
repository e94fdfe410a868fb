import type { App } from "sst/constructs";
import { Api } from "./api";
import { Email } from "./email";
import { Storage } from "./storage";
import { Workflow } from "./workflow";

/** Every stack, in dependency order; called by sst.config.ts and by the infra tests. */
export function stacks(app: App) {
  app.setDefaultFunctionProps({ runtime: "nodejs22.x", architecture: "arm_64" });
  app.stack(Storage).stack(Email).stack(Workflow).stack(Api);
}
