import { Aspects } from "aws-cdk-lib";
import { AwsSolutionsChecks, ServerlessChecks } from "cdk-nag";
import type { App } from "sst/constructs";
import { Alarms } from "./alarms";
import { Api } from "./api";
import { loadStageConfig, type StageConfig, setStageConfig } from "./config";
import { Digest } from "./digest";
import { Edge, EdgeFirewall } from "./edge";
import { Email } from "./email";
import { suppressNagFindings } from "./nag";
import { Operations } from "./operations";
import { Storage } from "./storage";
import { Workflow } from "./workflow";

/**
 * Every stack, in dependency order; called by sst.config.ts, `pnpm synth` and the
 * infra tests. cdk-nag's AwsSolutions and Serverless packs check every synthesis:
 * an unsuppressed finding is an error annotation on the stack. Without a config
 * (sst.config.ts, so every real deploy) the stage's settings come from the
 * environment with no placeholders; `pnpm synth` and the infra tests pass one
 * loaded for an offline synthesis.
 */
export function stacks(app: App, config: StageConfig = loadStageConfig(app.stage)) {
  setStageConfig(app, config);
  app.setDefaultFunctionProps({ runtime: "nodejs22.x", architecture: "arm_64" });
  // The edge's web ACL is a deploy of its own, in us-east-1 (edge.ts); its ARN then turns the edge on.
  if (config.edgeFirewall) app.stack(EdgeFirewall);
  else {
    app.stack(Storage).stack(Email).stack(Workflow).stack(Api);
    if (config.edge) app.stack(Edge);
    app.stack(Operations).stack(Digest).stack(Alarms);
  }
  suppressNagFindings(app);
  Aspects.of(app).add(new AwsSolutionsChecks());
  Aspects.of(app).add(new ServerlessChecks());
}
