import { PERSONA_NAMES, personaDebrief } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import type { DebriefInput } from "../debrief/schema";
import { WHAT_HAPPENED } from "../debrief/schema";
import { tidyDebrief } from "../debrief/tidy";
import { answerText } from "./phrasing";
import { composeTips, questionsToAsk, questionType, rehearsal, SITUATION_TIPS } from "./tips";

const section = (tips: ReturnType<typeof composeTips>, id: string) => tips.sections.find((s) => s.id === id);
const withInput = (name: Parameters<typeof personaDebrief>[0], input: Partial<DebriefInput>) => {
  const d = personaDebrief(name);
  return { ...d, input: { ...d.input, ...input } };
};

describe("what kind of question it was", () => {
  const cases: [string, ReturnType<typeof questionType>][] = [
    // Behavioural: a story from the past.
    ["Tell me about a time you cut waiting times.", "behavioural"],
    ["Tell me about a time you designed a system under pressure.", "behavioural"],
    ["Describe a situation where you disagreed with your manager.", "behavioural"],
    ["Give me an example of a deadline you missed.", "behavioural"],
    ["Have you ever had to let someone go?", "behavioural"],
    ["How did you handle your last reorganisation?", "behavioural"],
    ["Walk me through a time you changed someone's mind.", "behavioural"],
    ["Walk me through a project you led.", "behavioural"],
    ["Walk me through your biggest deal", "behavioural"],
    ["walk me through a campaign you ran last year", "behavioural"],
    ["Walk me through a system you designed.", "behavioural"],
    ["Walk me through the decision you are proudest of.", "behavioural"],
    ["Walk me through a recent product launch.", "behavioural"],
    ["Tell me about your experience with SQL.", "behavioural"],
    ["Tell me about a project you are proud of.", "behavioural"],
    ["Tell me about the hardest feedback you have had.", "behavioural"],
    ["How do you keep volunteers engaged?", "behavioural"],
    ["How do you handle a supplier who keeps missing dates?", "behavioural"],
    // Technical or design.
    ["How would you design a rate limiter?", "technical"],
    ["How would you find the cause of late deliveries?", "technical"],
    ["Walk me through debugging a watchdog reset.", "technical"],
    ["Walk me through a discounted cash flow model.", "technical"],
    ["Walk me through how you would debug a memory leak.", "technical"],
    ["Walk me through the steps you would take to migrate the database.", "technical"],
    ["Tell me about the difference between TCP and UDP.", "technical"],
    ["What is the difference between a process and a thread?", "technical"],
    ["How would you measure whether the new onboarding works?", "technical"],
    ["Write a SQL query for the top customers.", "technical"],
    // Motivation.
    ["Why are you leaving your current job?", "motivation"],
    ["Why us?", "motivation"],
    ["Why logistics?", "motivation"],
    ["What attracts you to this role?", "motivation"],
    ["Where do you see yourself in five years?", "motivation"],
    ["Tell me about yourself.", "motivation"],
    ["Walk me through your CV.", "motivation"],
    ["Tell me about your background.", "motivation"],
    ["Tell me about your interest in this role.", "motivation"],
    // Hypothetical or situational.
    ["What would you do if a key client threatened to leave?", "hypothetical"],
    ["What would you do if your manager took credit for your work?", "hypothetical"],
    ["What would you do if the warehouse system went down on a Monday?", "hypothetical"],
    ["what would you do if you disagreed with a design decision", "hypothetical"],
    ["How would you handle a disagreement with a consultant?", "hypothetical"],
    ["How would you raise weekend sales?", "hypothetical"],
    ["Imagine you inherit a team that missed every target. Where do you start?", "hypothetical"],
    ["Suppose the launch slips by a month: what then?", "hypothetical"],
    // Anything else gets the plain answer-then-evidence shape.
    ["What is your biggest weakness?", "other"],
    ["What does good reporting to a board look like?", "other"],
    ["What are your salary expectations?", "other"],
  ];
  for (const [question, type] of cases) it(`${question} → ${type}`, () => expect(questionType(question)).toBe(type));

  it("reads the question whatever its case", () => {
    expect(questionType("TELL ME ABOUT A TIME you failed")).toBe("behavioural");
    expect(questionType("why this company")).toBe("motivation");
  });
});

