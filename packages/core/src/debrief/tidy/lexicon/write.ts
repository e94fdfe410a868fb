/**
 * `pnpm lexicon`: writes the tidy step's generated lexicon from the dictionaries in
 * devDependencies: run after upgrading one of them (lexicon.test.ts fails until then).
 */
import { writeFileSync } from "node:fs";
import { buildLexicon } from "./generate";

const dir = new URL("./", import.meta.url);
const { lexicon, typos } = buildLexicon();
writeFileSync(new URL("lexicon.generated.json", dir), `${JSON.stringify(lexicon, null, 1)}\n`);
writeFileSync(new URL("typos.generated.json", dir), `${JSON.stringify(typos, null, 1)}\n`);
const count = (s: string) => (s ? s.split("\n").length : 0);
console.log(
  `names ${count(lexicon.names)} (tech ${count(lexicon.tech)}), ambiguous ${count(lexicon.ambiguous)}, acronyms ${count(lexicon.acronyms)}, English filter ${lexicon.english.bits / 8} bytes, typos ${count(typos.typos)}`,
);
