// The warm render loop of figure 4, in a fresh Node (the Lambda runtime's version) that
// imports the bundles as Lambda would: the app's renderer and the baseline, both built
// by bundleLikeSst (production React). Interleaved: each round renders every email kind,
// then the baseline, so drift on the machine falls on all of them.
// Usage: node render-run.mjs <app.mjs> <baseline.mjs> <JSON {kinds, debrief, links, iterations, warmup}>
// Prints one line: BENCH_RESULT {"<kind>": [ms, ...], "baseline": [ms, ...]}.
const [appFile, baselineFile, argsJson] = process.argv.slice(2);
const { kinds, debrief, links, iterations, warmup } = JSON.parse(argsJson);
const { renderEmail } = await import(new URL(`file://${appFile}`).href);
const { renderMinimal } = await import(new URL(`file://${baselineFile}`).href);

const samples = { baseline: [] };
for (const kind of kinds) samples[kind] = [];
// Untimed renders first: the warm figure is about steady state.
for (let i = 0; i < warmup; i++) {
  for (const kind of kinds) await renderEmail(kind, debrief, links);
  await renderMinimal();
}
for (let i = 0; i < iterations; i++) {
  for (const kind of kinds) {
    const t0 = performance.now();
    await renderEmail(kind, debrief, links);
    samples[kind].push(performance.now() - t0);
  }
  const t0 = performance.now();
  await renderMinimal();
  samples.baseline.push(performance.now() - t0);
}
process.stdout.write(`\nBENCH_RESULT ${JSON.stringify(samples)}\n`);
