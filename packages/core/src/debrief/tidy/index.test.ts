import { PERSONA_NAMES, PERSONAS } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import type { DebriefInput } from "../schema";
import { keptAsTyped, tidied, tidyDebrief } from "./index";

const typed = (over: Partial<DebriefInput>): DebriefInput => ({ ...PERSONAS.megan, ...over });

describe("the tidy step over a whole debrief", () => {
  it("is idempotent and memoised: the tidied debrief maps to itself, and tidying it again changes nothing", () => {
    for (const name of PERSONA_NAMES) {
      const t = tidyDebrief(PERSONAS[name]);
      expect(tidyDebrief(t)).toBe(t);
      expect(tidyDebrief(PERSONAS[name])).toBe(t);
      expect(tidyDebrief(structuredClone(t)), name).toEqual(t);
    }
    const t = tidyDebrief(PERSONAS.megan);
    expect(t.candidate.name).toBe("Megan O'Brien");
    expect(t.interview.role).toBe("instructional designer");
    expect(t.challenges).toEqual([
      { text: "learners drop out of the onboarding course halfway", skill: "storyboarding" },
    ]);
  });

  it("keeps nothing as typed in the tidily typed personas", () => {
    for (const name of PERSONA_NAMES) expect(keptAsTyped(PERSONAS[name]), name).toEqual([]);
  });

  it("leaves out the candidate's notes to themselves and lists each one where it was typed", () => {
    const d = typed({
      challenges: ["the intake backlog is six weeks - his words"],
      questions: [
        {
          question: "how would you clear the backlog",
          betterAnswer: "triage every referral by risk on day one lol. I froze up on this one. Don't name the clinic.",
          example: "cleared a 400 referral backlog in 5 wks at my last trust (keep the trust anonymous!)",
        },
      ],
    });
    const t = tidied(d);
    expect(t.debrief.challenges).toEqual(["the intake backlog is six weeks"]);
    expect(t.debrief.questions[0]?.betterAnswer).toBe("I would triage every referral by risk on day one.");
    expect(t.debrief.questions[0]?.example).toBe("I cleared a 400 referral backlog in 5 weeks at my last trust.");
    expect(t.kept.map((k) => [k.field, k.word, k.leftOut])).toEqual([
      ["challenges.0", "his words", true],
      ["questions.0.betterAnswer", "lol", true],
      ["questions.0.betterAnswer", "I froze up on this one.", true],
      ["questions.0.betterAnswer", "Don't name the clinic.", true],
      ["questions.0.example", "(keep the trust anonymous!)", true],
    ]);
  });

  it("raises a name that is also a word only in a debrief that names technology elsewhere", () => {
    const answer = "I would move the nightly extract to snowflake in q2.";
    const question = { question: "how would you speed up reporting", betterAnswer: answer };
    const technical = tidied(typed({ skills: ["sql", "dbt models"], questions: [question] }));
    expect(technical.debrief.questions[0]?.betterAnswer).toBe("I would move the nightly extract to Snowflake in Q2.");
    expect(technical.kept).toEqual([]);
    const other = tidied(typed({ skills: ["reptile husbandry"], questions: [question] }));
    expect(other.debrief.questions[0]?.betterAnswer).toBe("I would move the nightly extract to snowflake in Q2.");
    expect(other.kept.map((k) => k.suggestion)).toEqual(["Snowflake"]);
  });

  it("writes the interviewer's name without the letters after it, and keeps them for a reference", () => {
    const t = tidyDebrief(
      typed({
        interview: { ...PERSONAS.megan.interview, interviewer: { name: "joan baptiste, msn, rn" } },
        references: [{ name: "Dr. Eli Stone PhD", relation: "my supervisor", contact: "eli@example.org" }],
      }),
    );
    expect(t.interview.interviewer.name).toBe("Joan Baptiste");
    expect(t.references[0]?.name).toBe("Dr. Eli Stone, PhD");
  });

  it("tidies every typed field and says where each kept word was typed", () => {
    const d = typed({
      challenges: ["• onboarding takes weeks 😬", { text: "- reports are late", skill: "* dashboards" }],
      questions: [
        {
          question: "1. why are you leaving",
          betterAnswer: "- im gonna say it plainly\n- ur team is great!!",
          example: "cut onboarding by a third",
        },
      ],
      skills: ["* dashboards"],
      plan: ["1) meet the team", "2) map the data"],
    });
    const { debrief, kept } = tidied(d);
    expect(debrief.challenges).toEqual(["onboarding takes weeks", { text: "reports are late", skill: "dashboards" }]);
    expect(debrief.questions[0]?.question).toBe("Why are you leaving?");
    expect(debrief.questions[0]?.betterAnswer).toBe("I'm going to say it plainly. Ur team is great.");
    expect(debrief.skills).toEqual(["dashboards"]);
    expect(debrief.plan).toEqual(["meet the team", "map the data"]);
    expect(kept).toEqual([
      { field: "questions.0.betterAnswer", word: "ur", why: 'chat spelling: "your" or "you\'re"?' },
    ]);
    expect(keptAsTyped(d)).toBe(kept);
  });
});

describe("addresses typed in a debrief", () => {
  it("are kept exactly as typed: no word rule rewrites inside a URL, a domain or an email address", () => {
    const answer =
      "VERIFY YOUR ACCOUNT AT WWW.SECURE-LOGIN.EXAMPLE.TOP TODAY. dont worry, see www.secure-login.example.top, https://github.com/ana/power-bi-report and ana.lee@figma-fans.example.org or jira.example.com/browse/OPS-1";
    const t = tidyDebrief(typed({ questions: [{ question: "why this role", betterAnswer: answer }] }));
    const out = t.questions[0]?.betterAnswer ?? "";
    for (const address of [
      "www.secure-login.example.top",
      "https://github.com/ana/power-bi-report",
      "ana.lee@figma-fans.example.org",
      "jira.example.com/browse/OPS-1",
    ]) {
      expect(out).toContain(address);
    }
    // The words around them are still tidied.
    expect(out).toContain("Don't worry");
  });
});
