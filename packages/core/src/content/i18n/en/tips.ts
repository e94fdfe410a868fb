/**
 * English wording of the second-interview tips, and the English rules that tell
 * what kind of question the candidate fumbled (a second language brings its own).
 * What goes in which section lives in ../../tips.ts.
 */
import type { WhatHappened } from "../../../debrief/schema";

export const QUESTION_TYPES = ["behavioural", "technical", "motivation", "hypothetical", "other"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** What a candidate is asked to walk through or tell about that is their own story. */
const EXPERIENCE =
  "(?:time|situation|moment|occasion|project|deal|decision|launch|campaign|mistake|failure|achievement|conflict|crisis|turnaround|negotiation|shift|day|week|incident|outage|emergency|case|complaint|hire|sale)s?";
/** Their CV, background or reasons: a question about motivation, never a story. */
const ABOUT_THEMSELVES = "(?:yourself|your (?:cv|résumé|resume|background|career|interest|motivation|reasons?))\\b";
/** "…you led", "…you designed": a clause about what they did, not what they would do. */
const WHAT_YOU_DID = "\\byou(?!\\s*(?:would|'d|’d|will|'ll|’ll|might|could|should|can)\\b)\\s+\\p{L}";

/**
 * The first rule that matches the question decides its type (case-insensitive, on
 * the question as typed). Order matters: "Tell me about a time you designed…" is a
 * story, not a design question; "Walk me through a project you led" and "…your biggest
 * deal" are stories, while "Walk me through a cash flow model" or "…how you would
 * debug it" are technical; "How would you design…" is design, while another
 * "How would you…" is a hypothetical; "How do you…" asks how you work, shown by a story.
 */
export const QUESTION_RULES: readonly { type: QuestionType; pattern: RegExp }[] = [
  {
    type: "behavioural",
    pattern: new RegExp(
      [
        `\\btell (?:me|us) about (?!${ABOUT_THEMSELVES}|why\\b|how\\b|what\\b|the differences? between\\b)`,
        `\\b(?:walk|talk|take) (?:me|us) (?:through|thru) (?:your (?!cv\\b|résumé\\b|resume\\b|background\\b|career\\b)|(?:a|an|one|the)\\s(?:[^?.!]*?${WHAT_YOU_DID}|(?:\\p{L}+\\s+){0,2}${EXPERIENCE}\\b))`,
        `\\bdescribe (?:a|one|the last) (?:time|situation|moment|occasion)\\b`,
        `\\b(?:give|share|tell)(?: me| us)? (?:an|one) example\\b`,
        `\\bhave you ever\\b`,
        `\\bhow did you\\b`,
        `\\bwhat did you do (?:when|after|if)\\b`,
        `\\bwhen (?:was|did) you (?:last )?\\p{L}+`,
      ].join("|"),
      "iu",
    ),
  },
  {
    type: "hypothetical",
    pattern:
      /\b(?:walk|talk|take) (?:me|us) (?:through|thru) what you(?: would|'d|’d) do\b|\btell (?:me|us) how you(?: would|'d|’d) (?:handle|deal|respond|react|approach|manage|cope|convince|persuade|resolve|prioriti[sz]e)\b|\bwhat (would|will|should) you do (if|when|about|first)\b|\b(imagine|suppose|say) (that |you |your |a |an |the )|\bif you (were|had|joined|found|started|discovered|inherited)\b|\bhow would you (handle|deal|respond|react|approach|manage|cope|tell|convince|persuade|win|raise|grow|improve|motivate|prioriti[sz]e|resolve)\b/i,
  },
  {
    type: "motivation",
    pattern:
      /^\s*why\b|\bwhy (are|were|did|do|would) you (want|leav|apply|applied|choose|chose|interest|looking|moving|move|chang|join)|\bwhy (us|this (role|job|company|position|team|sector|industry|field))\b|\bwhat (attracts|draws|interests|motivates|excites) you\b|\bwhere do you see yourself\b|\bwhat are you looking for\b|\bwhy should we\b|\btell (me|us) about (yourself|your (cv|résumé|resume|background|career|interest|motivation|reasons?))\b|\b(walk|talk) (me|us) through your (cv|résumé|resume|background|career)\b/i,
  },
  {
    type: "technical",
    pattern:
      /\bdesign\b|\barchitect|\bdebug|\balgorithm|\bcomplexity\b|\bsql\b|\bquery\b|\bapi\b|\bcod(e|ing)\b|\bsystem\b|\bdatabase|\bschema\b|\bmodel\b|\bcalculat|\bestimat|\bmetric|\bformula\b|\bdifference between\b|\bexplain (how|what|why|the)\b|\bwhat happens (when|if)\b|\bwalk (me|us) through\b|\bhow would you (build|implement|test|measure|find|analy[sz]e|scale|optimi[sz]e|structure|migrate|secure|monitor|diagnose|troubleshoot|investigate|evaluate|compare|set up|track)\b/i,
  },
  { type: "hypothetical", pattern: /\bhow would you\b|\bwhat would you\b/i },
  { type: "behavioural", pattern: /^\s*how do you\b/i },
];

type Rehearsal = { question: string; betterAnswer: string; example?: string; company: string };

/**
 * One rehearsal shape per type (../shared/content/ADVICE.md, "Rehearsal by question type").
 * `question` is already quoted, the answer and example are full sentences.
 */
export const REHEARSAL: Record<QuestionType, (r: Rehearsal) => string[]> = {
  behavioural: (r) => [
    `${r.question} asks about your experience: answer it with one real story.`,
    // The example the candidate typed is often the result ("it cut drop-off by 18%"), never labelled as the situation.
    r.example
      ? `Situation: set the scene for this example, briefly. ${r.example}`
      : "Situation: pick one moment from your work where this came up, and set the scene in a sentence or two.",
    `Your part: what you did yourself, in a few steps. Build it around your better answer: ${r.betterAnswer}`,
    "Result: finish on what changed, with a number if you have one, then stop.",
  ],
  technical: (r) => [
    `${r.question} is a technical question: show how you think, step by step.`,
    "Goal: say in one sentence what a good solution must achieve, and ask one question to check you have it right.",
    `Approach: outline it in a few steps, starting from your better answer: ${r.betterAnswer}`,
    "Trade-offs: name one or two choices you would make, and what each one costs.",
    "Check: say how you would know it works, such as a test, a measure, or a small trial.",
    ...(r.example ? [`Proof: if there is time, add what you have done before. ${r.example}`] : []),
  ],
  motivation: (r) => [
    `${r.question} is about your motivation: answer it looking forward.`,
    "Past: one sentence on what you have done so far and what it taught you.",
    `Present: what you want to do more of now, in your own words: ${r.betterAnswer}`,
    `Future: why this role at ${r.company} is the right next step.`,
    ...(r.example ? [`A detail that makes it real: ${r.example}`] : []),
    "Keep it about what you are moving towards, never a complaint about a person or an employer.",
  ],
  hypothetical: (r) => [
    `${r.question} asks what you would do: take them through it in order.`,
    `Steps: what you would do first, next, and last, starting from your better answer: ${r.betterAnswer}`,
    "People: who you would involve, and when you would bring them in.",
    "Success: how you would know it worked, and what you would do if it did not.",
    ...(r.example ? [`Proof: if you have done something like it, say so in one line. ${r.example}`] : []),
  ],
  other: (r) => [
    `${r.question}: give your answer in the first sentence, then back it up.`,
    `Answer: ${r.betterAnswer}`,
    `Evidence: ${r.example ?? "one concrete example from your work."}`,
    "Then stop: a short answer invites the follow-up question you are ready for.",
  ],
};

/** The next conversation, by the stage of the one they debriefed. */
type Stage = "screening" | "first" | "second" | "final";
const NEXT: Record<Stage, { heading: string; intro: string }> = {
  screening: {
    heading: "Preparing for the next interview",
    intro: "The interview after a screening call usually goes deeper into what the call touched on.",
  },
  first: {
    heading: "Preparing for a second interview",
    intro: "Second rounds often exist to probe the concerns the first one left.",
  },
  second: {
    heading: "Preparing for the next round",
    intro: "Later rounds often bring in new people and go back over what the earlier ones left open.",
  },
  final: {
    heading: "Preparing for a further conversation",
    intro: "When a final round is followed by another conversation, it is usually to settle one open question.",
  },
};

/** The unwell plan is advice for both illness and leaving early: one sentence, so it is given once. */
const UNWELL_PLAN =
  "Make a plan for feeling unwell: water and something to eat, your main points on one page, and a sentence ready to ask for a short break.";

/**
 * Preparation specific to what went wrong, from the sources in ../shared/content:
 * composure for nerves, logistics for outfit and lateness, call set-up for bad
 * calls, curveball and emotional-intelligence questions after a blunt answer, a
 * plan for feeling unwell after illness or leaving early.
 */
export const SITUATION_TIPS: Record<WhatHappened, string[]> = {
  nerves: [
    "Breathe out slowly for longer than you breathe in, a few times, before you walk in or join the call.",
    "Pause before each answer: a short silence reads as thought, not panic.",
    "Know your first sentence about yourself by heart; starting well steadies the rest.",
  ],
  rambling: [
    "Decide the last sentence of each answer before you start, and stop when you reach it.",
    "Time yourself: most answers fit in under two minutes.",
  ],
  illness: [
    UNWELL_PLAN,
    "If you feel ill on the day, ask early whether the interview can move; it reads better than struggling through.",
  ],
  outfit: [
    "Lay your clothes out the night before and try them on.",
    "Pack a spare top and a few safety pins; a mishap you can fix in a minute stays small.",
  ],
  late: [
    "Plan the journey with thirty minutes to spare, and know where you will wait if you are early.",
    "Clear the hour after the interview so nothing makes you leave early.",
  ],
  too_blunt: [
    "Expect curveball and emotional-intelligence questions, such as why you are leaving or how you handled a difficult manager.",
    "Answer them by what you are moving towards, not what you are leaving: honest, and fair to everyone involved.",
  ],
  bad_call: [
    "Set up the call beforehand: a quiet room, a charged phone or laptop, headphones, and a glass of water.",
    "Sit up straight and smile when you speak; it carries in your voice.",
  ],
  blanked: [
    "Keep three short stories ready that you can adapt to most questions.",
    'If your mind goes blank, say so calmly and ask for a moment: "Let me think of the best example."',
  ],
  technical_issue: [
    "Join five minutes early to test audio, video, and screen sharing.",
    "Have a phone number ready to switch to if the connection drops, and agree on it at the start.",
  ],
  left_early: [
    UNWELL_PLAN,
    "Keep the rest of the day free, so nothing pulls you away before the interview ends.",
    "If you do have to leave, say so at once, in one sentence, and offer a way to finish: a call later that day or another time.",
  ],
  other: ["Write down what threw you last time and the one thing you will do differently."],
};

/**
 * Questions about where a skill the candidate linked to a challenge would help; used in turn.
 * They ask about the goal, never quote the challenge: said in the room, "On “You lost a big
 * client…”" hands the employer's sore point back to them.
 */
const SKILL_QUESTIONS: readonly ((skill: string) => string)[] = [
  (s) => `Where would you most like someone with experience in ${s} to make a difference in the first months?`,
  (s) => `What would good work in ${s} look like to you a year from now?`,
  (s) => `Who would I work with most closely on ${s}, and what do they need from the role?`,
];

export const tipsText = {
  next: (stage: Stage | undefined) => NEXT[stage ?? "first"],
  subject: (heading: string, role: string, company: string) => `${heading}: ${role} at ${company}`,
  intro: (stageIntro: string) =>
    `${stageIntro} Here is a plan built from your own debrief, and a practice session to put in your calendar.`,
  rehearseHeading: "Rehearse the questions that went badly",
  situationsHeading: "Prepare for what happened last time",
  researchHeading: "Research the people and the team",
  research: (interviewer: string, company: string) => [
    `Ask who you will meet next (often a panel, or several people in turn), then read up on each of them, starting with ${interviewer}.`,
    `Look for what ${company} has published or announced lately, and what the team you would join is responsible for.`,
    "Expect the same topics again, in more depth: the next conversation often probes what the last one left open.",
  ],
  interviewer: (name: string, title?: string) => (title ? `${name} (${title})` : name),
  askHeading: "Questions to ask",
  /** When the candidate linked a skill to a challenge; the wordings are used in turn. */
  skillQuestion: (skill: string, i: number) =>
    (SKILL_QUESTIONS[i % SKILL_QUESTIONS.length] ?? SKILL_QUESTIONS[0]!)(skill),
  /** Once for the challenges no skill answers: their goal, asked neutrally. */
  goalQuestion: "What are the team's priorities for the coming year, and how would this role contribute to them?",
  generalQuestions: [
    "What should the first months in the role achieve, and how will you judge that?",
    "What does the team find hardest about working together today?",
    "Is there anything from our last conversation you would like me to go into in more depth?",
  ],
};
