import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { lambdaBundling } from "./bundling";
import { clientScripts } from "./client-scripts.mjs";

/** A module's default export, from its source. */
const defaultOf = async (source: string) =>
  (await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`)).default as unknown;

describe("the browser scripts' rule", () => {
  it("gives vitest and tsx the same text the Lambda bundle's loader gives", async () => {
    const dir = mkdtempSync(join(tmpdir(), "client-scripts-"));
    try {
      const text = 'document.title = "It\'s `here`";\n// ${not a template}\n</script>\n';
      writeFileSync(join(dir, `form${clientScripts.suffix}`), text);
      writeFileSync(join(dir, "entry.js"), `import s from "./form${clientScripts.suffix}"; export default s;`);
      const bundled = await build({
        entryPoints: [join(dir, "entry.js")],
        bundle: true,
        write: false,
        format: "esm",
        loader: { ...lambdaBundling.loader },
      });
      const fromBundle = await defaultOf(bundled.outputFiles[0]?.text ?? "");
      expect(fromBundle).toBe(text);
      expect(await defaultOf(clientScripts.module(text))).toBe(fromBundle);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("applies to the browser scripts only", () => {
    expect(clientScripts.matches("/x/packages/functions/src/api/debriefs/form.client.js")).toBe(true);
    expect(clientScripts.matches("/x/packages/functions/src/api/debriefs/form.ts")).toBe(false);
    expect(clientScripts.matches("/x/client.js")).toBe(false);
  });
});
