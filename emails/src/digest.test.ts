import { describe, expect, it } from "vitest";
import { renderWeeklyDigest } from "./digest";
import WeeklyDigestEmail from "./templates/digest";

describe("the advisors' weekly email", () => {
  it("renders its PreviewProps: the week's figures, hidden ones said so, the page and the way to stop it", async () => {
    const { digest } = WeeklyDigestEmail.PreviewProps;
    const email = await renderWeeklyDigest(digest);
    expect(email.subject).toBe("Northfield University Careers: the week of 2026-11-30 in figures");
    expect(email.text).toContain("42 new students debriefed an interview.");
    expect(email.text).toContain("Letter sent: 62%");
    expect(email.text).toContain("Offer: hidden");
    expect(email.text).toContain("What went wrong most: Nerves (52%), Blanking on a question (31%), Rambling (26%).");
    expect(email.html).toContain(`href="${digest.pageUrl.replaceAll("&", "&amp;")}"`);
    expect(email.html).toContain(`href="${digest.unsubscribeUrl}"`);
    expect(email.html).toMatch(/^<!DOCTYPE html/);
  });

  it("says a hidden number of students is hidden, never zero", async () => {
    const { digest } = WeeklyDigestEmail.PreviewProps;
    const email = await renderWeeklyDigest({ ...digest, students: null, situations: [] });
    expect(email.text).toContain("the number is hidden so that no student can be singled out");
    expect(email.text).not.toContain("What went wrong most");
  });
});
