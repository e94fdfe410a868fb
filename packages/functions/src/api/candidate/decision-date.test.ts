import { composeNudge, currentDraft } from "@debrief/core";
import { memoryApp, PUBLIC_URL } from "@debrief/testkit/app";
import { validDebrief } from "@debrief/testkit/debriefs";
import { describe, expect, it } from "vitest";

/** A debrief whose interviewer named no decision date, as the candidate's page shows it. */
async function pageWithoutDecisionDate() {
  const m = memoryApp();
  const body = validDebrief({ interviewedAt: m.clock.now() });
  delete (body.interview as { decisionDate?: string }).decisionDate;
  const res = await m.app.request("/api/debriefs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const { id, page } = (await res.json()) as { id: string; page: string };
  const path = page.replace(PUBLIC_URL, "");
  const form = (fields: Record<string, string>) =>
    m.app.request(`${path}/letter`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: PUBLIC_URL },
      body: new URLSearchParams({ length: "full", ...fields }).toString(),
    });
  const stored = async () => (await m.deps.store.get(id, m.clock.now()))!;
  return { m, path, form, stored, interviewDate: body.interview.date };
}

describe("the decision date, set on the candidate's page", () => {
  it("is what the hint points at, a control that exists; the letter and the reminder follow it", async () => {
    const { m, path, form, stored, interviewDate } = await pageWithoutDecisionDate();
    const html = await (await m.app.request(path)).text();
    // The hint names a control by a link to it, and that control is on the page.
    const hint = /<p class="hint" id="most-helpful">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
    const target = /href="#([^"]+)"/.exec(hint)?.[1];
    expect(target).toBeTruthy();
    expect(html).toContain(`id="${target}"`);
    expect(html).toMatch(/<label[^>]*for="decisionDate"[^>]*>When they said they would decide/);

    const day = new Date(`${interviewDate}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 10);
    const decision = day.toISOString().slice(0, 10);
    expect((await form({ decisionDate: decision })).status).toBe(303);
    const d = await stored();
    expect(d.input.interview.decisionDate).toBe(decision);
    expect(currentDraft(d).body).toMatch(/If I have not heard (from you )?by /);
    // The reminder, once the letter is sent, plans the follow-up from that date.
    const nudge = composeNudge({ ...d, letterSentAt: m.clock.now().toISOString() });
    expect(nudge.paragraphs.join(" ")).toMatch(/They said they would decide by /);
    expect(await (await m.app.request(path)).text()).toMatch(
      new RegExp(`id="decisionDate"[^>]*value="${decision}"|value="${decision}"[^>]*id="decisionDate"`),
    );

    // Cleared again, the letter no longer promises a date.
    expect((await form({ decisionDate: "" })).status).toBe(303);
    expect((await stored()).input.interview.decisionDate).toBeUndefined();
  });

  it("refuses a date before the interview or not a date, beside the field, and writes nothing", async () => {
    const { form, stored } = await pageWithoutDecisionDate();
    for (const bad of ["2001-01-01", "next week"]) {
      const res = await form({ decisionDate: bad });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toMatch(/id="decisionDate-error"|href="#decisionDate"/);
      expect((await stored()).input.interview.decisionDate).toBeUndefined();
    }
  });
});
