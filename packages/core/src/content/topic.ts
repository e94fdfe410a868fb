/**
 * A challenge the interviewer described, as the letter may name it back to them: the topic
 * or the goal ("your churn model", "the move to Snowflake", "building a creator programme"),
 * never their figures, failures, blame or gossip ("is 11 weeks behind", "nobody trusts the
 * numbers", "since the old lead left"). Career advisers write a challenge back that way:
 * the interviewer knows their own numbers, and hearing them quoted back, or a third party
 * blamed, reads as a swipe. The tagger reads which words are the subject of a statement.
 */
import nlp from "compromise";
import { mayBeInstruction } from "../debrief/tidy/tagger";
import { indefiniteArticle } from "./text";

type Term = { text: string; tags: string[]; offset: { start: number } };

function terms(text: string): Term[] {
  return (nlp(text).json({ offset: true }) as { terms: Term[] }[]).flatMap((s) => s.terms);
}

const has = (t: Term | undefined, tag: string) => Boolean(t?.tags.includes(tag));
const isFiniteVerb = (t: Term) =>
  has(t, "Verb") && !has(t, "Gerund") && !(has(t, "Infinitive") && !has(t, "PresentTense"));

/** Where a challenge's clauses part: a dash, a colon, a comma, a semicolon, or a word that starts a reason or an aside. */
const CLAUSE_BREAK =
  /\s+[-–—]+\s+|\s*[:;,]\s+|\s+(?:because|since|after|but|so|although|though|while|whereas|which|until|not|esp(?:ecially)?|e\.g\.|i\.e\.)\s+/iu;

/**
 * Words that judge, blame or gossip: a clause with one of them is not written back. A
 * closed list of English words of judgement, not of any one debrief's topics.
 */
const JUDGEMENT = new RegExp(
  `\\b(?:${[
    "bad",
    "badly",
    "terrible",
    "terribly",
    "awful",
    "horrible",
    "horrendous",
    "poor",
    "poorly",
    "weak",
    "slow",
    "broken",
    "mess",
    "messy",
    "chaos",
    "chaotic",
    "disaster",
    "disastrous",
    "nightmare",
    "shambles",
    "failing",
    "failed",
    "fail",
    "fails",
    "flop",
    "flopped",
    "worst",
    "lowest",
    "low",
    "behind",
    "unhappy",
    "angry",
    "furious",
    "frustrated",
    "annoyed",
    "upset",
    "blame",
    "blames",
    "blamed",
    "fault",
    "quit",
    "quits",
    "fired",
    "sacked",
    "resigned",
    "burnt",
    "burned",
    "burnout",
    "nobody",
    "noone",
    "no one",
    "nothing",
    "never",
    "can't",
    "cannot",
    "can’t",
    "couldn't",
    "couldn’t",
    "won't",
    "don't",
    "doesn't",
    "isn't",
    "aren't",
    "basically",
    "just",
    "only",
    "cliff",
    "dropped",
    "crashed",
    "tanked",
    "plummeted",
    "collapsed",
    "missed",
    "lost",
    "losing",
    "lose",
    "struggling",
    "struggle",
    "struggles",
    "complain",
    "complains",
    "complaints",
    "outdated",
    "old",
    "hate",
    "hates",
    "unevenly",
    "overdue",
    "late",
    "stretched",
    "understaffed",
    "toxic",
    "clueless",
    "useless",
    "incompetent",
    "lazy",
    "worse",
    "higher",
    "too",
  ].join("|")})\\b`,
  "iu",
);

