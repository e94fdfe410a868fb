import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bloomHas, createBloom } from "./bloom";
import { buildLexicon } from "./generate";
import { isEnglish, theLexicon } from "./index";
import { REVIEWED_ACRONYMS, REVIEWED_NAMES } from "./reviewed";

const committed = (file: string) => readFileSync(new URL(file, import.meta.url), "utf8");

describe("the generated lexicon", () => {
  const built = buildLexicon();

  it("is what the generator makes from the dictionaries installed now (run `pnpm lexicon` when this fails)", () => {
    expect(committed("lexicon.generated.json")).toBe(`${JSON.stringify(built.lexicon, null, 1)}\n`);
    expect(committed("typos.generated.json")).toBe(`${JSON.stringify(built.typos, null, 1)}\n`);
  });

  it("names its sources, their versions and licences, and the typos' share-alike licence", () => {
    expect(built.lexicon.sources.map((s) => `${s.package} ${s.licence}`)).toEqual([
      "@cspell/dict-companies MIT",
      "@cspell/dict-software-terms MIT",
      "dictionary-en (MIT AND BSD)",
    ]);
    expect(built.typos.licence).toMatch(/^CC BY-SA 4\.0/);
    expect(built.typos.source.package).toBe("@cspell/dict-en-common-misspellings");
  });

  it("reviews by hand only names the dictionaries lack", () => {
    const { lexicon } = buildLexicon();
    const fromDictionaries = new Set(
      [...lexicon.names.split("\n"), ...lexicon.ambiguous.split("\n")].filter(
        (n) => !(REVIEWED_NAMES as readonly string[]).includes(n),
      ),
    );
    const dictionaryAcronyms = new Set(lexicon.acronyms.split("\n"));
    expect(REVIEWED_NAMES.filter((n) => fromDictionaries.has(n))).toEqual([]);
    for (const a of REVIEWED_ACRONYMS) expect(dictionaryAcronyms.has(a), a).toBe(true);
  });

  it("holds names in their owners' casing, and names that are English words apart", () => {
    const { names, ambiguous, acronyms } = theLexicon();
    for (const n of [
      "GitHub",
      "PostgreSQL",
      "JavaScript",
      "Kubernetes",
      "macOS",
      "iPhone",
      "Salesforce",
      "Figma",
      "Jira",
      "London",
      "Monday",
      "GraphQL",
      "Power BI",
    ]) {
      expect(names.get(n.toLowerCase()), n).toBe(n);
    }
    for (const n of ["Apple", "Python", "Swift"]) expect(ambiguous.get(n.toLowerCase()), n).toBe(n);
    for (const w of ["design", "data", "the", "team"]) expect(names.has(w) || ambiguous.has(w), w).toBe(false);
    for (const a of ["SLA", "ERP", "GCSE", "IV", "SKU"]) expect(acronyms.get(a.toLowerCase()), a).toBe(a);
  });

  it("tells English words, with their endings and prefixes, from acronyms", () => {
    for (const w of ["picking", "route", "measure", "weeks", "redesign", "slotting", "orders", "misses", "happily"]) {
      expect(isEnglish(w), w).toBe(true);
    }
    for (const w of ["sla", "erp", "meddicc", "gcse", "skus"]) expect(isEnglish(w), w).toBe(false);
  });
});

describe("a Bloom filter", () => {
  it("never says no to a member and rarely yes to a stranger", () => {
    const members = Array.from({ length: 2000 }, (_, i) => `word${i}`);
    const has = bloomHas(createBloom(members, 0.01));
    expect(members.every(has)).toBe(true);
    const strangers = Array.from({ length: 2000 }, (_, i) => `other${i}`).filter(has).length;
    expect(strangers).toBeLessThan(60);
  });
});
