import { REPAIR_TIMING } from "@debrief/core";
import { memoryApp, PUBLIC_URL } from "@debrief/testkit/app";
import { validDebrief } from "@debrief/testkit/debriefs";
import { describe, expect, it } from "vitest";

/** A submitted debrief whose letter's send was claimed (as the workflow's step does) and never answered. */
async function debriefWithUnansweredLetter() {
  const m = memoryApp();
  const res = await m.app.request("/api/debriefs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(validDebrief({ interviewedAt: m.clock.now() })),
  });
  const { id, page } = (await res.json()) as { id: string; page: string };
  const claim = { claimedAt: m.clock.now().toISOString(), claim: "0123456789abcdef" };
  expect(await m.deps.store.claimSend(id, "letter", claim)).toBe(true);
  return { m, id, path: page.replace(PUBLIC_URL, ""), claim };
}

describe("an email that could not be confirmed, on the candidate's page", () => {
  it("reads as sending while the repair may still confirm or send it, then says so and offers to send it again", async () => {
    const { m, path } = await debriefWithUnansweredLetter();
    const status = async () => {
      const html = await (await m.app.request(path)).text();
      return {
        text: /id="status-letter">.*?<strong>(.*?)<\/strong>/s.exec(html)?.[1],
        button: html.includes('id="resend-letter"'),
      };
    };
    expect(await status()).toEqual({ text: "Sending", button: false });
    m.clock.advance(REPAIR_TIMING.confirmWithinMs);
    expect(await status()).toEqual({
      text: "Could not be confirmed: we cannot tell whether it went out",
      button: true,
    });
  });

  it("records the candidate's request on that claim, once it is unconfirmed, for the repair pass to send it", async () => {
    const { m, id, path, claim } = await debriefWithUnansweredLetter();
    const resend = () => m.app.request(`${path}/resend/letter`, { method: "POST" });
    // Too early: nothing is recorded.
    expect((await resend()).headers.get("location")).toBe(`${path}?done=resend-not-needed`);
    expect((await m.deps.store.get(id, m.clock.now()))?.sends.letter?.resendRequestedAt).toBeUndefined();

    m.clock.advance(REPAIR_TIMING.confirmWithinMs);
    const asked = await resend();
    expect(asked.status).toBe(303);
    expect(asked.headers.get("location")).toBe(`${path}?done=resend`);
    expect((await m.deps.store.get(id, m.clock.now()))?.sends.letter).toEqual({
      ...claim,
      resendRequestedAt: m.clock.now().toISOString(),
    });
    const html = await (await m.app.request(`${path}?done=resend`)).text();
    expect(html).toContain("We will send that email again within a few minutes.");
    expect(html).toContain("Sending again");
    expect(html).not.toContain('id="resend-letter"');
    // Only an email's kind is a resend's target.
    expect((await m.app.request(`${path}/resend/postcard`, { method: "POST" })).status).toBe(404);
  });

  it("reads as sent once SES's own event confirmed the claim, though its step never recorded it", async () => {
    const { m, id, path, claim } = await debriefWithUnansweredLetter();
    const confirmation = { messageId: "m-1", event: "Send" as const, at: m.clock.now().toISOString() };
    await m.deps.store.recordSendConfirmation({ debriefId: id, kind: "letter", claim: claim.claim }, confirmation);
    m.clock.advance(REPAIR_TIMING.confirmWithinMs);
    const html = await (await m.app.request(path)).text();
    expect(html).not.toContain("Could not be confirmed");
    expect(html).not.toContain('id="resend-letter"');
  });
});