describe("the rehearsal shape follows the type", () => {
  const q = (question: string, example?: string) => ({
    question,
    betterAnswer: "I would start from the data",
    ...(example ? { example } : {}),
  });

  it("gives a behavioural question a situation, the candidate's part and a result", () => {
    const r = rehearsal(q("Tell me about a time you cut waiting times.", "At Harbor I cut waits by 40%"), "Acme");
    expect(r).toMatch(/^Situation: set the scene for this example, briefly\. At Harbor I cut waits by 40%\.$/m);
    expect(r).toMatch(/^Your part: .*I would start from the data\.$/m);
    expect(r).toMatch(/^Result: /m);
  });

  it("gives a design question a goal, an approach, trade-offs and a check, and no situation-action-result", () => {
    const r = rehearsal(q("How would you design a rate limiter?"), "Acme");
    for (const part of ["Goal: ", "Approach: ", "Trade-offs: ", "Check: "]) expect(r).toContain(`\n${part}`);
    expect(r).not.toMatch(/Situation:|Action:|Result:/);
    expect(r).not.toContain("Proof:");
    expect(rehearsal(q("How would you design a rate limiter?", "I built one at Acme"), "Acme")).toContain(
      "Proof: if there is time, add what you have done before. I built one at Acme.",
    );
  });

  it('gives "Why are you leaving?" past, present and future, forward-looking, and no situation', () => {
    const r = rehearsal(q("Why are you leaving your current job?"), "Westbank");
    for (const part of ["Past: ", "Present: ", "Future: "]) expect(r).toContain(`\n${part}`);
    expect(r).toContain("why this role at Westbank");
    expect(r).toMatch(/never a complaint about a person/);
    expect(r).not.toMatch(/Situation:|Action:|Result:/);
  });

  it("gives a hypothetical the steps in order, the people and how to know it worked", () => {
    const r = rehearsal(q("What would you do if a key client threatened to leave?"), "Acme");
    for (const part of ["Steps: ", "People: ", "Success: "]) expect(r).toContain(`\n${part}`);
    expect(r).not.toMatch(/Situation:/);
  });

  it("gives any other question the answer first, then the evidence", () => {
    const r = rehearsal(q("What is your biggest weakness?"), "Acme");
    expect(r.split("\n").map((l) => l.split(":")[0])).toEqual([
      '"What is your biggest weakness?"',
      "Answer",
      "Evidence",
      "Then stop",
    ]);
  });

  it("quotes each persona's question once and keeps their better answer and example, as tidied", () => {
    for (const name of PERSONA_NAMES) {
      const d = personaDebrief(name);
      const items = section(composeTips(d), "rehearse")?.items ?? [];
      const { questions } = tidyDebrief(d.input);
      expect(items).toHaveLength(questions.length);
      questions.forEach((question, i) => {
        const item = items[i] ?? "";
        expect(item.startsWith(`"${question.question.trim().replace(/\.$/, "")}`)).toBe(true);
        expect(item).toContain(answerText(question.betterAnswer).replace(/\.$/, ""));
        expect(item).not.toMatch(/should have said/i);
        if (question.example) expect(item).toContain(question.example.trim().replace(/\.$/, ""));
      });
    }
  });
});

describe("tips from what the candidate typed", () => {
  const typed = withInput("amira", {
    interview: {
      ...personaDebrief("amira").input.interview,
      company: "northwind logistics",
      interviewer: { name: "jonas weber", title: "Head of Analytics" },
    },
    challenges: ["delivery delays are reported a week late."],
    questions: [
      {
        question: "how do you handle feedback you dont agree with",
        betterAnswer: "I should have said that i ask what problem the feedback is trying to solve..",
        example: "i did this on the onboarding flow at kindred",
      },
      {
        question: "what is your biggest weakness",
        betterAnswer: "i should have said i over-prepare",
      },
    ],
  });

  it("are the tips of the tidied debrief: the same words the letter shows, never the typing", () => {
    const tips = composeTips(typed);
    expect(tips).toEqual(composeTips({ ...typed, input: tidyDebrief(typed.input) }));
    const text = [tips.subject, ...tips.sections.flatMap((s) => s.items), tips.practice.description].join("\n");
    expect(text).toContain(`"How do you handle feedback you don't agree with?"`);
    expect(text).toContain("Jonas Weber (Head of Analytics)");
    expect(text).toContain("Northwind Logistics");
    expect(text).not.toMatch(/jonas weber|northwind logistics|\bi ask\b|\.\./);
  });

  it('never say "I should have said that…": the better answer is given as the letter gives it', () => {
    const items = section(composeTips(typed), "rehearse")?.items ?? [];
    expect(items.join("\n")).not.toMatch(/should have said/i);
    expect(items[0]).toContain(
      "Build it around your better answer: I ask what problem the feedback is trying to solve.",
    );
    expect(items[1]).toMatch(/^Answer: I over-prepare\.$/m);
  });
});

