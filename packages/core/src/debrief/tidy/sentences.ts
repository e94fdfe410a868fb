import nlp from "compromise/one";
import { capitaliseFirst } from "../../content/text";
import { splitCredentials } from "./credentials";

/**
 * Tidies what the candidate typed, once, before it goes anywhere (letter, subjects,
 * nudge, tips, pages): a letter that echoes a stray full stop, a lower-case "i" or a
 * missing question mark reads as careless, the opposite of what a recovery note must
 * show. No rule changes a word's spelling; they change spacing, capitals and the
 * punctuation at the ends of what was typed.
 *
 * Sentences and words are found by compromise/one (its tokenizer knows "e.g.", "Dr."
 * and "3.5" do not end a sentence); the rules on top are small and tested.
 */

/** One or more spaces, tabs or no-break spaces become one space; ends trimmed. */
export function collapseSpaces(s: string): string {
  return s
    .replace(/[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/gu, " ")
    .replace(/ +(?=[,;:!?]|\.(?![.\p{L}\p{N}]))/gu, "")
    .trim();
}

const LOWER_I = /^i(?:['’](?:m|d|ll|ve))?$/u;

/** "i", "i'm", "i'd", "i'll", "i've" as "I…"; any other word as typed. */
function fixI(word: string): string {
  return LOWER_I.test(word) ? `I${word.slice(1)}` : word;
}

type Term = { pre: string; text: string; post: string };
type Sentence = { terms: Term[] };

function sentencesOf(text: string): Term[][] {
  const json = nlp(text).json() as Sentence[];
  return json.map((s) => s.terms.map((t) => ({ pre: t.pre ?? "", text: t.text ?? "", post: t.post ?? "" })));
}

const QUESTION_START =
  /^(?:how|what|what's|why|when|where|who|whom|whose|which|can|could|would|will|do|does|did|is|are|was|were|have|has|had|should|shall|may|might|must|isn't|aren't|don't|doesn't|didn't|won't|wouldn't|can't|couldn't)$/iu;

/** Whether a sentence is a question by its first word ("How would you…", "Why us"). */
export function looksLikeQuestion(s: string): boolean {
  const first = /^[\s"“'(]*([\p{L}'’]+)/u.exec(s)?.[1] ?? "";
  return QUESTION_START.test(first);
}

/**
 * Sentences as a careful person types them: each starts with a capital, "i" is "I",
 * spaces are single, a question ends with "?". Line breaks the candidate typed between
 * paragraphs are kept.
 */
export function tidySentences(text: string, { questions = true }: { questions?: boolean } = {}): string {
  return text
    .split(/\n/)
    .map((line) => {
      const l = collapseSpaces(line);
      if (!l) return "";
      return sentencesOf(l)
        .map((terms) => {
          let s = collapseSpaces(terms.map((t, i) => `${i === 0 ? "" : t.pre}${fixI(t.text)}${t.post}`).join(""));
          s = capitaliseFirst(s)
            // "..?" → "?", a doubled full stop → one (an ellipsis stays).
            .replace(/[\s.,;:]+(?=[?!]["”')]*$)/u, "")
            .replace(/(?<!\.)\.\.$/u, ".");
          if (questions && looksLikeQuestion(s) && !/[?!]["”')]*$/u.test(s)) s = `${s.replace(/[\s.,;:]+$/u, "")}?`;
          return s;
        })
        .join(" ");
    })
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * A one-line phrase used inside a sentence (a role, a company, a skill, a sample's
 * title, a challenge): single spaces, "I" for "i", no full stop, comma or colon at
 * the end (an ellipsis, "?" and "!" stay), its first letter as typed.
 */
export function tidyPhrase(s: string): string {
  const phrase = collapseSpaces(s).split(" ").map(fixI).join(" ");
  return /(?:\.\.\.|…)$/u.test(phrase) ? phrase : phrase.replace(/[\s.;,:]+$/u, "");
}

/** A typed question: tidied as a sentence, with its question mark; surrounding quotes dropped. */
export function tidyQuestion(s: string): string {
  const bare = collapseSpaces(s).replace(/^["“'‘]+|["”'’]+$/gu, "");
  return tidySentences(bare);
}

/** Lead-ins that frame a skill as a sentence ("i'm good at storyboarding", "my SQL"). */
const SKILL_LEAD_IN =
  /^(?:(?:i'?m|i’m|i am)\s+(?:really\s+|very\s+)?(?:good|great|skilled|experienced|strong)\s+(?:at|in|with)\s+|my\s+)/iu;

/** A skill as a noun phrase the letter can use ("storyboarding"), not a sentence about it. */
export function tidySkill(s: string): string {
  return tidyPhrase(tidyPhrase(s).replace(SKILL_LEAD_IN, ""));
}

/** Particles kept lower case inside a name typed wholly in lower case ("van der Berg", "da Silva"). */
const PARTICLES = new Set([
  "van",
  "der",
  "den",
  "de",
  "del",
  "della",
  "di",
  "da",
  "das",
  "do",
  "dos",
  "du",
  "von",
  "zu",
  "la",
  "le",
  "bin",
  "binti",
  "al",
  "el",
  "y",
]);

function capitalisePart(part: string): string {
  // Apostrophes and hyphens start a new part: o'brien → O'Brien, smith-jones → Smith-Jones.
  return part
    .split(/(['’-])/u)
    .map((p, i, all) => {
      if (p === "'" || p === "’" || p === "-") return p;
      // A one-letter part after an apostrophe at the end ("n'", "d'") or a suffix "'s" stays as is.
      if (i > 0 && all[i - 1] !== "-" && p.length === 1 && i === all.length - 1) return p;
      const mc = /^mc(\p{L})(.*)$/u.exec(p);
      if (mc) return `Mc${(mc[1] ?? "").toUpperCase()}${mc[2] ?? ""}`;
      return capitaliseFirst(p);
    })
    .join("");
}

/**
 * A person's name: single spaces; typed wholly in lower case, each part capitalised
 * (O'Brien, McDonald, Smith-Jones) with particles such as "van der" or "de" kept lower
 * case inside the name. A name with any capital letter is kept exactly as typed. Post-nominal
 * letters after it are written in their own casing, after a comma ("Ann Roy, MSc, RN").
 */
export function tidyName(s: string): string {
  const typed = collapseSpaces(s).replace(/[\s,;:]+$/u, "");
  const { name, credentials } = splitCredentials(typed);
  const tail = credentials.length ? `, ${credentials.join(", ")}` : "";
  if (/\p{Lu}/u.test(name) || !/\p{Ll}/u.test(name)) return credentials.length ? `${name}${tail}` : typed;
  return (
    name
      .split(" ")
      .map((w, i) => (i > 0 && PARTICLES.has(w) ? w : capitalisePart(w)))
      .join(" ") + tail
  );
}

/** Small words left lower case inside an organisation's name typed wholly in lower case. */
const MINOR = new Set(["of", "and", "the", "for", "in", "on", "at", "de", "du", "des", "la", "le", "von", "van", "&"]);

/** An organisation's name: a phrase; typed wholly in lower case, its words capitalised ("Brightpath Learning"). */
export function tidyOrganisation(s: string): string {
  const name = tidyPhrase(s);
  if (/\p{Lu}/u.test(name)) return name;
  return name
    .split(" ")
    .map((w, i) => (i > 0 && MINOR.has(w) ? w : capitalisePart(w)))
    .join(" ");
}

/**
 * A salutation as the candidate confirmed it, without the greeting word or the comma
 * around it: "dear sam," → "Sam"; "Dr. O'Connor" stays.
 */
export function tidySalutation(s: string): string {
  const bare = collapseSpaces(s)
    .replace(/^(?:dear|hello|hi|hey)\b[\s,]*/iu, "")
    .replace(/[\s,;:.!]+$/u, "");
  return tidyName(bare);
}
