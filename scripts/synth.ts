/**
 * `pnpm synth [--stage <name>] [--functions <dir>]`: writes the CloudFormation
 * templates of every stack to `cdk.out/<stage>/` without AWS credentials, through
 * the same path as `sst deploy` (SST's App in deploy mode, the shared `stacks()`
 * function, every Lambda bundled) and the infra tests. cdk-nag runs on the way;
 * any unsuppressed finding fails the command. Only here (and in the infra tests) may a
 * throwaway stage leave DEBRIEF_SES_DOMAIN, DEBRIEF_PUBLIC_URL and DEBRIEF_ALARM_EMAIL unset.
 *
 * With `--functions <dir>` it also copies each Lambda function's code asset (what
 * `sst deploy` zips and uploads) to `<dir>/<function>/` and describes the functions
 * in `<dir>/functions.json` (handler, runtime, environment as in the template): the
 * local stack's bundled mode and the bundle tests run exactly those files.
 *
 * `sst build` cannot do this offline: it asks STS for the account (and the CDK
 * bootstrap bucket) first. SST skips those look-ups in its test mode
 * (NODE_ENV=test), which changes nothing in the templates of a build without
 * sourcemaps; the account and region in them stay unresolved (`my-account`).
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { App } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import { loadStageConfig, type StageConfig } from "../infra/config";
import { stacks } from "../infra/stacks";

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

async function main() {
  const option = (name: string) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const stage = process.argv.includes("--stage") ? option("--stage") : (process.env.STAGE ?? "dev");
  if (!stage) throw new Error("Usage: pnpm synth [--stage <name>] [--functions <dir>]");

  const assembly = await synthesize(stage);
  const out = resolve("cdk.out", stage);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const s of assembly.stacks) cpSync(join(assembly.directory, s.templateFile), join(out, s.templateFile));
  const functionsDir = option("--functions");
  if (functionsDir) copyFunctions(assembly, resolve(functionsDir));
  rmSync(assembly.directory, { recursive: true, force: true });

  const findings = assembly.stacks.flatMap((s) =>
    s.messages
      .filter((m) => m.level !== "info")
      .map((m) => `${m.level} ${m.id}: ${String(m.entry.data).split("\n")[0]}`),
  );
  for (const s of assembly.stacks) console.log(`${join("cdk.out", stage, s.templateFile)}`);
  if (functionsDir) console.log(`${resolve(functionsDir, "functions.json")}`);
  if (findings.length) {
    console.error(`\n${findings.length} finding(s):\n${findings.join("\n")}`);
    process.exit(1);
  }
  console.log(`\n${assembly.stacks.length} stacks synthesized for stage "${stage}"; cdk-nag: no unsuppressed finding.`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) await main();
