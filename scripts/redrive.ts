/**
 * `pnpm redrive`: lists the debriefs whose workflow failed (id, step, error; no
 * personal data). `pnpm redrive --all` runs every one of them again;
 * `pnpm redrive <id>...` only those. Reads TABLE_NAME and STATE_MACHINE_ARN (the
 * stack outputs on AWS, with credentials; locally, with the AWS_ENDPOINT_URL_*
 * settings `pnpm dev` prints). Its adapters come from the composition root (wiring.ts
 * `wireOperator`). On AWS the deployed Redrive function does the same (README, "Deploying").
 */
import { listFailed, redrive } from "@debrief/core";
import { errorName } from "@debrief/functions/log";
import { wireOperator } from "@debrief/functions/wiring";

if (!process.env.TABLE_NAME || !process.env.STATE_MACHINE_ARN) {
  console.error("Set TABLE_NAME and STATE_MACHINE_ARN (the deployed stack's outputs).");
  process.exit(2);
}
const args = process.argv.slice(2);
const { store, workflow, clock } = wireOperator();
const deps = {
  store,
  workflow,
  clock,
  onError: (id: string, e: unknown) => console.error(`${id}: ${errorName(e)}`),
};

const failed = await listFailed(deps);
if (args.length === 0) {
  console.log(JSON.stringify({ failed }, null, 2));
} else {
  const result = await redrive(deps, args.includes("--all") ? undefined : args);
  console.log(JSON.stringify(result, null, 2));
  if (result.failed.length) process.exit(1);
}
