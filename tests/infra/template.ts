import { loadStageConfig } from "@debrief/infra/config";
import { beforeAll } from "vitest";
import { resourcesOf, type Synthesized, synthesizedTestStage } from "./synth";

/** The throwaway stage's settings, as the stacks read them. */
export const config = loadStageConfig("test", {}, { offlineSynthesis: true });
/** Our handlers (SST adds one CustomResourceHandler per stack for its own metadata). */
export const FUNCTIONS = [
  "ApiHandler",
  "SendEmail",
  "RecordFailure",
  "SesEvents",
  "Reconcile",
  "RepairSends",
  "Sweep",
  "Redrive",
  "WeeklyDigest",
];
export const LAMBDA_SERVICE_ERRORS = [
  "Lambda.ServiceException",
  "Lambda.AWSLambdaException",
  "Lambda.SdkClientException",
  "Lambda.TooManyRequestsException",
];

export type Statement = {
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};
export type State = {
  Type: string;
  Next?: string;
  End?: boolean;
  Resource?: string;
  TimeoutSeconds?: number;
  Parameters?: Record<string, unknown>;
  Retry?: { ErrorEquals: string[]; MaxAttempts?: number; BackoffRate?: number; JitterStrategy?: string }[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
};

export const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
export const resources = (s: Statement) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);

/**
 * The test stage's templates, for the test file that calls this (before its tests): read from
 * the one synthesis every infra test file shares (synth.ts `synthesizedTestStage`).
 */
export function testStageTemplates() {
  let synthesized: Synthesized | undefined;
  beforeAll(async () => {
    synthesized = await synthesizedTestStage();
  }, 600_000);
  const synth = () => {
    if (!synthesized) throw new Error("The test stage is read before the tests run");
    return synthesized;
  };
  const all = (type: string) =>
    synth().stackNames.flatMap((n) => resourcesOf(synth().template(n.split("-").pop() ?? ""), type));
  const ours = () => all("AWS::Lambda::Function").filter((f) => !f.logicalId.startsWith("CustomResourceHandler"));
  const functionNamed = (name: string) => {
    const fn = ours().find((f) => f.logicalId.replace(/[0-9A-F]{8}$/, "") === name);
    if (!fn) throw new Error(`No function ${name}`);
    return fn;
  };
  const statementsOf = (policies: ReturnType<typeof all>) =>
    policies.flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  /** The inline policy statements of one function's role. */
  const roleStatements = (name: string) => {
    const fn = functionNamed(name);
    const role = (fn.Properties.Role as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0];
    return statementsOf(
      all("AWS::IAM::Policy").filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === role)),
    );
  };
  return { synth, all, ours, functionNamed, statementsOf, roleStatements };
}
