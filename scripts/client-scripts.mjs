// `tsx --import ./scripts/client-scripts.mjs …`: outside a bundle (pnpm dev, bench, screenshots) the browser
// scripts are imported as their text, by the rule of @debrief/infra/client-scripts that the Lambda bundles
// and vitest follow too.
import { register } from "node:module";

register("./client-scripts-hooks.mjs", import.meta.url);
