/**
 * Every stack as `sst deploy` synthesizes it, offline, and the functions' code assets copied
 * out of the assembly: what `pnpm synth` writes (scripts/synth.ts), what the local stack's
 * bundled mode and the bundle tests run, and what the infra tests read.
 *
 * `sst build` cannot do this offline: it asks STS for the account (and the CDK
 * bootstrap bucket) first. SST skips those look-ups in its test mode
 * (NODE_ENV=test), which changes nothing in the templates of a build without
 * sourcemaps; the account and region in them stay unresolved (`my-account`).
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { App } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import { loadStageConfig, type StageConfig } from "./config";
import { stacks } from "./stacks";

/** A deployed function as its template describes it, with its code asset copied beside. */
export type SynthesizedFunction = {
  /** The construct id (the logical id without CDK's hash): Api, SendEmail, RecordFailure, … */
  name: string;
  stack: string;
  /** The asset's folder under the functions dir (Lambda's /var/task). */
  dir: string;
  /** The template's Handler: `<file without extension>.<export>`. */
  handler: string;
  runtime: string;
  timeoutSeconds: number;
  memoryMb: number;
  /** The template's variables; tokens (Fn::ImportValue, Ref…) left as they are. */
  environment: Record<string, unknown>;
};

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

/**
 * Every stack as `sst deploy` synthesizes it, offline. Nothing is deployed: a throwaway
 * stage may synthesize with placeholders for what it does not set. The infra tests pass
 * their own stage config.
 */
export async function synthesize(stage: string, config?: StageConfig) {
  process.env.NODE_ENV = "test";
  await initProject({ stage });
  const { name, region } = useProject().config;
  const app = new App({ mode: "deploy", stage, name, region });
  stacks(app, config ?? loadStageConfig(stage, process.env, { offlineSynthesis: true }));
  await app.finish();
  return app.synth();
}

type Assembly = Awaited<ReturnType<typeof synthesize>>;

/** Copies every (non-SST) Lambda function's code asset to `outDir` and writes functions.json. */
export function copyFunctions(assembly: Assembly, outDir: string): SynthesizedFunction[] {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const functions: SynthesizedFunction[] = [];
  for (const s of assembly.stacks) {
    const template = s.template as Template;
    for (const [logicalId, r] of Object.entries(template.Resources)) {
      const p = r.Properties ?? {};
      // SST's own deploy-time custom resource is not ours to run.
      if (r.Type !== "AWS::Lambda::Function" || logicalId.startsWith("CustomResourceHandler")) continue;
      const key = String((p.Code as { S3Key?: unknown } | undefined)?.S3Key ?? "");
      const hash = key.replace(/\.zip$/, "");
      // The asset manifest's source for the code that deploy zips (key = its content hash).
      const asset = join(assembly.directory, `asset.${hash}`);
      if (!hash || !existsSync(asset)) throw new Error(`No code asset for ${logicalId} (${key})`);
      const fnName = logicalId.replace(/[0-9A-F]{8}$/, "");
      cpSync(asset, join(outDir, fnName), { recursive: true });
      functions.push({
        name: fnName,
        stack: s.stackName,
        dir: fnName,
        handler: String(p.Handler),
        runtime: String(p.Runtime),
        timeoutSeconds: Number(p.Timeout ?? 3),
        memoryMb: Number(p.MemorySize ?? 128),
        environment: (p.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {},
      });
    }
  }
  writeFileSync(join(outDir, "functions.json"), `${JSON.stringify(functions, null, 2)}\n`);
  return functions;
}
