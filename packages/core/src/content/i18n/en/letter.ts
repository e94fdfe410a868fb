/**
 * Every word the letter composer writes, in English. A second language is a second
 * file of this shape (see ../index.ts), not edits across the composer.
 *
 * Rules for whoever edits these strings (each is tested over every persona):
 * - A typed phrase never stands before a verb that must agree with it: "my X comes in"
 *   breaks when X is plural. Typed phrases go after a verb or preposition, or before a colon.
 * - A typed challenge is written as a phrase after a colon, never as a bare line.
 * - At most one "I should have" in a letter; the composer strips the candidate's own lead-ins.
 * - Nothing here may state a fact (a number, a name, a date) that the debrief did not give.
 */
import type { Tone } from "../../../debrief/schema";

export type ByTone = Record<Tone, string>;

export const letterWords = {
  subject: (role: string, company: string): ByTone => ({
    warm: `Following up on the ${role} interview at ${company}`,
    formal: `${role} interview at ${company}: thank you and follow-up`,
    concise: `${role} at ${company}: following up`,
  }),
  greeting: (name: string): ByTone => ({ warm: `Dear ${name},`, formal: `Dear ${name},`, concise: `Hello ${name},` }),
  closing: { warm: "Best wishes,", formal: "Kind regards,", concise: "Best," } satisfies ByTone,

  thanks: (role: string, company: string): ByTone => ({
    warm: `Thank you for taking the time to talk with me about the ${role} role at ${company}.`,
    formal: `Thank you for your time and for the opportunity to interview for the ${role} position at ${company}.`,
    concise: `Thank you for your time discussing the ${role} role at ${company}.`,
  }),
  /** Thanks after the interest sentence came first (illness, leaving early): the role is already named. */
  thanksShort: {
    warm: "Thank you for taking the time to talk with me.",
    formal: "Thank you for your time and for the opportunity to interview.",
    concise: "Thank you for your time.",
  } satisfies ByTone,

  /** Said once in every letter: the candidate still wants the job. */
  interest: {
    warm: "I am still very interested in the role, and I would love to be part of your team.",
    formal: "I remain very interested in the position and in contributing to your team.",
    concise: "I am still very interested in the role.",
  } satisfies ByTone,
  /** After leaving early or feeling unwell, the interest comes first, with the role named. */
  interestFirst: (role: string, company: string): ByTone => ({
    warm: `I want to start by saying that I am still very interested in the ${role} role at ${company}.`,
    formal: `I would like to begin by confirming that I remain very interested in the ${role} position at ${company}.`,
    concise: `First: I am still very interested in the ${role} role at ${company}.`,
  }),
  /** Interest with the skills the candidate listed, when no challenge is paired with a skill. */
  interestWithSkills: (skills: string): ByTone => ({
    warm: `I am still very interested in the role, and I would love to bring my skills in ${skills} to your team.`,
    formal: `I remain very interested in the position and in contributing my skills in ${skills} to your team.`,
    concise: `I am still very interested in the role and would bring my skills in ${skills} to it.`,
  }),
  /** The nothing-to-say note: interest with a look ahead instead of evidence. */
  interestOnly: {
    warm: "I am still very interested in the role, and I would be glad to tell you more about what I could bring to it.",
    formal:
      "I remain very interested in the position, and I would welcome the chance to say more about what I could contribute.",
    concise: "I am still very interested in the role and would be glad to say more about what I could bring.",
  } satisfies ByTone,

  offDay: {
    illness: {
      warm: "I was unwell during our conversation, and I am sorry it kept you from seeing how I really work.",
      formal: "I was unwell during our interview, and I regret that it affected my answers.",
      concise: "I was unwell during the interview, and it showed in my answers.",
    },
    // Owned plainly, in one line ("I'm sorry I arrived late"); the contraction is also what
    // keeps harper.js quiet: it misreads "I am sorry I…" as missing a preposition.
    left_early: {
      warm: "I'm sorry I had to leave before the end of our conversation.",
      formal: "I apologise for having to leave before we had finished.",
      concise: "I'm sorry I had to leave early.",
    },
    late: {
      warm: "I'm sorry I arrived late, and thank you for your patience.",
      formal: "I apologise for arriving late.",
      concise: "I'm sorry I arrived late.",
    },
    bad_call: (call: string): ByTone => ({
      warm: `The ${call} did not show me at my best.`,
      formal: `I do not believe the ${call} reflected what I can offer.`,
      concise: `The ${call} did not show my best.`,
    }),
    bad_call_onsite: {
      warm: "I don't think our conversation showed you my best.",
      formal: "I do not believe our conversation showed my best.",
      concise: "Our conversation did not show my best.",
    },
    technical_issue: {
      warm: "The technical problems got in the way of our conversation.",
      formal: "The technical difficulties interrupted our conversation.",
      concise: "Technical problems got in the way.",
    },
    too_blunt: {
      warm: "Looking back, one of my answers came out blunter than I meant it to: my point was about what I hope to do next, not about anyone I have worked with.",
      formal:
        "On reflection, one of my answers was more blunt than I intended: my point concerned what I hope to do next, not any person I have worked with.",
      concise:
        "One answer came out blunter than I meant: my point was about what I want next, not about anyone I have worked with.",
    },
    nerves: {
      warm: "I was more nervous than I expected, and I don't think my answers did justice to what I can bring.",
      formal: "I was more nervous than I expected, and I do not believe my answers did justice to what I can offer.",
      concise: "Nerves got the better of some of my answers.",
    },
    outfit: {
      warm: "A mishap with my outfit on the way in threw me more than it should have.",
      formal: "A wardrobe mishap on my way in unsettled me more than it should have.",
      concise: "A wardrobe mishap on the way in threw me.",
    },
    rambling: {
      warm: "Some of my answers ran longer than they should have.",
      formal: "Several of my answers were longer than they needed to be.",
      concise: "Some of my answers ran long.",
    },
    blanked: {
      warm: "I lost my train of thought on a question I wanted to answer well.",
      formal: "I lost my train of thought on one of your questions.",
      concise: "I blanked on one of your questions.",
    },
    other: {
      warm: "I don't think our conversation showed you my best.",
      formal: "I do not believe our conversation showed my best.",
      concise: "Our conversation did not show my best.",
    },
  },

  /** A challenge and the skill the candidate said answers it, one list line each. */
  pairsIntro: {
    warm: "You described what your team is working through, and this is where I can help:",
    formal: "You outlined the challenges facing your team, and I would like to address them directly:",
    concise: "On the challenges you described:",
  } satisfies ByTone,
  /**
   * One line per pair, worded differently line by line (the same verb three times in a
   * row reads mechanical); the skill always follows a verb or preposition, so nothing
   * has to agree with it.
   */
  pair: (challenge: string, skill: string, i: number): ByTone => {
    const warm = [
      `here I would bring ${skill}`,
      `I would tackle this with ${skill}`,
      `this is where I would use ${skill}`,
    ];
    const formal = [
      `I would bring ${skill} to this`,
      `I would address this through ${skill}`,
      `here I would apply ${skill}`,
    ];
    const concise = [`I would bring ${skill}`, `I would apply ${skill}`, `I would use ${skill}`];
    const at = (l: string[]) => l[i % l.length] ?? l[0];
    return {
      warm: `- ${challenge}: ${at(warm)}.`,
      formal: `- ${challenge}: ${at(formal)}.`,
      concise: `- ${challenge}: ${at(concise)}.`,
    };
  },
  /** Challenges without a skill, after the pairs: named after a colon, with an offer, never a bare complaint. */
  otherChallenges: (list: string, several: boolean): ByTone => ({
    warm: `I would be glad to hear more about ${several ? "the other challenges" : "the other challenge"} you mentioned: ${list}.`,
    formal: `I would welcome the chance to discuss ${several ? "the other challenges" : "the other challenge"} you raised: ${list}.`,
    concise: `I would like to hear more about ${several ? "the other challenges" : "the other challenge"} you raised: ${list}.`,
  }),
  onlyChallenges: (list: string, several: boolean): ByTone => ({
    warm: `I have been thinking about ${several ? "the challenges" : "the challenge"} you described: ${list}. I would be glad to talk through how I would approach ${several ? "them" : "it"}.`,
    formal: `I have reflected on ${several ? "the challenges" : "the challenge"} you outlined: ${list}. I would welcome the chance to discuss how I would approach ${several ? "them" : "it"}.`,
    concise: `On ${several ? "the challenges" : "the challenge"} you raised: ${list}. I would be glad to discuss how I would approach ${several ? "them" : "it"}.`,
  }),
  /**
   * Challenges typed some as statements ("waiting times doubled this year") and some as
   * names of a problem ("staff turnover at the front desk"): one list would mix a clause
   * and a noun phrase, so each kind gets its own verb.
   */
  mixedChallenges: (clauses: string, phrases: string, other: boolean): ByTone => ({
    warm: `${other ? "You also told me" : "You told me"} that ${clauses}, and you mentioned ${phrases}. I have been thinking about how I would approach these, and I would be glad to talk them through.`,
    formal: `${other ? "You also noted" : "You noted"} that ${clauses}, and you raised ${phrases}. I have reflected on how I would approach these, and I would welcome the chance to discuss them.`,
    concise: `${other ? "You also said" : "You said"} that ${clauses}, and you mentioned ${phrases}. I would be glad to discuss how I would approach these.`,
  }),
  skills: (list: string): ByTone => ({
    warm: `I would bring my skills in ${list} to the role.`,
    formal: `I would bring my skills in ${list} to the position.`,
    concise: `I would bring my skills in ${list} to the role.`,
  }),
  moreSkills: (list: string): ByTone => ({
    warm: `I would also bring my skills in ${list}.`,
    formal: `I would also bring my skills in ${list}.`,
    concise: `I would also bring ${list}.`,
  }),

  /** The fumbled question, answer first: the opening names the question, the answer follows, then the example. */
  reanswer: (question: string): ByTone => ({
    warm: `When you asked ${question}, I did not give you the answer I wanted to.`,
    formal: `Regarding your question ${question}, I would like to give a fuller answer.`,
    concise: `On ${question}:`,
  }),
  /** The second re-answer and those after it, worded so that no two read the same. */
  reanswerMore: (question: string, i: number): ByTone =>
    i <= 1
      ? {
          warm: `I could also have answered ${question} better.`,
          formal: `I would also like to answer ${question} more fully.`,
          concise: `On ${question}:`,
        }
      : {
          warm: `Your question ${question} deserved a better answer too.`,
          formal: `Your question ${question} also deserves a fuller answer.`,
          concise: `On ${question}:`,
        },
  /** The example after the answer, when its first word can follow "For example," in lower case. */
  forExample: (example: string): ByTone => ({
    warm: `For example, ${example}`,
    formal: `For example, ${example}`,
    concise: `For example, ${example}`,
  }),

  samplesIntro: (several: boolean): ByTone => ({
    warm: several ? "Some of my work that relates to this role:" : "A piece of my work that relates to this role:",
    formal: several
      ? "Examples of my work relevant to the position:"
      : "An example of my work relevant to the position:",
    concise: several ? "Work samples:" : "Work sample:",
  }),
  referencesIntro: (several: boolean): ByTone => ({
    warm: several
      ? "If it would help to hear from people I have worked with, they have agreed to be contacted:"
      : "If it would help to hear from someone I have worked with, they have agreed to be contacted:",
    formal: several
      ? "The following references have agreed to be contacted:"
      : "The following reference has agreed to be contacted:",
    concise: several ? "References (they have agreed to be contacted):" : "Reference (agreed to be contacted):",
  }),
  /** Offered, never attached: employers have used such plans without hiring. */
  plan: (points: string): ByTone => ({
    warm: `I have sketched how I would approach my first 60 days, and I would welcome the chance to walk you through it. In short: ${points}.`,
    formal: `I have prepared an outline of how I would approach my first 60 days, and I would welcome the opportunity to walk you through it. In brief: ${points}.`,
    concise: `I have a plan for my first 60 days and would be glad to walk you through it. In short: ${points}.`,
  }),

  /** The ask; `how` is "", " in person" or " by video call". */
  ask: (how: string): ByTone => ({
    warm: `I would be grateful for the chance to talk again${how}, whenever suits you.`,
    formal: `I would be grateful for a further conversation${how}.`,
    concise: `Could we speak again${how}?`,
  }),
  inPerson: " in person",
  byVideo: " by video call",
  /** The promise to follow up: after the decision date when there is one (the nudge's plan), else in about a week. */
  followUpAfterDecision: (decision: string, day: string): ByTone => ({
    warm: `If I have not heard from you by ${decision}, I will get in touch on ${day}.`,
    formal: `If I have not heard from you by ${decision}, I will contact you on ${day}.`,
    concise: `If I have not heard by ${decision}, I will get in touch on ${day}.`,
  }),
  followUp: {
    warm: "If I have not heard from you in a week or so, I will get in touch to see how things stand.",
    formal: "If I have not heard from you in a week or so, I will contact you to see how things stand.",
    concise: "If I have not heard in a week or so, I will get in touch.",
  } satisfies ByTone,

  /** What the candidate page and the letter email call each part when it was left out. */
  parts: {
    offDay: "the sentence about the interview itself",
    pairs: "the challenges with the skills that answer them",
    challenges: "the other challenges you noted",
    skills: "the skills you listed",
    question: (q: string) => `your better answer to ${q}`,
    example: (q: string) => `the example for ${q}`,
    exampleMiddle: (q: string) => `the middle of your example for ${q}`,
    samples: "your work samples",
    references: "your references",
    plan: "your 60-day plan",
  },
  why: {
    budget: (limit: number) => `to keep the letter under ${limit} words`,
    short: "the short note keeps to one answer",
    longExample: "the example is longer than about 300 characters: two sentences with the result work best",
    shortened:
      "the example is longer than about 300 characters, so the letter keeps its first and last sentences: check they still read right together",
  },

  /** The one addition that would help the letter most, for the confirmation and candidate pages. */
  addition: {
    question:
      "The question that went worst, with the answer you would give now: the letter can then answer it properly.",
    example: "An example for your better answer (what you did and what came of it): it turns an answer into evidence.",
    challengeSkill: "A challenge the interviewer mentioned, with the skill of yours that answers it.",
    decisionDate: "When they said they would decide: the letter then promises to follow up after that day.",
  },
} as const;

export type LetterWords = typeof letterWords;
