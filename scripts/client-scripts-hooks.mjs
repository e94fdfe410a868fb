import { readFile } from "node:fs/promises";
import { clientScripts } from "@debrief/infra/client-scripts";

/** Node module hook: a browser script (@debrief/infra/client-scripts) loads as a module whose default export is its text. */
export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:") || !clientScripts.matches(new URL(url).pathname)) return nextLoad(url, context);
  const source = clientScripts.module(await readFile(new URL(url), "utf8"));
  return { format: "module", source, shortCircuit: true };
}
