import { memoryApp, PUBLIC_URL } from "@debrief/testkit/app";
import { validDebrief } from "@debrief/testkit/debriefs";
import { describe, expect, it } from "vitest";

describe("GET /d/{token}/status.json", () => {
  it("answers the page's own words for each email, pending until SES took the letter, and nothing personal", async () => {
    const m = memoryApp();
    const body = validDebrief({ interviewedAt: m.clock.now() });
    const res = await m.app.request("/api/debriefs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const { id, page } = (await res.json()) as { id: string; page: string };
    const path = `${page.replace(PUBLIC_URL, "")}/status.json`;
    const statuses = async () => {
      const answer = await m.app.request(path);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("cache-control")).toMatch(/no-store/);
      const text = await answer.text();
      for (const personal of [body.candidate.email, body.candidate.name, body.interview.interviewer.name, id]) {
        expect(text).not.toContain(personal);
      }
      return JSON.parse(text) as { pending: boolean; emails: { kind: string; status: string }[] };
    };

    const letter = async () => {
      const { pending, emails } = await statuses();
      return { pending, ...emails[0] };
    };
    expect(await letter()).toMatchObject({ pending: true, kind: "letter", status: "Being prepared" });
    const claim = { claimedAt: m.clock.now().toISOString(), claim: "0123456789abcdef" };
    expect(await m.deps.store.claimSend(id, "letter", claim)).toBe(true);
    expect(await letter()).toMatchObject({ pending: true, kind: "letter", status: "Sending" });
    // SES's Send event recorded on the claim: sent, before the step records its message id.
    await m.deps.store.recordSendConfirmation(
      { debriefId: id, kind: "letter", claim: claim.claim },
      { messageId: "m-1", event: "Send", at: m.clock.now().toISOString() },
    );
    const after = await statuses();
    expect(after.pending).toBe(false);
    expect(after.emails[0]?.status).toMatch(/^Sent/);
  });

  it("is scoped to the token: an unknown one is a 404", async () => {
    const m = memoryApp();
    expect((await m.app.request(`/d/${"A".repeat(43)}/status.json`)).status).toBe(404);
  });
});
