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

  it("mails no web link the submitter wrote in the first email: samples, references and answers as text, links on the page", async () => {
    const body = validDebrief({
      samples: [{ title: "Claim your refund now", url: "https://refund-desk.example.com/claim?id=42" }],
      references: [
        { name: "Pat Lee", relation: "former manager", contact: "https://account-verify.example.xyz/login" },
      ],
      questions: [
        {
          question: "How would you find the cause of late deliveries?",
          betterAnswer: "Verify your account at www.secure-login.example.top before it closes.",
        },
      ],
    });
    const res = await postDebrief(stack.appUrl, body);
    expect(res.status).toBe(201);
    const { page } = (await res.json()) as { page: string };
    const [letter] = await waitFor(
      async () => {
        const mails = await emailsTo(stack.inboxUrl, body.candidate.email);
        return mails.length >= 1 && mails;
      },
      { timeoutMs: 30_000, what: "the letter" },
    );
    const html = letter?.body.html ?? "";
    const text = letter?.body.text ?? "";
    // No anchor to any host but the service's own, and none of the submitter's addresses written out whole.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? "");
    expect(hrefs.filter((h) => !h.startsWith(stack.url) && !h.startsWith("mailto:"))).toEqual([]);
    // (The mailto: button's href carries the letter as written, for the message the candidate sends.)
    const shown = html.replace(/href="mailto:[^"]*"/g, "");
    for (const host of ["refund-desk.example.com", "secure-login.example.top", "account-verify.example.xyz"]) {
      expect(shown, host).not.toContain(host);
      expect(text, host).not.toContain(host);
    }
    // Still there for the candidate to read, as text.
    expect(text).toContain("my claim your refund now, which you can find at refund-desk[.]example[.]com/claim?id=42");
    expect(text).toContain("www[.]secure-login[.]example[.]top");
    expect(text).toContain("cannot be clicked");

    // The page (the email's own link to it, or the submitter's answer) has them as links, and the letter as written.
    const pageHtml = await (await fetch(page.replace(stack.url, stack.appUrl))).text();
    expect(pageHtml).toContain(
      '<a href="https://refund-desk.example.com/claim?id=42" rel="noopener noreferrer nofollow">',
    );
    expect(pageHtml).toContain(
      '<a href="https://account-verify.example.xyz/login" rel="noopener noreferrer nofollow">',
    );
    expect(/<article class="letter" id="letter">[^<]*<\/article>/.exec(pageHtml)?.[0]).toContain(
      "which you can find at https://refund-desk.example.com/claim?id=42",
    );
  });
});
