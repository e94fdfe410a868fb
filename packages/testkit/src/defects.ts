/**
 * The defects a career advisor counted in letters composed from debriefs typed as candidates
 * type them (issue 22): what the tidy step and the composer must never let through. Run over
 * every letter, nudge and tips text of every persona, and inside the typing property test.
 *
 *   const found = defectsIn(text, { input, kind: "letter" });
 *   expect(found).toEqual([]);
 *
 * Each check reads the text as a reader does; none looks for one fixture's string.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { challengeParts, challengeTopic, type DebriefInput, tidyDebrief, type WhatHappened } from "@debrief/core";
import nspell from "nspell";

export type Defect = { check: DefectCheck; found: string };

export type DefectCheck =
  | "pasted bullet"
  | "capitalised run"
  | "contraction without apostrophe"
  | "slang"
  | "own framing"
  | "note-speak"
  | "note to self"
  | "broken instruction"
  | "stage direction"
  | "team called they or we"
  | "name not in its own casing"
  | "too-blunt remark not owned"
  | "leaving early not said"
  | "the team's figure quoted back"
  | "challenge pasted as typed"
  | "boilerplate pair"
  | "bad moment not owned"
  | "excuse beside the owning line"
  | "wrong name repeated"
  | "challenge restated in questions to ask"
  | "letters after a name"
  | "oddly exact window";

export type DefectContext = {
  /** The debrief as typed: the source of names that may be capitalised and of the challenges. */
  input: DebriefInput;
  /** The letter owns the bad moment; the reminder and the tips do not. */
  kind: "letter" | "nudge" | "tips";
};

