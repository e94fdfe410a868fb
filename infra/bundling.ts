/**
 * How every Lambda is bundled (SST v2's `nodejs` props; `esbuild` is merged last into
 * its esbuild options). A module of its own, free of CDK and SST imports, so that the
 * bench's `bundleLikeSst` builds from this same object.
 */
import { clientScripts } from "./client-scripts.mjs";

export const lambdaBundling = {
  format: "esm",
  minify: true,
  sourcemap: false,
  loader: { [clientScripts.suffix]: "text" },
  esbuild: {
    // SST's esbuild (platform node) leaves `process.env.NODE_ENV` alone and Lambda does not
    // set it: without this, React's development builds are bundled beside the production
    // ones and the send step renders with the development build (about twice as slow).
    define: { "process.env.NODE_ENV": '"production"' },
  },
} as const;

/**
 * How the API is bundled: the shared settings, split into chunks (esbuild's code splitting,
 * which SST v2 supports for ESM) so that what only some requests need is loaded on first
 * use, not at cold start: the candidate's and centres' pages with the letter's composer, the
 * API reference, the SSM client (only a bound bot-check secret needs it), the SDK's rarer
 * credential providers. The bench bundles the API and its baseline with these same settings.
 */
export const apiBundling = { ...lambdaBundling, splitting: true } as const;
