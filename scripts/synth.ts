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
 * The synthesis itself is @debrief/infra's (infra/synth.ts), shared with the local stack and the tests.
 */
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { copyFunctions, synthesize } from "@debrief/infra/synth";

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

await main();
