/** The browser scripts (`*.client.js`) are real files, linted by Biome, imported as text (esbuild's text loader). */
declare module "*.client.js" {
  const source: string;
  export default source;
}
