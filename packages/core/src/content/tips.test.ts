import { describe, expect, it } from "vitest";
import { WHAT_HAPPENED } from "../debrief/schema";
import { personaDebrief } from "./personas";
import { composeTips, SITUATION_TIPS } from "./tips";

const section = (tips: ReturnType<typeof composeTips>, id: string) => tips.sections.find((s) => s.id === id);

describe("the second-interview tips", () => {
  it("turn the fumbled questions into a rehearsal set with a situation-action-result structure", () => {
    const d = personaDebrief("kate");
    const rehearse = section(composeTips(d), "rehearse");
    expect(rehearse?.items).toHaveLength(d.input.questions.length);
    d.input.questions.forEach((q, i) => {
      const item = rehearse?.items[i] ?? "";
      expect(item).toContain(q.question.replace(/\.$/, ""));
      expect(item).toMatch(/^Situation: /m);
      expect(item).toMatch(/^Action: /m);
      expect(item).toMatch(/^Result: /m);
      expect(item).toContain(q.betterAnswer);
      if (q.example) expect(item).toContain(q.example);
    });
  });

  it("prepare for each situation that happened, and only those", () => {
    for (const w of WHAT_HAPPENED) {
      const d = personaDebrief("amira", { input: { ...personaDebrief("amira").input, whatHappened: [w] } });
      const items = section(composeTips(d), "situations")?.items ?? [];
      expect(items).toEqual(SITUATION_TIPS[w]);
    }
    const all = (w: (typeof WHAT_HAPPENED)[number]) => SITUATION_TIPS[w].join(" ");
    expect(all("nerves")).toMatch(/breathe/i);
    expect(all("outfit")).toMatch(/clothes/);
    expect(all("late")).toMatch(/journey/);
    expect(all("bad_call")).toMatch(/call/);
    expect(all("too_blunt")).toMatch(/curveball and emotional-intelligence/);
    expect(all("illness")).toMatch(/plan for feeling unwell/);
  });

  it("research the interviewer and the team, and suggest questions from the challenges they described", () => {
    const tips = composeTips(personaDebrief("amira"));
    expect(section(tips, "research")?.items.join(" ")).toContain("Jonas Weber (Head of Analytics)");
    expect(section(tips, "research")?.items.join(" ")).toContain("Northwind Logistics");
    const ask = section(tips, "ask")?.items.join(" ") ?? "";
    expect(ask).toContain("Delivery delays are reported a week late");
    expect(ask).toContain("Regional managers do not trust the numbers");
  });

  it("leave out the rehearsal and situation sections when the debrief has none", () => {
    const d = personaDebrief("chloe", { input: { ...personaDebrief("chloe").input, whatHappened: [] } });
    expect(composeTips(d).sections.map((s) => s.id)).toEqual(["research", "ask"]);
  });

  it("offer a practice session timed from when the tips are scheduled", () => {
    const tips = composeTips(personaDebrief("amira", { schedule: { nudgeAt: "x", tipsAt: "2026-11-26T08:00:00Z" } }));
    expect(tips.practice.start).toBe("2026-11-26T17:00:00.000Z");
    expect(tips.subject).toContain("Data Analyst at Northwind Logistics");
  });
});