/** People and parties a clause can be about: a clause whose subject is one of them is gossip, not a topic. */
const PEOPLE =
  /^(?:i|you|he|she|they|we|it|its|it's|it’s|this|that|there|someone|somebody|everyone|everybody|nobody|people|staff|team|teams|manager|managers|boss|director|directors|lead|leads|head|ceo|cfo|cto|coo|pm|pms|client|clients|customer|customers|agency|agencies|vendor|vendors|contractor|contractors|consultant|consultants|leadership|management|board|teachers?|nurses?|doctors?|students?|parents?|engineers?|developers?|designers?|planners?|chefs?|drivers?|reps?|predecessor|microbiologists?|colleagues?|subbies|trades|employees?|workers?|members?|owner|owners|founder|founders|person|guy|guys)$/iu;

/** Groups of people the team works with, named in the plural. */
const GROUP =
  /^(?:teachers|nurses|doctors|students|parents|engineers|developers|designers|drivers|reps|vendors|suppliers|contractors|consultants|agencies|subcontractors|subbies|trades|clients|customers|colleagues|volunteers|managers|clinicians|carers|tenants|residents|patients|partners|stakeholders|learners|users|members|families|candidates|applicants|recruits|graduates|trainees|apprentices)$/iu;

/** A goal typed as what the team needs or wants: "You need someone who can own the budget", "they want to move upmarket". */
const GOAL =
  /^(?:(?:you|they|we|he|she|(?:the|your|their|our)\s+\p{L}+)\s+)?(?:really\s+|also\s+|urgently\s+|now\s+)?(?:need|needs|want|wants|are\s+looking\s+for|is\s+looking\s+for|['’]re\s+looking\s+for|would\s+like|['’]d\s+like|hope|hopes|plan|plans|aim|aims|are\s+trying|is\s+trying|['’]re\s+trying|have\s+to|has\s+to|must)\s+(?:(?:someone|somebody|a\s+person|a\s+candidate|an?\s+[\p{L}-]+)\s+(?:(?:who|that)\s+(?:can|could|will|would)\s+|to\s+))?(?:to\s+)?(.+)$/iu;

/** What the team is doing: "you're moving payroll to Workday" gives "moving payroll to Workday". */
const UNDERWAY =
  /^(?:you|we|they|your\s+team|the\s+team)\s*(?:['’]re|are|is)\s+(?:currently\s+|now\s+|about\s+to\s+|in\s+the\s+middle\s+of\s+)?(\p{L}+ing\b.*)$/iu;

/** Verbs of repair that say something is broken: the goal is said as improving it. */
const REPAIR = /^(?:clean\s+up|fix|sort\s+out|sort|rescue|turn\s+around|overhaul|untangle|salvage|repair)\s+/iu;

/** Metrics where less is better: the topic is reducing them. */
const LESS_IS_BETTER =
  /\b(?:failure\s+rates?|churn|turnover|attrition|absence|absenteeism|backlog|delays?|errors?|defects?|incidents?|complaints?|waiting\s+times?|wait\s+times?|costs?|spend|overspend|downtime|outages?|vacancies|readmissions?|infections?)$/iu;

/** Words that fill a typed clause without saying anything: dropped from the topic. */
const FILLER = /\b(?:really|basically|kind\s+of|kinda|sort\s+of|totally|actually)\s+|\blike\s+(?=[~≈\d$£€])|~/giu;

/**
 * A figure: a percentage, an amount of money, a multiple, or a number that counts
 * something ("11 weeks", "3 quarters", "half"), but not a number that is part of a name
 * ("Algebra 1", "Q2", "Year 3", "9th grade").
 */
function hasFigure(text: string): boolean {
  if (/[%$£€¥]|\d\s*(?:k|m|bn|x)\b|\bx\s?\d|\bper\s*cent\b|\bpercent\b/iu.test(text)) return true;
  if (/\b(?:half|a\s+third|a\s+quarter|twice|double|triple|dozens?|hundreds?|thousands?|millions?)\b/iu.test(text))
    return true;
  for (const m of text.matchAll(/(?:^|\s)(\d+(?:[.,]\d+)?)(?=\s|$|[.,;:])/gu)) {
    const before = text.slice(0, m.index).trim().split(/\s+/u).at(-1);
    // A number right after a word that names something ("Algebra 1", "phase 2") is a name.
    if (
      !before ||
      /^(?:is|are|was|were|at|in|by|of|to|from|over|under|about|around|for|within|across|among|into|with|per|nearly|almost|roughly|only|just|than|the|and|has|have|had|lost|cut|down|up)$/iu.test(
        before,
      )
    )
      return true;
  }
  return /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\s+(?:\p{L}+\s+)?(?:weeks?|months?|days?|years?|quarters?|hours?|people|staff|schools?|sites?|clients?|times|in\s+a\s+row)\b/iu.test(
    text,
  );
}

/** The -ing form of a verb's base form: own → owning, move → moving, plan → planning, tie → tying. */
export function gerund(verb: string): string {
  const v = verb.toLowerCase();
  if (v.endsWith("ie")) return `${v.slice(0, -2)}ying`;
  if (/[^aeiou]e$/u.test(v) && v !== "be") return `${v.slice(0, -1)}ing`;
  // One syllable ending consonant-vowel-consonant doubles its last letter (plan, cut, map).
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/u.test(v)) return `${v}${v.at(-1)}ing`;
  return `${v}ing`;
}

/** A goal's words as a topic: an action as its -ing form ("owning the budget"), a thing as typed. */
function goalTopic(rest: string): string | undefined {
  const repaired = rest.replace(REPAIR, "improve ");
  const words = repaired.split(/\s+/u);
  // "coaches in classrooms" is a thing wanted, not an action: a base form has no plural -s.
  if (mayBeInstruction(repaired) && !/[^s]s$/iu.test(words[0] ?? "")) {
    return [gerund(words[0] ?? ""), ...words.slice(1)].join(" ");
  }
  return repaired;
}

/**
 * The subject of a statement ("on-time delivery" of "on-time delivery is at 82%"), when it
 * is a thing and not a person or a pronoun; undefined when the clause has no verb.
 */
function subjectOf(clause: string): { subject?: string; verb: boolean } {
  const ts = terms(clause);
  // A verb's base form after a plural noun is its present tense too ("motor controllers reset").
  let at = ts.findIndex(
    (t, i) => i > 0 && (isFiniteVerb(t) || (has(t, "Infinitive") && !has(t, "Gerund") && has(ts[i - 1], "Plural"))),
  );
  // A verb read as a plural noun: a word in -s right before "the", "a" or "your" ("Warehouse misses the SLA").
  if (at < 0)
    at = ts.findIndex(
      (t, i) => i > 0 && /[^s']s$/iu.test(t.text) && has(ts[i + 1], "Determiner") && !has(ts[i - 1], "Preposition"),
    );
  if (at < 0) return { verb: false };
  // A plural noun read as a verb before the real one ("releases ship", "vendors miss").
  const next = ts[at + 1];
  const noVerb = ["Determiner", "Preposition", "Adverb", "Adjective", "Value", "Conjunction", "Pronoun", "PastTense"];
  if (
    next &&
    /[^s]s$/iu.test(ts[at]?.text ?? "") &&
    !has(ts[at], "Copula") &&
    !has(ts[at], "Auxiliary") &&
    !/ing$/iu.test(next.text) &&
    !noVerb.some((tag) => has(next, tag))
  )
    at += 1;
  const subject = ts.slice(0, at);
  const head = subject.at(-1)?.text.replace(/[^\p{L}'’]/gu, "") ?? "";
  const words = clause.slice(0, ts[at]?.offset.start).replace(/[\s,;:-]+$/u, "");
  // A group the team works with is a topic ("working with translation vendors"); a person or a pronoun is not.
  // Some people in particular ("two science teachers") are not a group to work with.
  const counted = /^(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|several|some|a\s+few|\d+)\s/iu.test(
    words,
  );
  if (GROUP.test(head) && !counted) return { subject: `working with ${words}`, verb: true };
  if (subject.length === 0 || PEOPLE.test(head) || subject.every((t) => has(t, "Pronoun"))) return { verb: true };
  // One thing named by a bare word reads right only as an abstract noun ("On compliance", not "On warehouse").
  if (/^\p{L}+$/u.test(words) && !/(?:s|tion|sion|ment|ance|ence|ing|ity|ness|ure|ship|ism|acy|ics)$/iu.test(words))
    return { verb: true };
  return {
    subject: /^(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s/iu.test(words) ? `the ${words}` : words,
    verb: true,
  };
}

/** A number in a topic that counts something is left out with the words that go with it. */
function withoutFigures(topic: string): string | undefined {
  // A clause about a person inside the topic ("the accounts you lost") is cut with the figures.
  const aboutPeople = /(?<=\p{L})\s+(?:you|they|we|he|she|I)\s+\p{L}.*$/u;
  const words = topic.replace(aboutPeople, "").split(/\s+/u);
  const cut = words.findIndex((_, i) => hasFigure(words.slice(0, i + 1).join(" ")));
  if (cut < 0 && !aboutPeople.test(topic)) return topic;
  const kept = cut < 0 ? words : words.slice(0, cut);
  while (
    kept.length > 0 &&
    /^(?:by|to|from|of|at|in|on|for|with|within|across|among|into|over|under|around|about|the|a|an|and|or|is|are)$/iu.test(
      kept.at(-1) ?? "",
    )
  )
    kept.pop();
  // What is left of a cut topic says something only with two words or more ("hiring" alone does not).
  return kept.length > 1 ? kept.join(" ") : undefined;
}

/** The most words a topic keeps: longer, it is a story rather than a topic. */
const TOPIC_MAX_WORDS = 12;

/**
 * The topic of a typed (tidied) challenge, written to be said back to the interviewer, or
 * undefined when every clause of it is a figure, a judgement or gossip. From the first
 * clause that gives one: a goal as what the candidate would do ("owning the paid social
 * budget"), a statement's subject ("your claims dashboards in Tableau"; a metric where less
 * is better as "reducing …"), or a phrase without a verb as typed ("the move to Snowflake").
 * `placed` writes a clause's first word as it reads inside a sentence (phrasing.ts midSentence).
 */
export function challengeTopic(challenge: string, placed: (clause: string) => string = (c) => c): string | undefined {
  const text = challenge
    .replace(/\s*\([^)]*\)/gu, (p) => (hasFigure(p) || JUDGEMENT.test(p) ? "" : p))
    .replace(/^[\s\p{P}]+|[\s.!?;:,]+$/gu, "")
    .replace(FILLER, "");
  const clauses = text.split(CLAUSE_BREAK).flatMap(splitAtAnd);
  for (const raw of clauses) {
    const clause = placed(raw.trim());
    if (!clause) continue;
    const goal = GOAL.exec(clause);
    const underway = UNDERWAY.exec(clause);
    const topic = goal ? goalTopic(goal[1] ?? "") : underway ? underway[1] : statementTopic(clause);
    if (!topic) continue;
    const clean = withoutFigures(topic);
    if (!clean || JUDGEMENT.test(clean) || !/\p{L}{3}/u.test(clean)) continue;
    if (clean.split(/\s+/u).length > TOPIC_MAX_WORDS) continue;
    return clean;
  }
  return undefined;
}

/** A statement's topic (its subject), or a phrase without a finite verb as it is. */
function statementTopic(clause: string): string | undefined {
  // "No design system": what is missing is the topic ("a design system").
  const missing = /^(?:no|zero|a\s+lack\s+of|lack\s+of|not\s+enough|missing)\s+(?!one\b|body\b)(.+)$/iu.exec(
    clause,
  )?.[1];
  if (missing)
    return /[^s]s$/iu.test(missing.split(/\s+/u).at(-1) ?? "") ? missing : `${indefiniteArticle(missing)} ${missing}`;
  const ts = terms(clause);
  const first = ts[0];
  // "Migrating to services": a phrase; "Win back the accounts" (no "is" after it): a goal.
  if (has(first, "Gerund")) return clause;
  // An instruction has its object after it ("Win back the accounts", "Get more parents in"),
  // which "Change management" or "Cost control" do not.
  const imperative =
    mayBeInstruction(clause.toLowerCase()) &&
    /^\p{L}+(?:\s+(?:up|down|back|out|off|in|on|over))?\s+(?:the|a|an|our|your|their|more|less|fewer|every|all|each|new|\d+)\s/iu.test(
      clause,
    ) &&
    !ts.some((t) => has(t, "Copula"));
  if (imperative) return goalTopic(clause);
  if (/^(?:it['’]?s|that['’]?s|there['’]?s|this\s+is|it\s+is|that\s+is)\b/iu.test(clause)) return undefined;
  const { subject, verb } = subjectOf(clause);
  const phrase = verb ? subject : clause;
  if (!phrase) return undefined;
  const head = phrase.replace(/\s+(?:in|at|on|of|for|across|among|within)\s+.*$/iu, "");
  if (LESS_IS_BETTER.test(head)) {
    // A rate or a time is counted: "reducing the failure rate"; churn or turnover is not.
    const the = /(?:rate|time)$/iu.test(head) && !DETERMINER.test(phrase) ? "the " : "";
    return `reducing ${the}${phrase}`;
  }
  // A thing named with where or when it is ("PCI audit in March") reads with "the".
  const placedThing = /^\p{L}+(?:\s+\p{L}+)*?\s+(?:in|at|on|for|across)\s/iu.test(phrase);
  if (!verb && placedThing && !DETERMINER.test(phrase)) return `the ${phrase}`;
  return phrase;
}

const DETERMINER = /^(?:the|a|an|your|our|their|my|this|that|these|those|each|every|some|any|more|less|fewer)\s/iu;

/** "X is late and the client is unhappy": two clauses when what follows "and" has a verb of its own. */
function splitAtAnd(clause: string): string[] {
  const parts = clause.split(/\s+(?:and|&)\s+/iu);
  const ownVerb = (p: string) => terms(p).some((t, i) => i > 0 && isFiniteVerb(t));
  const out: string[] = [];
  for (const p of parts) {
    const prev = out.at(-1);
    if (prev !== undefined && !(ownVerb(prev) && ownVerb(p))) out[out.length - 1] = `${prev} and ${p}`;
    else out.push(p);
  }
  return out;
}
