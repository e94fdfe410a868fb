/**
 * Builds the tidy step's lexicon from maintained dictionaries (devDependencies, never in
 * a bundle): names in their own casing, names that are also English words, and a
 * compact filter of English words. `pnpm lexicon` writes it to lexicon.generated.json,
 * which is committed (a fresh clone works without running anything) and is all a bundle
 * carries; lexicon.test.ts fails when it is stale.
 *
 * Sources:
 * - @cspell/dict-companies (MIT): company and product names;
 * - @cspell/dict-software-terms (MIT): software tools, services and terms;
 * - dictionary-en (MIT AND BSD; Hunspell en_US from SCOWL): its case-sensitive entries
 *   (London, Monday, iPhone) and, through nspell, whether a word is English in lower case;
 * - compromise's lexicon (MIT, already a dependency): common English words and their
 *   word class, so that function words ("us", "it") are never taken for names;
 * - @cspell/dict-en-common-misspellings (CC BY-SA 4.0): misspellings with exactly one
 *   correction, written to typos.generated.json under the same licence.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import nlp from "compromise";
import nspell from "nspell";
import { createBloom } from "./bloom";
import { REVIEWED_ACRONYMS, REVIEWED_NAMES } from "./reviewed";

const modules = new URL("../../../../node_modules/", import.meta.url);

function read(pkg: string, file: string): string {
  const bytes = readFileSync(new URL(`${pkg}/${file}`, modules));
  return (file.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
}

function pkgInfo(pkg: string): { package: string; version: string; licence: string } {
  const json = JSON.parse(read(pkg, "package.json")) as { version: string; license: string };
  return { package: pkg, version: json.version, licence: json.license };
}

/** A plain word list: one entry a line, comments and cspell directives dropped. */
function wordList(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.replace(/#.*$/u, "").trim())
    .filter((l) => l.length > 0);
}

const SOFTWARE_FILES = [
  "dict/software-tools.txt",
  "dict/webServices.txt",
  "dict/computing-acronyms.txt",
  "dict/networkingTerms.txt",
  "dict/softwareTerms.txt.gz",
];

/** Whether an entry carries casing worth restoring: a capital somewhere, and letters only (with digits, dots, +, &, hyphens, spaces). */
function isCasedName(entry: string): boolean {
  return (
    /\p{Lu}/u.test(entry) && /\p{Ll}|\p{Lu}{2}/u.test(entry) && /^[\p{L}][\p{L}\p{N}.+&' -]*[\p{L}\p{N}+]$/u.test(entry)
  );
}

export type LexiconFile = {
  about: string;
  sources: { package: string; version: string; licence: string; files: string[]; entries: number }[];
  /** Names whose lower-case form is no English word: written in their casing wherever typed. "\n"-joined. */
  names: string;
  /** Of `names`, the technology and company names (not Hunspell's people and places): they mark a technical context. */
  tech: string;
  /** Technology names that are also English words (Apple, Python, Swift, Go): left as typed, noted in a technical context. */
  ambiguous: string;
  /** Acronyms that text typed in capitals keeps. */
  acronyms: string;
  /** A Bloom filter of English words in lower case (Hunspell stems and compromise's lexicon), to tell a shouted word from an acronym. */
  english: { bits: number; hashes: number; base64: string };
};

export type TyposFile = {
  about: string;
  licence: string;
  source: { package: string; version: string; licence: string; file: string };
  /** One line per correction: "correction typo typo …", "\n"-joined; only misspellings with exactly one suggestion. */
  typos: string;
};

type Speller = { correct(word: string): boolean };

function hunspell(): { speller: Speller; stems: string[]; cased: string[] } {
  const aff = read("dictionary-en", "index.aff");
  const dic = read("dictionary-en", "index.dic");
  const entries = dic
    .split("\n")
    .slice(1)
    .map((l) => l.split("/")[0]?.trim() ?? "")
    .filter(Boolean);
  return {
    speller: nspell(aff, dic),
    stems: entries.filter((e) => !/\p{Lu}/u.test(e) && /^[\p{Ll}'-]+$/u.test(e)),
    cased: entries.filter(isCasedName),
  };
}

const byKey = (names: Iterable<string>) => {
  const m = new Map<string, string>();
  for (const n of names) {
    const k = n.toLowerCase();
    // The first source wins; within a source, a mixed-case form ("macOS") over a plain capital one.
    const had = m.get(k);
    if (!had || (/\p{Ll}\p{Lu}/u.test(n) && !/\p{Ll}\p{Lu}/u.test(had))) m.set(k, n);
  }
  return m;
};

export function buildLexicon(): { lexicon: LexiconFile; typos: TyposFile } {
  const { speller, stems, cased } = hunspell();
  // compromise's lexicon (MIT): common English words with their word class, function words included.
  const common = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const functionWord = (w: string) =>
    /Pronoun|Copula|QuestionWord|Preposition|Conjunction|Determiner|Modal|Auxiliary|Negative/u.test(
      String(common[w] ?? ""),
    );
  const isEnglish = (w: string) => w.split(/[\s.-]+/u).every((part) => speller.correct(part.toLowerCase()));

  const companies = wordList(read("@cspell/dict-companies", "dict/companies.txt"));
  const software = SOFTWARE_FILES.flatMap((f) => wordList(read("@cspell/dict-software-terms", f)));
  // Short all-capital company entries are mostly stock tickers ("AD", "ALL"): only three letters or more.
  const tools = new Set([
    ...REVIEWED_NAMES,
    ...wordList(read("@cspell/dict-software-terms", "dict/software-tools.txt")),
  ]);
  const techEntries = [...REVIEWED_NAMES, ...software, ...companies].filter(
    (e) => isCasedName(e) && (e.length >= 3 || /\p{Ll}/u.test(e)),
  );
  const tech = byKey(techEntries);
  const proper = byKey(cased);

  const names = new Map<string, string>();
  const techNames = new Set<string>();
  const ambiguous = new Map<string, string>();
  for (const [k, v] of tech) {
    if (/\s/u.test(v) || !isEnglish(k)) {
      names.set(k, v);
      techNames.add(v);
    } else if ((tools.has(v) || proper.has(k)) && !functionWord(k)) {
      // An English word is a name only where a dictionary says so (a tool's own list, Hunspell's
      // "Apple"): "Data" or "Design" in a company list is a word, never noted.
      ambiguous.set(k, v);
    }
  }
  // Languages and tools that cspell lists in lower case and Hunspell as a name: python → Python.
  for (const w of software) {
    const name = proper.get(w);
    if (name && !ambiguous.has(w) && isEnglish(w) && !functionWord(w)) ambiguous.set(w, name);
  }
  // Hunspell's shortest names are mostly abbreviations and particles that are words in other
  // languages ("de", "la", "von", "del"): written as typed. Three capitals (API, CEO, BBC) stay names.
  const tooShort = (v: string) => v.length <= 2 || (v.length === 3 && !/^\p{Lu}{3}$/u.test(v));
  for (const [k, v] of proper) if (!tooShort(v) && !names.has(k) && !ambiguous.has(k) && !isEnglish(k)) names.set(k, v);

  const acronyms = new Set<string>(REVIEWED_ACRONYMS);
  for (const v of [...names.values()]) if (/^\p{Lu}{2,}s?$/u.test(v)) acronyms.add(v);
  // Acronyms that are also rare English words ("IV", "ICU"), but not common ones ("IT", "US", "AM").
  for (const v of [...cased, ...techEntries]) {
    if (/^\p{Lu}{2,5}$/u.test(v) && !(v.toLowerCase() in common)) acronyms.add(v);
  }

  const commonWords = Object.keys(common).filter((w) => /^[\p{Ll}']+$/u.test(w));
  const english = createBloom([...stems, ...commonWords], 0.005);

  const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lexicon: LexiconFile = {
    about:
      "Generated by packages/core/src/debrief/tidy/lexicon/generate.ts (pnpm lexicon); do not edit. Names from @cspell/dict-companies and @cspell/dict-software-terms (MIT, Copyright (c) 2017-2025 Street Side Software <support@streetsidesoftware.nl>) and the case-sensitive entries of dictionary-en (Hunspell en_US from SCOWL, MIT AND BSD: Copyright 2000-2020 Kevin Atkinson and the SCOWL contributors), plus the reviewed list in reviewed.ts. Licence and attribution: lexicon.generated.json.license beside it.",
    sources: [
      { ...pkgInfo("@cspell/dict-companies"), files: ["dict/companies.txt"], entries: companies.length },
      { ...pkgInfo("@cspell/dict-software-terms"), files: SOFTWARE_FILES, entries: software.length },
      { ...pkgInfo("dictionary-en"), files: ["index.dic", "index.aff"], entries: stems.length + cased.length },
    ],
    names: sorted(names.values()).join("\n"),
    tech: sorted(techNames).join("\n"),
    ambiguous: sorted(ambiguous.values()).join("\n"),
    acronyms: sorted(acronyms).join("\n"),
    english,
  };

  const misspellings = JSON.parse(read("@cspell/dict-en-common-misspellings", "dict/dict-en.json")) as {
    dictionaryDefinitions: { suggestWords: string[] }[];
  };
  // Corrections limited to compromise's lexicon of common English words, to keep the file small.
  const byFix = new Map<string, string[]>();
  for (const entry of misspellings.dictionaryDefinitions[0]?.suggestWords ?? []) {
    const [typo, fixes] = entry.split("->").map((s) => s.trim());
    if (!typo || !fixes || fixes.includes(",")) continue;
    // Plain lower-case words only; the typo must be no English word, the correction one.
    if (!/^\p{Ll}{3,}$/u.test(typo) || !/^\p{Ll}+$/u.test(fixes)) continue;
    const stem = fixes.replace(/(?:ment|ments|ness|ly|ing|ed|es|s|er|ers|ion|ions|ation|ations)$/u, "");
    if (!(fixes in common || stem in common) || speller.correct(typo) || !speller.correct(fixes)) continue;
    byFix.set(fixes, [...(byFix.get(fixes) ?? []), typo]);
  }
  const lines = [...byFix].map(([fix, typos]) => [fix, ...typos.sort()].join(" "));
  const typos: TyposFile = {
    about:
      "Generated by packages/core/src/debrief/tidy/lexicon/generate.ts (pnpm lexicon); do not edit. Derived from @cspell/dict-en-common-misspellings (Copyright (c) 2022-2025 Street Side Software), keeping misspellings with exactly one suggestion that dictionary-en (Hunspell en_US) rejects while it accepts the suggestion. Licence and attribution: typos.generated.json.license beside it.",
    licence:
      "CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/): this file is shared under the same licence as its source.",
    source: { ...pkgInfo("@cspell/dict-en-common-misspellings"), file: "dict/dict-en.json" },
    typos: sorted(lines).join("\n"),
  };
  return { lexicon, typos };
}
