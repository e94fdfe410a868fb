/**
 * The browser scripts (`*.client.js`): each is imported as a module whose default export is
 * its text, which the API serves as an asset. One rule for every place that loads them: the
 * Lambda bundles (esbuild's text loader, bundling.ts), vitest (vitest.config.ts) and tsx
 * outside a bundle (scripts/client-scripts-hooks.mjs: pnpm dev, the bench, the screenshots).
 * Plain JavaScript, so that Node loads it where no TypeScript loader runs (vitest's config).
 */
export const clientScripts = {
  suffix: ".client.js",
  /** @param {string} path */
  matches: (path) => path.endsWith(".client.js"),
  /**
   * The module a client script loads as, as esbuild's text loader makes it.
   * @param {string} text
   */
  module: (text) => `export default ${JSON.stringify(text)};`,
};
