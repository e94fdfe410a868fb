/**
 * `pnpm synth [--stage <name>]`: writes the CloudFormation templates of every
 * stack to `cdk.out/<stage>/` without AWS credentials, through the same path as
 * `sst deploy` (SST's App in deploy mode, the shared `stacks()` function, every
 * Lambda bundled) and the infra tests. cdk-nag runs on the way; any unsuppressed
 * finding fails the command. Only here (and in the infra tests) may a throwaway
 * stage leave DEBRIEF_SES_DOMAIN, DEBRIEF_PUBLIC_URL and DEBRIEF_ALARM_EMAIL unset.
 *
 * `sst build` cannot do this offline: it asks STS for the account (and the CDK
 * bootstrap bucket) first. SST skips those look-ups in its test mode
 * (NODE_ENV=test), which changes nothing in the templates of a build without
 * sourcemaps; the account and region in them stay unresolved (`my-account`).
 */
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { App } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import { loadStageConfig } from "../infra/config";
import { stacks } from "../infra/stacks";

const flag = process.argv.indexOf("--stage");
const stage = flag >= 0 ? process.argv[flag + 1] : (process.env.STAGE ?? "dev");
if (!stage) throw new Error("Usage: pnpm synth [--stage <name>]");

process.env.NODE_ENV = "test";
await initProject({ stage });
const { name, region } = useProject().config;
const app = new App({ mode: "deploy", stage, name, region });
// Nothing is deployed: a throwaway stage may synthesize with placeholders for what it does not set.
stacks(app, loadStageConfig(stage, process.env, { offlineSynthesis: true }));
await app.finish();
const assembly = app.synth();

const out = resolve("cdk.out", stage);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const s of assembly.stacks) cpSync(join(assembly.directory, s.templateFile), join(out, s.templateFile));
rmSync(assembly.directory, { recursive: true, force: true });

const findings = assembly.stacks.flatMap((s) =>
  s.messages.filter((m) => m.level !== "info").map((m) => `${m.level} ${m.id}: ${String(m.entry.data).split("\n")[0]}`),
);
for (const s of assembly.stacks) console.log(`${join("cdk.out", stage, s.templateFile)}`);
if (findings.length) {
  console.error(`\n${findings.length} finding(s):\n${findings.join("\n")}`);
  process.exit(1);
}
console.log(`\n${assembly.stacks.length} stacks synthesized for stage "${stage}"; cdk-nag: no unsuppressed finding.`);
