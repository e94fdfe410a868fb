import { mkdirSync, statSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { lambdaBundling } from "@debrief/infra/bundling";
import esbuild, { type Metafile } from "esbuild";

export type Bundle = { name: string; file: string; bytes: number; metafile: Metafile };

/**
 * Bundles one Lambda entry exactly as SST v2 (sst/runtime/handlers/node.js, esbuild
 * 0.18.13, deploy mode) bundles it with the functions' own `nodejs` settings
 * (`lambdaBundling` in infra/bundling.ts, the one place they are written): platform node,
 * everything bundled including @aws-sdk, esnext, keepNames, the createRequire banner,
 * then the settings' `esbuild` options merged last, as SST merges them.
 */
export async function bundleLikeSst(
  name: string,
  entry: string,
  outDir: string,
  // A function's own settings (the API's: `apiBundling`, split into chunks loaded on first use).
  nodejs: typeof lambdaBundling & { splitting?: boolean } = lambdaBundling,
): Promise<Bundle> {
  // Split, as SST does: the entry and its chunks in one folder, `.mjs` each.
  const splitDir = join(outDir, name);
  const file = nodejs.splitting
    ? join(splitDir, `${basename(entry, extname(entry))}.mjs`)
    : join(outDir, `${name}.mjs`);
  mkdirSync(dirname(file), { recursive: true });
  const { format, minify, sourcemap, loader, esbuild: override } = nodejs;
  if (format !== "esm") throw new Error("bundleLikeSst follows SST's ESM build only");
  const result = await esbuild.build({
    entryPoints: [entry],
    platform: "node",
    external: ["sharp", "pg-native"],
    loader,
    keepNames: true,
    bundle: true,
    logLevel: "silent",
    metafile: true,
    format: "esm",
    target: "esnext",
    mainFields: ["module", "main"],
    banner: {
      js: [
        `import { createRequire as topLevelCreateRequire } from 'module';`,
        `const require = topLevelCreateRequire(import.meta.url);`,
        `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"`,
        `const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))`,
        "",
      ].join("\n"),
    },
    ...(nodejs.splitting ? { splitting: true, outdir: splitDir, outExtension: { ".js": ".mjs" } } : { outfile: file }),
    sourcemap,
    minify,
    ...override,
  });
  return { name, file, bytes: statSync(file).size, metafile: result.metafile };
}

/** Bytes of the bundle's output that came from inputs whose path matches `pattern`. */
export function bytesFrom(bundle: Bundle, pattern: RegExp): number {
  const output = Object.values(bundle.metafile.outputs)[0];
  if (!output) return 0;
  return Object.entries(output.inputs)
    .filter(([path]) => pattern.test(path))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
}
