/**
 * Every word the letter composer writes, in English. A second language is a second
 * file of this shape (see ../index.ts), not edits across the composer.
 *
 * Rules for whoever edits these strings (each is tested over every persona):
 * - A typed phrase never stands before a verb that must agree with it: "my X comes in"
 *   breaks when X is plural. Typed phrases go after a verb or preposition, or before a colon.
 * - A typed challenge is never written as typed: only its topic (topic.ts), after a preposition.
 * - At most one "I should have" in a letter; the composer strips the candidate's own lead-ins.
 * - Nothing here may state a fact (a number, a name, a date) that the debrief did not give.
 */
import type { Tone } from "../../../debrief/schema";

export type ByTone = Record<Tone, string>;

/** "On" before a topic, unless the topic starts with "on" itself ("on-time delivery"). */
const leadIn = (topic: string) => (/^on\b/iu.test(topic) ? "Regarding" : "On");

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

  /** Said once in every letter: the candidate still wants the job. */
  interest: {
    warm: "I am still very interested in the role, and I would love to be part of your team.",
    formal: "I remain very interested in the position and in contributing to your team.",
    concise: "I am still very interested in the role.",
  } satisfies ByTone,
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

  /**
   * The line that owns what went wrong: one plain sentence, no excuse, no story, no symptom,
   * no spin ("the line was bad" blames the call; "I took the call from a poor location" owns it).
   */
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
    /** Unwell, and left early because of it: both said in one sentence. */
    illness_left_early: {
      warm: "I was unwell during our conversation and had to leave before the end, which I regret.",
      formal: "I was unwell during our interview and had to leave before we had finished, and I apologise for that.",
      concise: "I was unwell and had to leave the interview early, which I regret.",
    },
    late: {
      warm: "I'm sorry I arrived late, and thank you for your patience.",
      formal: "I apologise for arriving late.",
      concise: "I'm sorry I arrived late.",
    },
    /** Late, having called ahead: the one detail a lateness line may add (never the journey). */
    late_called_ahead: {
      warm: "I'm sorry I arrived late, and thank you for your patience when I called ahead.",
      formal: "I apologise for arriving late, and thank you for your understanding when I called ahead.",
      concise: "I'm sorry I arrived late, and thank you for bearing with me when I called ahead.",
    },
    /** A call that went badly, owned without blaming the line. */
    bad_call: (call: string): ByTone => ({
      warm: `I'm sorry our ${call} did not go as well as it should have; that was on me.`,
      formal: `I regret that our ${call} did not go as well as it should have, and I take responsibility for that.`,
      concise: `I'm sorry the ${call} went badly; that's on me.`,
    }),
    /** A call the candidate took somewhere noisy or on the move (their notes say where). */
    poor_place: {
      warm: "I took our call from a place with a poor connection, and that was my mistake.",
      formal: "I took our call from a location with a poor connection, and I take responsibility for that.",
      concise: "I took the call from a poor location; that's on me.",
    },
    bad_call_onsite: {
      warm: "I don't think our conversation showed you my best, and that is on me.",
      formal: "I do not believe our conversation showed my best, and I take responsibility for that.",
      concise: "Our conversation did not show my best; that's on me.",
    },
    /** `mine`: the notes say the candidate's own connection or equipment failed. */
    technical_issue: (mine: boolean): ByTone =>
      mine
        ? {
            warm: "I'm sorry the problems with my connection kept interrupting our conversation.",
            formal: "I apologise that problems with my connection interrupted our conversation.",
            concise: "I'm sorry my connection kept interrupting us.",
          }
        : {
            warm: "I'm sorry the technical problems kept interrupting our conversation.",
            formal: "I regret that technical problems interrupted our conversation.",
            concise: "I'm sorry the technical problems kept interrupting us.",
          },
    // A blunt answer is owned by its own apology (tooBlunt below), beside the better answer.
    too_blunt: {
      warm: "I'm sorry that one of my answers came out so blunt.",
      formal: "I apologise for how bluntly I answered one of your questions.",
      concise: "I'm sorry one of my answers was so blunt.",
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
      warm: "I know some of my answers ran long, and I appreciate your patience.",
      formal: "I am aware that several of my answers were longer than they needed to be.",
      concise: "I know my answers ran long.",
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
    /** A name said wrong: owned in one line that never repeats the wrong name. */
    nameSlip: (whose: "company" | "person"): ByTone =>
      whose === "company"
        ? {
            warm: "I'm sorry I got your company's name wrong during our conversation.",
            formal: "I apologise for referring to your company by the wrong name during our interview.",
            concise: "I'm sorry I got your company's name wrong.",
          }
        : {
            warm: "I'm sorry I got your name wrong during our conversation.",
            formal: "I apologise for getting your name wrong during our interview.",
            concise: "I'm sorry I got your name wrong.",
          },
    /** A name slip beside another lapse (`lapse` from `lapse` below): one line covering the day. */
    withNameSlip: (lapse: string, whose: "company" | "person"): ByTone => {
      const name = whose === "company" ? "your company's name" : "your name";
      return {
        warm: `I'm sorry ${lapse} and that I got ${name} wrong.`,
        formal: `I apologise that ${lapse} and that I got ${name} wrong.`,
        concise: `I'm sorry ${lapse} and that I got ${name} wrong.`,
      };
    },
  },
  /** Each lapse as a clause, for one owning line that also owns a name slip. */
  lapse: {
    illness: "I was unwell",
    illness_left_early: "I was unwell and had to leave early",
    left_early: "I had to leave early",
    late: "I arrived late",
    bad_call: (call: string) => `our ${call} went badly`,
    bad_call_onsite: "our conversation did not show my best",
    poor_place: "I took our call from a poor location",
    technical_issue: (mine: boolean) =>
      mine ? "my connection kept interrupting us" : "technical problems kept interrupting us",
    rambling: "some of my answers ran long",
    nerves: "nerves got the better of some of my answers",
    outfit: "a wardrobe mishap threw me",
    blanked: "I blanked on one of your questions",
  },

  /**
   * The apology for a blunt answer, beside the better answer to the question it was given
   * to: plain, owned, and never a claim that the interviewer misheard. `colon` as for
   * `reanswer`: the answer that follows does not start as a sentence of its own.
   */
  tooBlunt: (question: string, colon: boolean): ByTone => ({
    warm: `I'm sorry that when you asked ${question}, my answer came out so blunt.${colon ? " Here is the answer I wanted to give:" : ""}`,
    formal: `I apologise that, when you asked ${question}, my answer was so blunt.${colon ? " I would like to answer it properly:" : ""}`,
    concise: `I'm sorry my answer to ${question} was so blunt.${colon ? " My answer:" : ""}`,
  }),

  /**
   * A challenge and what answers it, as a sentence: `topic` is the challenge as the letter
   * names it back (its topic or goal, never the team's figures: topic.ts), the skill after
   * a preposition so that nothing has to agree with it. Worded differently sentence by
   * sentence: the same opening three times in a row reads mechanical.
   */
  pair: (topic: string, skill: string, i: number): ByTone => {
    const on = leadIn(topic);
    const warm = [
      `${on} ${topic}, I would bring my experience in ${skill}.`,
      `As for ${topic}, I would draw on my experience in ${skill}.`,
      `${on} ${topic}, I could build on my experience in ${skill}.`,
    ];
    const formal = [
      `${on} ${topic}, I would draw on my experience in ${skill}.`,
      `Regarding ${topic}, I would apply my experience in ${skill}.`,
      `${on} ${topic}, I would build on my experience in ${skill}.`,
    ];
    const concise = [
      `${on} ${topic}, I would bring my experience in ${skill}.`,
      `As for ${topic}, I would draw on my experience in ${skill}.`,
      `${on} ${topic}, I would apply my experience in ${skill}.`,
    ];
    const at = (l: string[]) => l[i % l.length] ?? l[0] ?? "";
    return { warm: at(warm), formal: at(formal), concise: at(concise) };
  },
  /** A challenge answered by a point of the candidate's 60-day plan; worded differently sentence by sentence. */
  pairPlan: (topic: string, point: string, i: number): ByTone => {
    const warm = [
      `My plan for the first 60 days includes ${topic}: ${point}.`,
      `I have also planned for ${topic} in my first 60 days: ${point}.`,
    ];
    const formal = [
      `My plan for the first 60 days addresses ${topic}: ${point}.`,
      `I have also provided for ${topic} in my plan for the first 60 days: ${point}.`,
    ];
    const concise = [
      `My plan for the first 60 days covers ${topic}: ${point}.`,
      `My plan for the first 60 days also covers ${topic}: ${point}.`,
    ];
    const at = (l: string[]) => l[i % l.length] ?? l[0] ?? "";
    return { warm: at(warm), formal: at(formal), concise: at(concise) };
  },
  /** A challenge answered by one of the work samples, which the letter links further down. */
  pairSample: (topic: string, sample: string): ByTone => ({
    warm: `${leadIn(topic)} ${topic}, you can see how I would approach it in ${sample}, linked below.`,
    formal: `${leadIn(topic)} ${topic}, I would refer you to ${sample}, linked below.`,
    concise: `${leadIn(topic)} ${topic}, see ${sample}, linked below.`,
  }),
  /** A challenge answered by a better answer: said right after that answer (and its example). */
  sameApproach: (topic: string): ByTone => ({
    warm: `It is also how I would approach ${topic}.`,
    formal: `I would take the same approach to ${topic}.`,
    concise: `The same approach applies to ${topic}.`,
  }),
  skills: (list: string): ByTone => ({
    warm: `I would bring my skills in ${list} to the role.`,
    formal: `I would bring my skills in ${list} to the position.`,
    concise: `I would bring my skills in ${list} to the role.`,
  }),
  moreSkills: (list: string): ByTone => ({
    warm: `I would also bring my skills in ${list}.`,
    formal: `I would also bring my skills in ${list}.`,
    concise: `I would also bring my skills in ${list}.`,
  }),

  /**
   * The fumbled question, answer first: the opening names the question, the answer follows,
   * then the example. `colon` is set when the answer does not start as a sentence of the
   * candidate's own ("Put the best staff on…", "A token bucket per client…"): the opening
   * then ends with a colon, so the answer reads as the answer, not as an instruction.
   */
  reanswer: (question: string, colon: boolean): ByTone => ({
    warm: `When you asked ${question}, I did not give you the answer I wanted to.${colon ? " Here it is:" : ""}`,
    formal: `Regarding your question ${question}, I would like to give a fuller answer${colon ? ":" : "."}`,
    concise: `On ${question}:`,
  }),
  /** The second re-answer and those after it, worded so that no two read the same. */
  reanswerMore: (question: string, i: number, colon: boolean): ByTone => {
    const end = colon ? ":" : ".";
    return i <= 1
      ? {
          warm: `I could also have answered ${question} better${end}`,
          formal: `I would also like to answer ${question} more fully${end}`,
          concise: `On ${question}:`,
        }
      : {
          warm: `Your question ${question} deserved a better answer too${end}`,
          formal: `Your question ${question} also deserves a fuller answer${end}`,
          concise: `On ${question}:`,
        };
  },
  /** An example typed as a phrase without a verb ("Clinic booking redesign – completion up to 95%"). */
  exampleFromWork: (fragment: string): ByTone => ({
    warm: `One example from my own work: ${fragment}`,
    formal: `One example from my own work: ${fragment}`,
    concise: `An example: ${fragment}`,
  }),
  /** The example after the answer, when its first word can follow "For example," in lower case. */
  forExample: (example: string): ByTone => ({
    warm: `For example, ${example}`,
    formal: `For example, ${example}`,
    concise: `For example, ${example}`,
  }),

  /**
   * Work samples as one sentence: `items` is the list of "my report on X, which you can
   * find at https://…", the later ones "…, at https://…".
   */
  samples: (items: string, several: boolean): ByTone => ({
    warm: several
      ? `Some of my work relates closely to this role: ${items}.`
      : `One piece of my work relates closely to this role: ${items}.`,
    formal: several
      ? `Examples of my work that are relevant to the position are ${items}.`
      : `An example of my work that is relevant to the position is ${items}.`,
    concise: several ? `Relevant work samples: ${items}.` : `A relevant work sample: ${items}.`,
  }),
  /** The first sample of the list, with where to find it. */
  sampleAt: (sample: string, url: string) => `${sample}, which you can find at ${url}`,
  /** A later sample of the list. */
  sampleAlsoAt: (sample: string, url: string) => `${sample}, at ${url}`,
  /** A reference as a sentence: "Anna Lee, my manager at Parcelo, has agreed to be contacted: …". */
  reference: (name: string, relation: string, contact: string, first: boolean): ByTone =>
    first
      ? {
          warm: `If it would help to hear from someone I have worked with, ${name}, ${relation}, has agreed to be contacted: ${contact}.`,
          formal: `${name}, ${relation}, has agreed to act as a reference: ${contact}.`,
          concise: `${name}, ${relation}, has agreed to be contacted: ${contact}.`,
        }
      : {
          warm: `${name}, ${relation}, has also agreed to be contacted: ${contact}.`,
          formal: `${name}, ${relation}, has also agreed to act as a reference: ${contact}.`,
          concise: `${name}, ${relation}, has also agreed: ${contact}.`,
        },
  /** Offered, never attached: employers have used such plans without hiring. */
  plan: {
    warm: "I have sketched how I would approach my first 60 days, and I would welcome the chance to walk you through it.",
    formal:
      "I have prepared an outline of how I would approach my first 60 days, and I would be glad to walk you through it.",
    concise: "I have a plan for my first 60 days and would be glad to walk you through it.",
  } satisfies ByTone,
  /** The plan's points, after the offer: the first thing to go when the letter is long. */
  planDetail: (points: string): ByTone => ({
    warm: `In short: ${points}.`,
    formal: `In brief: ${points}.`,
    concise: `In short: ${points}.`,
  }),

  /** The ask; `how` is "" or one of the ways below. */
  ask: (how: string): ByTone => ({
    warm: `I would be grateful for the chance to talk again${how}, whenever suits you.`,
    formal: `I would be grateful for a further conversation${how}.`,
    concise: `Could we speak again${how}?`,
  }),
  /**
   * The ask after leaving early: to finish the conversation, naming what was missed
   * ("the teaching demo") when the debrief says it.
   */
  askToFinish: (how: string, missed: string | undefined): ByTone => {
    const what = `finish our conversation${how}${missed ? `, including ${missed} I missed` : ""}`;
    return {
      warm: `I would be grateful for the chance to ${what}, whenever suits you.`,
      formal: `I would be grateful for the opportunity to ${what}.`,
      concise: `Could we ${what}?`,
    };
  },
  /** Ways to talk again after a call that went wrong (what-happened.ts howToTalkAgain chooses). */
  inPersonOrByVideo: " in person or by video",
  byVideoOrInPerson: " by video or in person",
  byVideo: " by video call",
  /** The promise to follow up: after the decision date when there is one (the reminder's plan), else in about a week. */
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
    pairs: "the challenges with the skills that answer them",
    challenge: (c: string) => `the challenge “${c}”`,
    skills: "the skills you listed",
    question: (q: string) => `your better answer to ${q}`,
    example: (q: string) => `the example for ${q}`,
    exampleMiddle: (q: string) => `the middle of your example for ${q}`,
    samples: "your work samples",
    references: "your references",
    plan: "your 60-day plan",
    planDetail: "the points of your 60-day plan",
  },
  why: {
    budget: (limit: number) => `to keep the letter under ${limit} words`,
    short: "the short note keeps to one answer",
    longExample: "the example is longer than about 300 characters: two sentences with the result work best",
    unanswered: "nothing else in your debrief answers it yet",
    shortened:
      "the example is longer than about 300 characters, so the letter keeps its first and last sentences: check they still read right together",
  },

  /**
   * What the candidate page and the letter email say about what was left out: parts to
   * put back, and challenges nothing answers (never written on their own). `onPage` is
   * where the controls are named from: "under “Change the letter”" there, "… on your page" in an email.
   */
  leftOut: {
    parts: (list: string, onPage: boolean) =>
      `Left out of this letter: ${list}. To put any of them back, tick it under “Change the letter”${onPage ? "" : " on your page"}.`,
    unanswered: (list: string, several: boolean, onPage: boolean) =>
      `Not raised in this letter: ${list}. Nothing else in your debrief answers ${several ? "them" : "it"} yet, and a challenge written without how you would help only repeats the problem back; to raise ${several ? "one" : "it"}, add how you would help under “Edit the letter”${onPage ? "" : " on your page"}.`,
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