/** Bullet marks no sentence of the product writes; a "- " list line may not start with a second mark. */
const BULLET_CHARS = /[•·▪◦‣●○■□➢➤►▸✓✔→⁃∙]/gu;
const DOUBLE_MARK = /^\s*-\s+(?:[-*+•]|\d{1,2}[.)]|\(?[a-h][.)])\s/gmu;
/** A mark pasted at the start of a sentence or quoted item ("* meet", ": - two teachers"). */
const MARK_IN_TEXT = /(?:[.:;"“(][ \t]*|,[ \t]+)(?:[*+]|\d{1,2}[.)])[ \t]+\p{L}/gu;

const CONTRACTIONS =
  /\b(?:dont|doesnt|didnt|isnt|arent|wasnt|werent|havent|hasnt|hadnt|wouldnt|couldnt|shouldnt|mustnt|cant|wont|im|ive|youre|youve|youll|theyre|theyve|weve|thats|whats|theres|shes|hes|itll|wouldve|couldve|shouldve)\b/giu;
const SLANG =
  /\b(?:gonna|wanna|gotta|kinda|sorta|dunno|lemme|gimme|cuz|coz|tbh|imo|imho|btw|lol|omg|idk|thx|pls|plz|ya|ur)\b|(?<![\p{L}\p{N}'’-])u(?![\p{L}\p{N}'’-])/gu;
const FRAMING =
  /\b(?:should(?:\s+have|['’]ve)\s+(?:said|mentioned|told)|wish\s+I(?:['’]d|\s+had)\s+said|what\s+I\s+meant(?:\s+to\s+say)?\s+was|I\s+meant\s+to\s+say)\b/giu;

/** Shorthand from the candidate's notes: "+" between words, "w/", "b/c", a unit cut short after a number, "mgr", "govt". */
const NOTE_SPEAK =
  /(?<=\p{L}) \+ (?=\p{L})|(?<![\p{L}\p{N}])(?:w\/|b\/c)|\b\d+ ?(?:wks?|yrs?|mos|hrs?|mins|secs)\b|\b(?:mgrs?|mgmt|govt|depts?|ppl|thru|alot|infront)\b|\bwith out\b(?!-)/giu;

/**
 * What the candidate noted for themselves about the interview or the next one: "I blanked", "I
 * rambled", "don't name them", "stop talking", "that's it", "- his words", "lol".
 */
const NOTE_TO_SELF =
  /\bI\s+(?:just\s+|totally\s+|completely\s+|kind of\s+|somewhat\s+)*(?:blanked|froze(?=[.,!]| up| on this)|rambled|waffled|mumbled|panicked|went blank|forgot this)\b|\b(?:don['’]t|do not|never)\s+(?:trash|badmouth|name|mention)\s+(?:anyone|them|him|her|the)\b|\bstop talking\b|\bkeep it short\b|\bnext time\b|\bthat['’]s it\.|\b(?:his|her|their) words\b|\b(?:lol|lmao|haha|ugh)\b|\bso embarrassing\b|\blike an idiot\b|\bnever got to answer\b/giu;

/** "I would" before what cannot follow it: "I would don't …", "I would short answer", "then give the … example". */
const BROKEN_INSTRUCTION =
  /\bI would (?:don['’]?t|do not|never|short|quick|brief)\b|\bI would (?:\w+ )?(?:answer|version), then\b|\bthen (?:give|tell|use) the (?:[\w-]+ ){0,3}(?:example|story)\b/giu;

const require = createRequire(import.meta.url);
const dictionaryDir = require.resolve("dictionary-en").replace(/index\.js$/u, "");
let speller: { correct(w: string): boolean } | undefined;
/** Whether a word in lower case is English, by Hunspell's en_US dictionary (an acronym is not). */
function isEnglish(word: string): boolean {
  speller ??= nspell(
    readFileSync(`${dictionaryDir}index.aff`, "utf8"),
    readFileSync(`${dictionaryDir}index.dic`, "utf8"),
  );
  return speller.correct(word.toLowerCase());
}

let names: Map<string, string> | undefined;
/** Names in their own casing, as the product's generated lexicon lists them (its casing is what is checked). */
function lexiconNames(): Map<string, string> {
  if (names) return names;
  const file = require.resolve("@debrief/core").replace(/index\.ts$/u, "debrief/tidy/lexicon/lexicon.generated.json");
  const lexicon = JSON.parse(readFileSync(file, "utf8")) as { names: string };
  names = new Map(
    lexicon.names
      .split("\n")
      .filter((n) => !/\s/u.test(n))
      .map((n) => [n.toLowerCase(), n]),
  );
  return names;
}

/** Text outside links and addresses: a URL or an email address is never prose. */
const prose = (text: string) => text.replace(/\S*(?:https?:\/\/|@)\S*/gu, " ");

/** What the candidate typed that is a name and may be written in capitals as typed: people, organisations, titles. */
function typedNames(typed: DebriefInput): string[] {
  return [typed, tidyDebrief(typed)].flatMap(namesOf);
}

function namesOf(d: DebriefInput): string[] {
  const { interview } = d;
  return [
    d.candidate.name,
    interview.company,
    interview.role,
    interview.interviewer.name,
    interview.interviewer.title ?? "",
    interview.interviewer.salutation ?? "",
    ...d.references.flatMap((r) => [r.name, r.relation]),
    ...d.samples.map((s) => s.title),
  ].filter(Boolean);
}

/** A run of four or more capitalised words that are not acronyms, outside the names the candidate typed. */
function capitalisedRuns(text: string, d: DebriefInput): string[] {
  let rest = prose(text);
  for (const n of typedNames(d).sort((a, b) => b.length - a.length)) {
    rest = rest.replace(new RegExp(n.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"), "giu"), " ◊ ");
  }
  const runs: string[] = [];
  for (const line of rest.split(/\n/u)) {
    let run: string[] = [];
    const flush = () => {
      if (run.length >= 4) runs.push(run.join(" "));
      run = [];
    };
    let sentenceStart = true;
    for (const token of line.split(/\s+/u)) {
      const word = token.replace(/^[("“'‘]+|[)"”'’.,;:!?]+$/gu, "");
      const shouted = /^[\p{Lu}\p{N}&]+s?$/u.test(word) && /\p{L}{2}/u.test(word);
      // A sentence's first word has its capital anyway: it counts only when shouted.
      const capitalised = /^\p{Lu}/u.test(word) && word !== "◊" && (!sentenceStart || shouted);
      if (!capitalised) flush();
      else if (shouted && (/\p{N}/u.test(word) || !isEnglish(word))) flush();
      else if (word !== "I") run.push(word);
      // A sentence or a list item ends the run: "… Jones. Thank You", "Figma, Jira, Power BI".
      sentenceStart = /[.!?:;]$/u.test(token);
      if (/[.!?:;,]$/u.test(token)) flush();
    }
    flush();
  }
  return runs;
}

const TEAM = /^(?:they|their|them|we|our|us)$/iu;

/**
 * Challenges typed as "they …" or "our …" that the text restates still with the pronoun: the
 * words after the pronoun found in the text, with a team pronoun right before them.
 */
function teamPronouns(text: string, d: DebriefInput): string[] {
  const found: string[] = [];
  const lower = text.toLowerCase();
  for (const c of d.challenges) {
    const words = challengeParts(c)
      .text.replace(/^[\s•·*+\-–—\d.)]+/u, "")
      .toLowerCase()
      .split(/\s+/u)
      .filter(Boolean);
    const first = words.findIndex((w) => TEAM.test(w.replace(/[^\p{L}]/gu, "")));
    if (first < 0) continue;
    const after = words.slice(first + 1, first + 4).join(" ");
    if (after.length < 6) continue;
    for (let at = lower.indexOf(after); at >= 0; at = lower.indexOf(after, at + 1)) {
      const before =
        lower
          .slice(Math.max(0, at - 12), at)
          .trim()
          .split(/\s+/u)
          .at(-1) ?? "";
      if (TEAM.test(before)) found.push(text.slice(Math.max(0, at - 12), at + after.length).trim());
    }
  }
  return found;
}

/** Words of the lexicon written in another casing than their own ("figma", "Github", "POSTGRESQL"). */
function miscased(text: string): string[] {
  const lexicon = lexiconNames();
  const found: string[] = [];
  for (const m of prose(text).matchAll(/[\p{L}][\p{L}\p{N}]*(?:['’][\p{L}]+)?/gu)) {
    const word = m[0].replace(/['’]s$/u, "");
    const name = lexicon.get(word.toLowerCase());
    if (name && name !== word) found.push(word);
  }
  return found;
}

/** A figure: a percentage, an amount, a multiple, or a number with what it counts ("11 weeks", "3 quarters"). */
const FIGURE =
  /[$£€]\s?\d[\d.,]*\s?(?:k|m|bn)?|\d[\d.,]*\s?(?:%|percent|per cent|k\b|x\b)|\b\d[\d.,]*\s+(?:weeks?|months?|days?|quarters?|years?|hours?|people|staff|schools?|sites?|clients?|times)\b/giu;

/**
 * Figures typed in a challenge (the team's numbers) that the letter quotes, when the
 * candidate did not also type them in their own answers, examples, skills, samples or plan.
 */
function teamFigures(text: string, d: DebriefInput): string[] {
  const own = [
    ...d.questions.flatMap((q) => [q.betterAnswer, q.example ?? ""]),
    ...d.skills,
    ...d.plan,
    ...d.samples.flatMap((s) => [s.title, s.note ?? ""]),
  ]
    .join("\n")
    .toLowerCase();
  const found: string[] = [];
  for (const c of d.challenges) {
    for (const [figure] of challengeParts(c).text.matchAll(FIGURE)) {
      const f = figure.toLowerCase().trim();
      if (!own.includes(f) && text.toLowerCase().includes(f)) found.push(figure.trim());
    }
  }
  return found;
}

/** A challenge of five words or more written into the letter as typed, rather than as its topic. */
function pastedChallenges(text: string, d: DebriefInput): string[] {
  const lower = text.toLowerCase();
  return (
    d.challenges
      .map((c) =>
        challengeParts(c)
          .text.replace(/^[\s•·*+\-–—\d.)]+|[\s.!?]+$/gu, "")
          .toLowerCase(),
      )
      // A challenge that is its own topic ("staff turnover at the front desk") is how the letter names it.
      .filter((c) => c.split(/\s+/u).length >= 5 && lower.includes(c) && !challengeTopic(c)?.toLowerCase().includes(c))
  );
}

/** A challenge and a skill joined by a stock line: "…: I would bring my experience in X to this." */
const BOILERPLATE =
  /:\s*(?:I would bring my experience in [^.]* to this|here I would (?:bring|apply) my experience in)/giu;

const OWNED_BLUNTNESS = /\b(?:sorry|apologi[sz]e|apology|regret)\b/iu;
const SAID_LEFT_EARLY =
  /\b(?:left|leave|leaving)\b[^.]*\b(?:early|before)\b|\bcut (?:it |our conversation |the interview )?short\b/iu;

/**
 * What a letter must say when it owns the moment, for the situation that ranks first among those
 * owned unasked (a name slip is read from the notes, as the candidate told it).
 */
const OWNED: [WhatHappened, RegExp][] = [
  ["illness", /\bunwell\b|\bnot well\b|\bill\b/iu],
  ["left_early", SAID_LEFT_EARLY],
  ["late", /\blate\b/iu],
  [
    "bad_call",
    /\b(?:sorry|regret|on me|responsibility|my mistake)\b[^.]*\bcall\b|\bcall\b[^.]*\b(?:on me|responsibility|my mistake)\b/iu,
  ],
  ["technical_issue", /\b(?:sorry|regret|apologi[sz]e)\b[^.]*\b(?:technical|connection)\b/iu],
  ["rambling", /\b(?:ran|run|running) long\b|\blonger than\b|\btoo long\b/iu],
];
/** An excuse for the moment: the line, the signal, the traffic, told to the interviewer. */
const EXCUSE =
  /\bbecause (?:of )?(?:the|my) (?:call|line|connection|signal|reception|wi-?fi|internet|traffic|train|bus|weather|commute)\b|\b(?:call|line|signal|connection) (?:was|kept) (?:cutting|breaking|dropping)\b|\btraffic\b|\b(?:crash|accident|pile-?up|roadworks) on the\b/giu;
/** "Called them Northwind", "said Brightwave instead of": the other name, as typed in the notes. */
const SLIPPED_NAME =
  /\b[Cc]all(?:ed|ing) (?:them|it|her|him|the \p{Ll}+)\s+(?:by\s+)?(\p{Lu}[\p{L}'’&-]+)|\b(?:said|saying|called|calling)\s+(\p{Lu}[\p{L}'’&-]+)\s+instead of\b/gu;
/** A window on the interviewer's clock that starts at an odd minute ("10:20–11:00 (Denver time)"). */
const ODD_WINDOW = /\b\d{2}:(?!00|30)\d{2}–\d{2}:\d{2} \((?!your time)/gu;
/** Letters after a name, as typed after a comma ("Angela Whitfield, MSN, RN"). */
const AFTER_COMMA = /,\s*(?:\p{Lu}[\p{L}.-]*\p{Lu}[\p{L}.-]*)(?:[\s,]+\p{Lu}[\p{L}.-]*\p{Lu}[\p{L}.-]*)*\s*$/u;

/** The owning line's defects: the first situation owned unasked and not said, an excuse beside it. */
function momentDefects(text: string, input: DebriefInput): { check: DefectCheck; found: string }[] {
  const out: { check: DefectCheck; found: string }[] = [];
  const first = OWNED.find(([w]) => input.whatHappened.includes(w));
  if (first && first[0] !== "left_early" && !first[1].test(text)) {
    out.push({ check: "bad moment not owned", found: `no line owning ${first[0]}` });
  }
  for (const m of prose(text).matchAll(EXCUSE)) out.push({ check: "excuse beside the owning line", found: m[0] });
  return out;
}

/** The names a slip in the notes put in place of the right one: never to be written anywhere. */
function slippedNames(input: DebriefInput): string[] {
  const right = `${input.interview.company} ${input.interview.interviewer.name}`.toLowerCase();
  return [...(input.notes ?? "").matchAll(SLIPPED_NAME)]
    .map((m) => m[1] ?? m[2] ?? "")
    .filter((n) => n.length > 2 && !right.includes(n.toLowerCase()));
}

/** Challenges quoted in the questions to ask: the employer's problem handed back to them in the room. */
function restatedChallenges(text: string, input: DebriefInput): string[] {
  const ask = text.split(/\n\s*Questions to ask\s*\n/u)[1] ?? "";
  const lower = ask.toLowerCase();
  const starts = [input, tidyDebrief(input)].flatMap((d) =>
    d.challenges.map((c) =>
      challengeParts(c)
        .text.replace(/^[\s•·*+\-–—\d.)]+/u, "")
        .split(/\s+/u)
        .slice(0, 5)
        .join(" ")
        .toLowerCase(),
    ),
  );
  return [...new Set(starts)].filter((start) => start.split(" ").length >= 3 && lower.includes(start));
}

/** The defects in a text the product wrote for this debrief. */
/**
 * A note on how to deliver the answer, sent as the answer: "I would say the numbers.", "I would
 * mention the Leeds case.", "I would keep it to a minute this time."
 */
const STAGE_DIRECTION =
  /\bI would (?:(?:also )?(?:say|mention|talk about|bring up|give|stress|highlight) (?:(?:the|my|that|this) (?:[\w-]+ ){0,3}(?:examples?|stor(?:y|ies)|case|numbers|figures|stats|results)|it|this|that|them)(?=[.,;:!]| this time| again| first|$)|keep it (?:short|brief|positive|simple|concise|upbeat|to |under ))|(?:^|[.!?]\s+)No digs\b/gimu;

export function defectsIn(text: string, { input, kind }: DefectContext): Defect[] {
  const out: Defect[] = [];
  const add = (check: DefectCheck, found: Iterable<string>) => {
    for (const f of found) out.push({ check, found: f });
  };
  const plain = prose(text);
  add(
    "pasted bullet",
    [...plain.matchAll(BULLET_CHARS), ...plain.matchAll(DOUBLE_MARK), ...plain.matchAll(MARK_IN_TEXT)].map((m) =>
      m[0].trim(),
    ),
  );
  add("capitalised run", capitalisedRuns(text, input));
  add(
    "contraction without apostrophe",
    [...plain.matchAll(CONTRACTIONS)].map((m) => m[0]),
  );
  add(
    "slang",
    [...plain.matchAll(SLANG)].map((m) => m[0]),
  );
  add(
    "own framing",
    [...plain.matchAll(FRAMING)].map((m) => m[0]),
  );
  add(
    "note-speak",
    [...plain.matchAll(NOTE_SPEAK)].map((m) => m[0].trim()),
  );
  add(
    "note to self",
    [...plain.matchAll(NOTE_TO_SELF)].map((m) => m[0]),
  );
  add(
    "broken instruction",
    [...plain.matchAll(BROKEN_INSTRUCTION)].map((m) => m[0]),
  );
  add(
    "stage direction",
    [...plain.matchAll(STAGE_DIRECTION)].map((m) => m[0].trim()),
  );
  add("team called they or we", teamPronouns(text, input));
  add("name not in its own casing", miscased(text));
  if (kind === "letter") {
    // The letter is written to the team: their own numbers, or their problem as typed, read as a swipe.
    add(
      "the team's figure quoted back",
      new Set([...teamFigures(text, input), ...teamFigures(text, tidyDebrief(input))]),
    );
    add("challenge pasted as typed", [
      ...new Set([...pastedChallenges(text, input), ...pastedChallenges(text, tidyDebrief(input))]),
    ]);
    add(
      "boilerplate pair",
      [...plain.matchAll(BOILERPLATE)].map((m) => m[0]),
    );
  }
  if (kind === "letter" && input.offDay !== "omit") {
    if (input.whatHappened.includes("too_blunt") && !OWNED_BLUNTNESS.test(text)) {
      add("too-blunt remark not owned", ["no sentence of apology for the remark"]);
    }
    if (input.whatHappened.includes("left_early") && !SAID_LEFT_EARLY.test(text)) {
      add("leaving early not said", ["no sentence saying the candidate left early"]);
    }
    for (const d of momentDefects(text, input)) add(d.check, [d.found]);
  }
  add(
    "wrong name repeated",
    slippedNames(input).filter((n) => new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}\\b`, "u").test(text)),
  );
  if (kind === "tips") add("challenge restated in questions to ask", restatedChallenges(text, input));
  if (kind !== "letter") {
    const typedWithLetters = [input.candidate.name, input.interview.interviewer.name].filter((n) =>
      AFTER_COMMA.test(n),
    );
    add(
      "letters after a name",
      typedWithLetters.filter((n) => text.includes(n)),
    );
  }
  if (kind === "nudge")
    add(
      "oddly exact window",
      [...text.matchAll(ODD_WINDOW)].map((m) => m[0]),
    );
  return out;
}

/** One line per defect, for a failure message. */
export function describeDefects(defects: readonly Defect[]): string {
  return defects.map((d) => `${d.check}: ${d.found}`).join("\n");
}
