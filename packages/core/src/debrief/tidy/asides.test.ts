import { describe, expect, it } from "vitest";
import { dropAsideSpans, dropAsides, WHY } from "./asides";

function run(f: typeof dropAsides, text: string) {
  const left: [string, string][] = [];
  return { text: f(text, (t, why) => left.push([t, why])), left };
}

describe("asides the candidate wrote for themselves", () => {
  it("leaves out a sentence about how the interview went, and reports it", () => {
    const r = run(
      dropAsides,
      "I would pull the weekly rota first. I completely froze on this, so awkward lol. I got flustered and rushed it.",
    );
    expect(r.text).toBe("I would pull the weekly rota first.");
    expect(r.left.map(([, why]) => why)).toEqual([WHY.chat, WHY.performance, WHY.performance]);
  });

  it("leaves out why they left the interview, which the letter owns in its own words", () => {
    expect(
      run(dropAsides, "I would rebuild the rota. Didn't get to answer this, I had to leave for a family emergency.")
        .text,
    ).toBe("I would rebuild the rota.");
  });

  it("keeps the substance beside an aside in the same sentence", () => {
    expect(run(dropAsides, "I reconcile stock against the till every Friday, I just blanked on it.").text).toBe(
      "I reconcile stock against the till every Friday.",
    );
    expect(run(dropAsides, "I KNOW this one I run these checks every single morning I just went blank.").text).toBe(
      "I run these checks every single morning.",
    );
  });

  it("leaves out instructions to themselves, fillers and 'next time'", () => {
    for (const note of [
      "Never badmouth the old agency.",
      "Do not name the hospital.",
      "Then tell the warehouse story.",
      "Remember to say the budget was $2m.",
      "Keep it brief.",
      "Brief answer, then stop talking.",
      "Slow down next time.",
      "So yeah.",
      "That's all.",
    ]) {
      const r = run(dropAsides, `I would set up a daily stand-up with the shift leads. ${note}`);
      expect(r.text, note).toBe("I would set up a daily stand-up with the shift leads.");
      expect(r.left, note).toHaveLength(1);
    }
  });

  it("keeps what reads like an aside but is the work itself", () => {
    for (const work of [
      "I froze recruitment for a quarter and moved two roles into the new team.",
      "The supplier forgot the delivery slot, so I rebuilt the booking process.",
      "I rushed the hotfix out in an hour and wrote the post-mortem the next day.",
      "Don't assume the numbers are right; check the grain first.",
      "We gave a short answer to the regulator within two days.",
      "I said that the plan was late, and that it was mine.",
    ]) {
      expect(run(dropAsides, work).text, work).toBe(work);
    }
  });

  it("leaves out who said it and notes in brackets, keeping the rest of the sentence", () => {
    const r = run(dropAsideSpans, "You need someone to fix onboarding - her words, not mine");
    expect(r.text).toBe("You need someone to fix onboarding");
    expect(r.left).toEqual([["her words, not mine", WHY.attribution]]);
    expect(run(dropAsideSpans, "a retention model (their words) for the app").text).toBe(
      "a retention model for the app",
    );
    const bracket = run(
      dropAsideSpans,
      "I cut returns by a third for a retailer (confidential, never say who!) in 2024.",
    );
    expect(bracket.text).toBe("I cut returns by a third for a retailer in 2024.");
    expect(bracket.left).toEqual([["(confidential, never say who!)", WHY.instruction]]);
  });

  it("keeps brackets that carry substance", () => {
    for (const kept of [
      "coaching cycles (Knight model)",
      "a churn rebuild (anonymised)",
      "the pilot (2023, 40 staff)",
    ]) {
      expect(run(dropAsideSpans, kept).text).toBe(kept);
    }
  });
});