describe("questions to ask", () => {
  it("never restate a challenge: the employer's sore point is not the candidate's to raise in the room", () => {
    const sore = [
      "You lost your two biggest accounts last spring",
      { text: "they missed their Q3 number by a fifth", skill: "pipeline building" },
      "Staff morale is low after the restructure",
    ];
    const asks = questionsToAsk(sore);
    for (const a of asks) {
      expect(a).not.toMatch(/lost|missed|morale|Q3|restructure|“/u);
      expect(a).toMatch(/\?$/);
      expect(a).not.toMatch(/^Ask /);
    }
  });

  it("ask where a skill the candidate linked to a challenge would help, each skill once and in its own wording", () => {
    const asks = questionsToAsk([
      "Agency staff do not know the ward routines",
      { text: "handovers between shifts miss things", skill: "structured SBAR handovers" },
      { text: "Rotas change at short notice", skill: "rota planning" },
      { text: "Rotas are published late", skill: "rota planning" },
    ]);
    expect(asks[0]).toBe(
      "Where would you most like someone with experience in structured SBAR handovers to make a difference in the first months?",
    );
    expect(asks[1]).toMatch(/rota planning/);
    expect(asks.filter((a) => a.includes("rota planning"))).toHaveLength(1);
    const tail = (a: string) => a.replace(/structured SBAR handovers|rota planning/, "");
    expect(tail(asks[0] ?? "")).not.toBe(tail(asks[1] ?? ""));
  });

  it("give one question about the goal for the challenges no skill answers, and still ask something without any", () => {
    const asks = questionsToAsk(["A", "B", "C"]);
    expect(asks.filter((a) => /priorities/.test(a))).toHaveLength(1);
    expect(questionsToAsk([{ text: "A", skill: "b" }]).some((a) => /priorities/.test(a))).toBe(false);
    expect(questionsToAsk([]).length).toBeGreaterThanOrEqual(2);
    for (const a of questionsToAsk([])) expect(a).toMatch(/\?$/);
  });
});

describe("the second-interview tips", () => {
  it("are titled by the stage they debriefed", () => {
    const title = (stage: DebriefInput["interview"]["stage"]) => {
      const d = personaDebrief("amira");
      return composeTips({ ...d, input: { ...d.input, interview: { ...d.input.interview, stage } } });
    };
    expect(title("screening").heading).toBe("Preparing for the next interview");
    expect(title("first").heading).toBe("Preparing for a second interview");
    expect(title(undefined).heading).toBe("Preparing for a second interview");
    expect(title("second").heading).toBe("Preparing for the next round");
    expect(title("final").heading).toBe("Preparing for a further conversation");
    expect(title("final").subject).toBe("Preparing for a further conversation: Data Analyst at Northwind Logistics");
    expect(title("final").intro).toMatch(/final round/);
    expect(title("final").intro).not.toMatch(/Second rounds/);
  });

  it("prepare for each situation that happened, and only those", () => {
    for (const w of WHAT_HAPPENED) {
      const items = section(composeTips(withInput("amira", { whatHappened: [w] })), "situations")?.items ?? [];
      expect(items).toEqual(SITUATION_TIPS[w]);
    }
    const all = (w: (typeof WHAT_HAPPENED)[number]) => SITUATION_TIPS[w].join(" ");
    expect(all("nerves")).toMatch(/breathe/i);
    expect(all("outfit")).toMatch(/clothes/);
    expect(all("late")).toMatch(/journey/);
    expect(all("bad_call")).toMatch(/call/);
    expect(all("too_blunt")).toMatch(/curveball and emotional-intelligence/);
    expect(all("illness")).toMatch(/plan for feeling unwell/);
    expect(all("left_early")).toMatch(/plan for feeling unwell/);
    expect(all("left_early")).toMatch(/leave/);
    // Rambling gets a way to stop, not a situation-action-result frame forced on every answer.
    expect(all("rambling")).not.toMatch(/situation, action, result/i);
  });

  it("give the plan for feeling unwell once after both illness and leaving early", () => {
    const items = section(
      composeTips(withInput("ben", { whatHappened: ["illness", "left_early"] })),
      "situations",
    )?.items;
    expect(items?.filter((i) => /plan for feeling unwell/.test(i))).toHaveLength(1);
  });

  it("research the interviewer and the team, and suggest questions about the goals behind the challenges", () => {
    const tips = composeTips(personaDebrief("amira"));
    expect(section(tips, "research")?.items.join(" ")).toContain("Jonas Weber (Head of Analytics)");
    expect(section(tips, "research")?.items.join(" ")).toContain("Northwind Logistics");
    const ask = section(tips, "ask")?.items.join(" ") ?? "";
    expect(ask).toContain("priorities for the coming year");
    expect(ask).not.toContain("Delivery delays are reported a week late");
    expect(ask).not.toContain("Regional managers do not trust the numbers");
  });

  it("leave out the rehearsal and situation sections when the debrief has none", () => {
    const d = withInput("chloe", { whatHappened: [] });
    expect(composeTips(d).sections.map((s) => s.id)).toEqual(["research", "ask"]);
  });

  it("offer a practice session timed from when the tips are scheduled", () => {
    const tips = composeTips(personaDebrief("amira", { schedule: { nudgeAt: "x", tipsAt: "2026-11-26T08:00:00Z" } }));
    expect(tips.practice.start).toBe("2026-11-26T17:00:00.000Z");
    expect(tips.subject).toContain("Data Analyst at Northwind Logistics");
  });
});
