import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("user text is escaped in pages and emails", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: 60 });
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  it("shows markup typed into the form as text, never as markup", async () => {
    const body = validDebrief({
      interview: {
        company: `Acme <img src=x onerror="alert(1)">`,
        role: "Analyst</title><script>alert(2)</script>",
        date: new Date(Date.now() - 3_600_000).toISOString().slice(0, 10),
        format: "video",
        interviewer: { name: `Jo "><svg onload=alert(3)>`, title: "Lead" },
      },
      notes: "<style>body{display:none}</style> & friends",
    });
    const res = await postDebrief(stack.appUrl, body);
    expect(res.status).toBe(201);
    const { page } = (await res.json()) as { page: string };

    const html = await (await fetch(page.replace(stack.url, stack.appUrl))).text();
    const [letter] = await waitFor(
      async () => {
        const mails = await emailsTo(stack.inboxUrl, body.candidate.email);
        return mails.length >= 1 && mails;
      },
      { timeoutMs: 30_000, what: "the letter" },
    );

    for (const out of [html, letter?.body.html ?? ""]) {
      expect(out).not.toMatch(/<img src=x/i);
      expect(out).not.toMatch(/<script>alert/i);
      expect(out).not.toMatch(/<svg onload/i);
      expect(out).toContain("&lt;img src=x");
    }
    // The subject is one line whatever was typed.
    expect(letter?.subject).not.toMatch(/[\r\n]/);
  });
});
