/**
 * A real grammar checker for the words the product writes: harper.js (Rust compiled to
 * WebAssembly, offline). Tests only: its 16 MB of wasm never goes near a Lambda bundle.
 *
 *   const findings = await grammarFindings(text, { allow: ["Haddad"] });
 *   expect(findings).toEqual([]);
 *
 * Every finding counts, except a spelling or word-form suggestion on a word listed in
 * `allow` (names and terms the candidate typed, reviewed in the test that lists them).
 * Capitalisation findings always count, allow-listed or not. harper.js misses subject-verb
 * agreement after a typed noun phrase ("my structured SBAR handovers comes in" passes it),
 * so templates also need their own tests that no typed phrase is followed by such a verb.
 */
import { Dialect, LocalLinter } from "harper.js";
import { binaryInlined } from "harper.js/binaryInlined";

export type Finding = {
  /** harper's category: Spelling, Capitalization, Agreement, Punctuation, Repetition, … */
  kind: string;
  message: string;
  /** The text the finding points at. */
  problem: string;
  start: number;
  end: number;
  suggestions: string[];
  /** A few words either side, to read the finding in a failure message. */
  context: string;
};

/** Kinds that are about a word's spelling or form (a name harper does not know), never about the sentence. */
const WORD_FORM_KINDS = new Set(["Spelling", "Typo", "WordChoice", "Nonstandard", "Regionalism"]);

let linter: Promise<LocalLinter> | undefined;

/** One linter per test process: loading the wasm takes a second or two. British English, like the letters. */
function theLinter(): Promise<LocalLinter> {
  linter ??= (async () => {
    const l = new LocalLinter({ binary: binaryInlined, dialect: Dialect.British });
    await l.setup();
    return l;
  })();
  return linter;
}

/** Every finding harper.js reports on plain text, unfiltered. */
export async function allFindings(text: string): Promise<Finding[]> {
  const lints = await (await theLinter()).lint(text, { language: "plaintext" });
  return lints.map((lint) => {
    const span = lint.span();
    const start = span.start;
    const end = span.end;
    return {
      kind: lint.lint_kind(),
      message: lint.message(),
      problem: lint.get_problem_text(),
      start,
      end,
      suggestions: lint.suggestions().map((s) => s.get_replacement_text()),
      context: text.slice(Math.max(0, start - 40), Math.min(text.length, end + 40)).replace(/\s+/g, " "),
    };
  });
}

export type GrammarOptions = {
  /**
   * Words (or short phrases) the candidate typed that harper may not know or misreads (names,
   * product terms), matched whole and case-sensitively.
   */
  allow?: readonly string[];
};

/** Whether a finding is excused: a spelling or word-form finding on an allow-listed word. Capitalisation never is. */
export function isExcused(f: Finding, allow: ReadonlySet<string>): boolean {
  if (f.kind === "Capitalization") return false;
  if (!WORD_FORM_KINDS.has(f.kind)) return false;
  const bare = (w: string) => w.trim().replace(/^[("“']+|[)"”'.,:;!?]+$/gu, "");
  if (allow.has(bare(f.problem))) return true;
  const words = f.problem.split(/[\s\-–]+/u).filter(Boolean);
  return words.length > 0 && words.every((w) => allow.has(bare(w)));
}

/** Links and addresses are not prose: a finding inside one is not a finding about the text. */
function insideLinkOrAddress(text: string, f: Finding): boolean {
  for (const m of text.matchAll(/\S*(?:https?:\/\/|@)\S*/g)) {
    if (f.start >= m.index && f.end <= m.index + m[0].length) return true;
  }
  return false;
}

/** The findings that count: what a careful reader would correct. */
export async function grammarFindings(text: string, options: GrammarOptions = {}): Promise<Finding[]> {
  const allow = new Set(options.allow ?? []);
  return (await allFindings(text)).filter((f) => !isExcused(f, allow) && !insideLinkOrAddress(text, f));
}

/** One line per finding, for a failure message. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings
    .map(
      (f) =>
        `${f.kind}: ${f.message} [${f.problem}] …${f.context}…${f.suggestions.length ? ` → ${f.suggestions.slice(0, 3).join(" | ")}` : ""}`,
    )
    .join("\n");
}
