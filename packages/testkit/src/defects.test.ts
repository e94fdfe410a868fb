import type { DebriefInput } from "@debrief/core";
import { describe, expect, it } from "vitest";
import { defectsIn } from "./defects";
import { PERSONAS } from "./personas";

const input: DebriefInput = {
  ...PERSONAS.amira,
  challenges: ["their cloud bill doubled", { text: "we lost a big client", skill: "SQL" }],
  whatHappened: ["too_blunt", "left_early"],
  offDay: "auto",
};
const checks = (text: string, kind: "letter" | "nudge" | "tips" = "nudge") =>
  defectsIn(text, { input, kind }).map((d) => d.check);

describe("the defect checker", () => {
  it("passes a careful text", () => {
    expect(
      checks(
        "Thank you for your time. I would bring GitHub Actions and PostgreSQL to your team, and I'm glad we spoke.",
      ),
    ).toEqual([]);
  });

  it("finds each defect an advisor counted", () => {
    expect(checks("I would bring:\n- • dashboards")).toContain("pasted bullet");
    expect(checks("What you described: * meet every teacher")).toContain("pasted bullet");
    expect(checks("I noted this. THE PICKING ROUTE IS TOO LONG for the team.")).toContain("capitalised run");
    expect(checks("I dont think so.")).toEqual(["contraction without apostrophe"]);
    expect(checks("I am gonna call.")).toEqual(["slang"]);
    expect(checks("I should have said that I would cut costs.")).toEqual(["own framing"]);
    expect(checks("I met my mgr w/ the plan + the budget, 3 wks early.")).toEqual([
      "note-speak",
      "note-speak",
      "note-speak",
      "note-speak",
    ]);
    expect(checks("I would say the numbers. I would mention the Bristol case.")).toEqual([
      "stage direction",
      "stage direction",
    ]);
    expect(checks("I would keep it to two minutes this time. No digs at anyone.")).toEqual([
      "stage direction",
      "stage direction",
    ]);
    expect(checks("I would say the budget held. I would mention that I cut the rota.")).toEqual([]);
    expect(checks("I would check the stock. I just blanked. Don't name them.")).toEqual([
      "note to self",
      "note to self",
    ]);
    expect(checks("I would map the rota - her words. That's it. So embarrassing.")).toEqual([
      "note to self",
      "note to self",
      "note to self",
    ]);
    expect(checks("I would don't blame the team. I would short answer, then stop.")).toEqual([
      "broken instruction",
      "broken instruction",
    ]);
    expect(checks("I would check the grain, then give the refunds example.")).toEqual(["broken instruction"]);
    expect(checks("You mentioned that their cloud bill doubled.")).toEqual(["team called they or we"]);
    expect(checks("You said we lost a big client.")).toEqual(["team called they or we"]);
    expect(checks("I design in figma and ship to Github.")).toEqual([
      "name not in its own casing",
      "name not in its own casing",
    ]);
    expect(checks("Thank you for your time.", "letter")).toEqual([
      "too-blunt remark not owned",
      "leaving early not said",
    ]);
  });

  it("finds the team's figures, a challenge as typed and the stock pair line in a letter", () => {
    const team: DebriefInput = {
      ...input,
      whatHappened: ["nerves"],
      challenges: ["Ticket backlog is 40% over target and the night shift is 3 weeks behind on audits"],
      questions: [
        { question: "How do you cut a backlog?", betterAnswer: "Triage daily.", example: "We cut it by 25%." },
      ],
    };
    const letter = (text: string) => defectsIn(text, { input: team, kind: "letter" }).map((d) => d.check);
    expect(letter("With the backlog 40% over target, I would triage daily.")).toEqual([
      "the team's figure quoted back",
    ]);
    expect(
      letter("You said ticket backlog is 40% over target and the night shift is 3 weeks behind on audits."),
    ).toEqual(["the team's figure quoted back", "the team's figure quoted back", "challenge pasted as typed"]);
    expect(letter("- Backlog: I would bring my experience in triage to this.")).toEqual(["boilerplate pair"]);
    // The candidate's own figure, and the topic without the figure, are what a letter should say.
    expect(letter("On the ticket backlog, I would triage daily. For example, we cut it by 25%.")).toEqual([]);
  });

  it("leaves what only looks like a defect: acronyms, typed names, links, a list line, 'its'", () => {
    expect(checks("The SLA, ERP and GCSE targets moved to Q2.")).toEqual([]);
    expect(checks(`Dear ${input.interview.interviewer.name},\nI work at https://example.com/dont-gonna.`)).toEqual([]);
    expect(checks("Samples:\n- Delivery delay dashboard (https://example.com/a)")).toEqual([]);
    expect(checks("The team improved its process.")).toEqual([]);
    expect(checks("I froze hiring for a quarter and would not name a vendor before the review.")).toEqual([]);
    expect(checks("I code in C++, hold an A+ rating and found the join fanning out x3 in 5+ years.")).toEqual([]);
    expect(
      checks("I am sorry for my remark. I had to leave early and would like to finish our conversation.", "letter"),
    ).toEqual([]);
  });

  it("finds the owning line missing or excused, a slipped name, a challenge handed back, letters after a name, an odd window", () => {
    const d = (patch: Partial<DebriefInput>): DebriefInput => ({ ...input, whatHappened: [], ...patch });
    const of = (text: string, kind: "letter" | "nudge" | "tips", patch: Partial<DebriefInput>) =>
      defectsIn(text, { input: d(patch), kind }).map((x) => x.check);
    expect(of("Thank you for your time.", "letter", { whatHappened: ["rambling"] })).toEqual(["bad moment not owned"]);
    expect(of("Thank you. I know my answers ran long.", "letter", { whatHappened: ["rambling"] })).toEqual([]);
    expect(of("Thank you. The phone call did not show my best.", "letter", { whatHappened: ["bad_call"] })).toEqual([
      "bad moment not owned",
    ]);
    expect(of("I'm sorry the call went badly; that's on me.", "letter", { whatHappened: ["bad_call"] })).toEqual([]);
    expect(
      of("I'm sorry I arrived late. The traffic was awful.", "letter", { whatHappened: ["late", "illness"] }),
    ).toEqual(["bad moment not owned", "excuse beside the owning line"]);
    expect(
      of("I'm sorry the call went badly; that's on me. I rushed because the signal was weak.", "letter", {
        whatHappened: ["bad_call"],
      }),
    ).toEqual(["excuse beside the owning line"]);
    const slip = { notes: "called them Quarry Labs twice, mortified" };
    expect(of("I'm sorry I got your company's name wrong.", "letter", slip)).toEqual([]);
    expect(of("Unlike Quarry Labs, your team ships weekly.", "letter", slip)).toEqual(["wrong name repeated"]);
    const ask = (item: string) => `Research\n\nRead up.\n\nQuestions to ask\n\n${item}`;
    const sore = { challenges: ["You lost two big accounts this spring"] };
    expect(of(ask("On “You lost two big accounts this spring”: what now?"), "tips", sore)).toEqual([
      "challenge restated in questions to ask",
    ]);
    expect(of(ask("What are the team's priorities for the year?"), "tips", sore)).toEqual([]);
    const lettered = {
      interview: {
        ...input.interview,
        interviewer: { ...input.interview.interviewer, name: "Angela Whitfield, MSN, RN" },
      },
    };
    expect(of("Your draft to Angela Whitfield, MSN, RN is ready.", "nudge", lettered)).toEqual([
      "letters after a name",
    ]);
    expect(of("Your draft to Angela is ready.", "nudge", lettered)).toEqual([]);
    expect(of("The best time: Monday 7 December, 10:20–11:00 (Denver time).", "nudge", {})).toEqual([
      "oddly exact window",
    ]);
    expect(
      of("The best time: Monday 7 December, 10:30–11:00 (Denver time), which is 23:15–23:45 (your time).", "nudge", {}),
    ).toEqual([]);
  });
});
