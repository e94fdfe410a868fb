// One cold start: a fresh Node process imports a bundle and makes one call.
// Usage: node cold-run.mjs <bundle.mjs> <exportName> <JSON array of arguments>
// (exportName "-": import only, no call).
// Prints one line: BENCH_RESULT {"importMs", "callMs", "ok"}.
const started = performance.now();
const [bundle, exportName, argsJson] = process.argv.slice(2);
const mod = await import(new URL(`file://${bundle}`).href);
const imported = performance.now();
let ok = true;
let detail = "";
try {
  const out = exportName === "-" ? undefined : await mod[exportName](...JSON.parse(argsJson));
  detail = typeof out === "object" && out && "statusCode" in out ? String(out.statusCode) : "";
} catch (error) {
  ok = false;
  detail = error instanceof Error ? error.name : String(error);
}
const called = performance.now();
process.stdout.write(
  `\nBENCH_RESULT ${JSON.stringify({ bootMs: started, importMs: imported - started, callMs: called - imported, ok, detail })}\n`,
);
