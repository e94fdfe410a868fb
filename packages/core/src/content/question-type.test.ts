import { describe, expect, it } from "vitest";
import type { QuestionType } from "./i18n/en/tips";
import { questionType } from "./question-type";

/** Questions as interviewers ask them and candidates type them (lower case, no question mark, run on). */
const TABLE: [string, QuestionType][] = [
  // "Walk me through …": a story of theirs is behavioural; a thing to explain is technical.
  ["Walk me through a project you led from start to finish", "behavioural"],
  ["walk me thru a deal you lost and what you learned", "behavioural"],
  ["Walk us through the hardest hire you have made", "behavioural"],
  ["Walk me through your last product launch", "behavioural"],
  ["Walk me through a shift where everything went wrong", "behavioural"],
  ["walk me through an outage you handled", "behavioural"],
  ["Take me through a time you had to push back on a client", "behavioural"],
  ["Walk me through how you would debug a slow query", "technical"],
  ["walk me through a three statement model", "technical"],
  ["Walk me through what you would do in your first week", "hypothetical"],
  ["Walk me through your CV", "motivation"],
  // "Tell me about …": behavioural, unless it is about themselves or asks for an explanation.
  ["Tell me about a time you disagreed with your manager", "behavioural"],
  ["tell me about a conflict on your team and how it ended", "behavioural"],
  ["Tell us about the most difficult patient family you have supported", "behavioural"],
  ["Tell me about yourself", "motivation"],
  ["Tell me how you would handle a supplier who misses every deadline", "hypothetical"],
  // "What would you do if …", "How would you handle …": hypothetical.
  ["What would you do if a key client threatened to leave?", "hypothetical"],
  ["what would you do if two managers gave you conflicting priorities", "hypothetical"],
  ["What would you do first if you joined and the team was behind schedule", "hypothetical"],
  ["How would you handle a teacher who refuses coaching?", "hypothetical"],
  ["Imagine you inherit a team with low morale. Where do you start?", "hypothetical"],
  ["Suppose a shipment is lost the day before a launch", "hypothetical"],
  // Others keep their types.
  ["Why are you leaving your current job?", "motivation"],
  ["Why this company?", "motivation"],
  ["What's the difference between a LEFT JOIN and an INNER JOIN?", "technical"],
  ["How would you design a rate limiter?", "technical"],
  ["Describe a time you missed a deadline", "behavioural"],
  ["Have you ever had to let someone go?", "behavioural"],
  ["What is your greatest strength?", "other"],
];

describe("the kind of question", () => {
  it.each(TABLE)("%s → %s", (question, type) => {
    expect(questionType(question)).toBe(type);
  });
});
