/**
 * The part-of-speech tagger for the tidy step, measured before choosing (issue 22):
 * compromise's full build against wink-nlp with wink-eng-lite-web-model, on
 *   1. the decisions the tidy step asks of a tagger, over the first word of every sentence
 *      of the answers and examples in shared/content/personas-as-typed.json (an instruction
 *      "ask what…" becomes "I would ask…", a fragment "found a bug…" becomes "I found…");
 *   2. the bytes each adds to a Lambda bundle built as SST builds the send step;
 *   3. a cold import and first call in a fresh Node process, beside a bundle of nothing.
 * Run: pnpm tsx packages/bench/src/taggers.ts (prints a table; writes nothing).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleLikeSst } from "./bundle";

// compromise as the service has it (core's dependency); wink-nlp and its model as this package's devDependencies.
const fromCore = createRequire(new URL("../../core/package.json", import.meta.url));
const fromBench = createRequire(import.meta.url);
const resolved = (name: string) => JSON.stringify((name === "compromise" ? fromCore : fromBench).resolve(name));

type Verb = "instruction" | "past" | "other";

/** Each candidate as a module exporting `firstVerb(sentence)`: how the sentence's first word reads. */
const ADAPTERS: Record<string, string> = {
  "compromise (full)": `
import nlp from ${resolved("compromise")};
// A subjectless clause reads right after "I": its first word is then tagged as the verb it is.
export function firstVerb(s) {
  const t = nlp(\`I \${s}\`).json()[0]?.terms[1];
  const tags = t?.tags ?? [];
  if (!tags.includes("Verb") || tags.includes("Auxiliary") || tags.includes("Modal")) return "other";
  return tags.includes("PastTense") ? "past" : "instruction";
}`,
  "wink-nlp + wink-eng-lite-web-model": `
import winkNLP from ${resolved("wink-nlp")};
import model from ${resolved("wink-eng-lite-web-model")};
const nlp = winkNLP(model, ["sbd", "pos"]);
const its = nlp.its;
export function firstVerb(s) {
  const t = nlp.readDoc(\`I \${s}\`).tokens().itemAt(1);
  if (!t || !["VERB", "AUX"].includes(t.out(its.pos)) || ["would", "should", "could", "will", "can"].includes(t.out(its.normal))) return "other";
  const text = t.out(its.normal);
  return t.out(its.lemma) === text ? "instruction" : "past";
}`,
  "nothing (baseline)": "export function firstVerb() { return 'other'; }",
};

/**
 * The typed sentences, each labelled by hand with how its first word reads (a verb with the same
 * past and base form, "cut", is labelled by the field: an example tells what happened).
 */
function labelled(): { sentence: string; want: Verb }[] {
  const typed = JSON.parse(readFileSync(new URL("../../testkit/src/personas-as-typed.json", import.meta.url), "utf8"));
  const LABELS: Record<string, Verb> = {
    ask: "instruction",
    did: "past",
    observe: "instruction",
    agree: "instruction",
    coach: "instruction",
    start: "instruction",
    "re-run": "instruction",
    compare: "instruction",
    found: "past",
    cut: "past",
  };
  const out: { sentence: string; want: Verb }[] = [];
  for (const p of typed.personas) {
    for (const q of p.body.questions ?? []) {
      for (const text of [q.betterAnswer, q.example].filter(Boolean)) {
        for (const line of String(text).split(/\n|(?<=[.!?])\s+/u)) {
          const sentence = line.replace(/^\s*\d+\.\s*/u, "").trim();
          if (!sentence) continue;
          const first =
            sentence
              .split(/\s+/u)[0]
              ?.toLowerCase()
              .replace(/[^a-z-]/gu, "") ?? "";
          out.push({ sentence, want: LABELS[first] ?? "other" });
        }
      }
    }
  }
  // The issue's own examples, and each sentence again in lower case and in capitals as typed on a phone.
  out.push(
    { sentence: "Map the data first", want: "instruction" },
    { sentence: "Start with the data lineage", want: "instruction" },
    { sentence: "Cut onboarding time by a third", want: "past" },
  );
  return out.flatMap((x) => [x, { ...x, sentence: x.sentence.toLowerCase() }]);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "taggers-"));
  const coldRun = new URL("./cold-run.mjs", import.meta.url).pathname;
  const cases = labelled();
  const rows: string[] = [];
  const runs: Record<string, { importMs: number[]; callMs: number[] }> = {};
  const bundles: Record<string, string> = {};
  for (const [name, source] of Object.entries(ADAPTERS)) {
    const entry = join(dir, `${name.replace(/\W+/gu, "-")}.mjs`);
    writeFileSync(entry, source);
    const bundle = await bundleLikeSst(name.replace(/\W+/gu, "-"), entry, join(dir, "out"));
    bundles[name] = bundle.file;
    runs[name] = { importMs: [], callMs: [] };
    const mod = (await import(entry)) as { firstVerb: (s: string) => Verb };
    const misses = cases.filter((c) => mod.firstVerb(c.sentence) !== c.want);
    const right = cases.length - misses.length;
    if (!name.startsWith("nothing")) {
      console.log(
        `${name} misreads: ${misses.map((m) => `"${m.sentence.slice(0, 24)}…" (${mod.firstVerb(m.sentence)}, not ${m.want})`).join("; ")}`,
      );
    }
    rows.push(`| ${name} | ${right} / ${cases.length} | ${(bundle.bytes / 1024).toFixed(0)} KiB |`);
  }
  // Interleaved, so that the shared machine's load falls on every candidate alike.
  for (let round = 0; round < 7; round++) {
    for (const name of Object.keys(ADAPTERS)) {
      const out = execFileSync(
        process.execPath,
        [coldRun, bundles[name] ?? "", "firstVerb", JSON.stringify(["Start with the data lineage"])],
        { encoding: "utf8" },
      );
      const result = JSON.parse(/BENCH_RESULT (.*)/u.exec(out)?.[1] ?? "{}") as { importMs: number; callMs: number };
      runs[name]?.importMs.push(result.importMs);
      runs[name]?.callMs.push(result.callMs);
    }
  }
  console.log(
    `Node ${process.version}, load ${(await import("node:os")).loadavg()[0]?.toFixed(1)}; ${cases.length} typed sentences\n`,
  );
  console.log(
    "| tagger | first words read right | bundle (as the send step is built) | cold import, median of 7 | first call |",
  );
  console.log("| --- | --- | --- | --- | --- |");
  Object.keys(ADAPTERS).forEach((name, i) => {
    const r = runs[name];
    console.log(`${rows[i]} ${median(r?.importMs ?? []).toFixed(0)} ms | ${median(r?.callMs ?? []).toFixed(1)} ms |`);
  });
}

await main();
