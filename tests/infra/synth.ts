import { cpSync, rmSync } from "node:fs";
import { loadStageConfig, type StageConfig } from "@debrief/infra/config";
import { builtOncePerSources } from "@debrief/local/build-cache";
import { CloudAssembly } from "aws-cdk-lib/cx-api";

export const APP_NAME = "interview-debrief";
export const REGION = "eu-west-1";

type CfnTemplate = {
  Resources: Record<
    string,
    { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string }
  >;
  Outputs?: Record<string, unknown>;
};

export type Synthesized = ReturnType<typeof synthesizedView>;

/**
 * Synthesizes every stack the way `sst deploy` does, through `pnpm synth`'s own
 * `synthesize` (SST's App in deploy mode, the shared `stacks()` function, every Lambda
 * bundled), without AWS, and reads the assembly back.
 */
export async function synthesize(stage = "test", config?: StageConfig): Promise<Synthesized> {
  const { synthesize: synthesizeStacks } = await import("@debrief/infra/synth");
  const assembly = await synthesizeStacks(stage, config ?? loadStageConfig(stage, {}, { offlineSynthesis: true }));
  return synthesizedView(assembly, stage, () => rmSync(assembly.directory, { recursive: true, force: true }));
}

/**
 * The test stage, as `synthesize("test")` makes it, built once per state of the sources and
 * kept (@debrief/local/build-cache): the infra test files, one concern each, read the same
 * synthesis instead of each bundling every function again. Nothing to dispose.
 */
export async function synthesizedTestStage(): Promise<Synthesized> {
  const dir = await builtOncePerSources("infra-synth", async (building) => {
    // SST and the stacks load only to build: a file reading a kept synthesis does without them.
    const { synthesize: synthesizeStacks } = await import("@debrief/infra/synth");
    const assembly = await synthesizeStacks("test", loadStageConfig("test", {}, { offlineSynthesis: true }));
    cpSync(assembly.directory, building, { recursive: true });
    rmSync(assembly.directory, { recursive: true, force: true });
  });
  return synthesizedView(new CloudAssembly(dir), "test", () => undefined);
}

function synthesizedView(assembly: CloudAssembly, stage: string, dispose: () => void) {
  const byName = (name: string) => assembly.getStackByName(`${stage}-${APP_NAME}-${name}`);
  return {
    directory: assembly.directory,
    stackNames: assembly.stacks.map((s) => s.stackName),
    template: (name: string) => byName(name).template as CfnTemplate,
    /** cdk-nag findings and other warnings/errors the synthesis attached to each stack. */
    findings: () =>
      assembly.stacks.flatMap((s) =>
        s.messages
          .filter((m) => m.level !== "info")
          .map((m) => ({ stack: s.stackName, level: m.level, path: m.id, message: String(m.entry.data) })),
      ),
    dispose,
  };
}

/** Every resource of a type in a template. */
export function resourcesOf(template: CfnTemplate, type: string) {
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Type === type)
    .map(([logicalId, r]) => ({ logicalId, ...r, Properties: r.Properties ?? {} }));
}

export const LOCAL_FUNCTION_ARN = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

/**
 * The state machine's Amazon States Language, read out of the synthesized
 * template: `Fn::Join` is joined, and each function's `Fn::GetAtt Arn` becomes a
 * local ARN named after the function's construct id (its logical id without CDK's hash).
 */
export function extractDefinition(template: CfnTemplate, machineId = "DebriefWorkflow"): Record<string, unknown> {
  const machine = resourcesOf(template, "AWS::StepFunctions::StateMachine").find((m) =>
    m.logicalId.startsWith(machineId),
  );
  if (!machine) throw new Error("No state machine in the template");
  const resolve = (value: unknown): string => {
    if (typeof value === "string") return value;
    const v = value as Record<string, unknown>;
    if (Array.isArray(v["Fn::Join"])) {
      const [sep, parts] = v["Fn::Join"] as [string, unknown[]];
      return parts.map(resolve).join(sep);
    }
    if (Array.isArray(v["Fn::GetAtt"])) {
      const [logicalId, attribute] = v["Fn::GetAtt"] as [string, string];
      if (attribute === "Arn" && template.Resources[logicalId]?.Type === "AWS::Lambda::Function") {
        return LOCAL_FUNCTION_ARN(logicalId.replace(/[0-9A-F]{8}$/, ""));
      }
    }
    if (v.Ref === "AWS::Partition") return "aws";
    throw new Error(`Cannot resolve ${JSON.stringify(value)} in the definition`);
  };
  return JSON.parse(resolve(machine.Properties.DefinitionString));
}
