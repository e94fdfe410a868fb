// `tsx --import ./scripts/client-scripts.mjs …`: outside a bundle (pnpm dev, bench, screenshots) the browser
// scripts (`*.client.js`) are imported as text, as esbuild's text loader does for Lambda and vitest's plugin in tests.
import { register } from "node:module";

register("./client-scripts-hooks.mjs", import.meta.url);
