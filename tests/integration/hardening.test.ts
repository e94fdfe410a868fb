import { randomUUID } from "node:crypto";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { debriefItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Issue 14, item 9: hardening.
describe("hardening: invisible characters, caching and indexing of private pages", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: 60 });
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  const tokenOf = (page: string) => /\/d\/([A-Za-z0-9_-]{43})$/.exec(page)?.[1] ?? "";
  const stored = async (email: string) =>
    (await debriefItems()).find((d) => (d.input as { candidate: { email: string } }).candidate.email === email);

  it("answers the 201 that carries a page token with Cache-Control: no-store", async () => {
    const res = await postDebrief(stack.appUrl, validDebrief());
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("marks every private page noindex, found or not, and serves a robots.txt that keeps crawlers off them", async () => {
    const res = await postDebrief(stack.appUrl, validDebrief());
    const token = tokenOf(((await res.json()) as { page: string }).page);
    const unknown = "A".repeat(43);
    for (const path of [`/d/${token}`, `/d/${unknown}`, `/a/${unknown}`, `/u/${token}`, `/not-me/${token}`]) {
      const page = await fetch(`${stack.appUrl}${path}`);
      expect(page.headers.get("x-robots-tag"), path).toBe("noindex, nofollow");
    }
    expect((await fetch(`${stack.appUrl}/`)).headers.get("x-robots-tag")).toBeNull();
    const robots = await fetch(`${stack.appUrl}/robots.txt`);
    expect(robots.status).toBe(200);
    const text = await robots.text();
    expect(text).toContain("User-agent: *");
    for (const p of ["/d/", "/a/", "/u/", "/not-me/", "/api/"]) expect(text).toContain(`Disallow: ${p}\n`);
    expect(text).not.toMatch(/Disallow: \/\s*$/m);
  });

  it("strips invisible characters from names (keeping the joiners scripts need) and still accepts them", async () => {
    const email = `hidden-${randomUUID()}@example.com`;
    const body = validDebrief({ candidate: { name: "Ana\u200F Li\u00ADma\uFEFF", email, timeZone: "UTC" } });
    body.interview.interviewer = { name: "Dara\u{E0041}\u{E007F} \u061CKhan" };
    expect((await postDebrief(stack.appUrl, body)).status).toBe(201);
    const input = (await stored(email))?.input as {
      candidate: { name: string };
      interview: { interviewer: { name: string } };
    };
    expect(input.candidate.name).toBe("Ana Lima");
    expect(input.interview.interviewer.name).toBe("Dara Khan");
    // And the letter the advisor or interviewer reads carries none of them.
    const [letter] = await waitFor(
      async () => {
        const m = await emailsTo(stack.inboxUrl, email);
        return m.length > 0 && m;
      },
      { timeoutMs: 30_000, what: "the letter" },
    );
    expect(letter?.body.text ?? "").not.toMatch(/[\u00AD\u061C\u200E\u200F\uFEFF\u{E0000}-\u{E007F}]/u);

    const joined = `joined-${randomUUID()}@example.com`;
    const persian = "می\u200Cخواهم";
    expect(
      (await postDebrief(stack.appUrl, validDebrief({ candidate: { name: persian, email: joined, timeZone: "UTC" } })))
        .status,
    ).toBe(201);
    const joinedInput = (await stored(joined))?.input as { candidate: { name: string } } | undefined;
    expect(joinedInput?.candidate.name).toBe(persian);
  });

  it("strips zero-width spaces and word joiners from a salutation, a draft and the debrief's text, and takes Hangul fillers for blank", async () => {
    const email = `zero-width-${randomUUID()}@example.com`;
    const body = validDebrief({ candidate: { name: "Ana\u2060 Lima", email, timeZone: "UTC" } });
    body.interview.interviewer = { name: "Dara\u200B Khan" };
    const created = await postDebrief(stack.appUrl, body);
    expect(created.status).toBe(201);
    const page = ((await created.json()) as { page: string }).page.replace(stack.url, stack.appUrl);
    const input = () =>
      stored(email).then(
        (d) =>
          d?.input as {
            candidate: { name: string };
            interview: { interviewer: { name: string; salutation?: string } };
          },
      );
    // The salutation form posts as a browser does: the zero-width space percent-encoded in the body.
    const post = (path: string, form: string) =>
      fetch(`${page}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form,
        redirect: "manual",
      });
    expect((await post("/salutation", "salutation=Sam%E2%80%8BX")).status).toBe(303);
    expect((await input()).interview.interviewer.salutation).toBe("SamX");
    expect((await input()).candidate.name).toBe("Ana Lima");
    expect((await input()).interview.interviewer.name).toBe("Dara Khan");
    expect((await post("/salutation", "salutation=Sam%E2%81%A2%E2%81%A4X")).status).toBe(303);
    expect((await input()).interview.interviewer.salutation).toBe("SamX");
    // A salutation, a name or a draft of Hangul fillers only is blank.
    const filler = await post("/salutation", "salutation=%E3%85%A4");
    expect(filler.status).toBe(422);
    expect((await input()).interview.interviewer.salutation).toBe("SamX");
    const blankName = validDebrief({ candidate: { name: "\u3164\uFFA0", email, timeZone: "UTC" } });
    const refused = await postDebrief(stack.appUrl, blankName);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { fields: Record<string, string> }).fields["candidate.name"]).toBe("Required");
    const blankDraft = await post(
      "/draft",
      new URLSearchParams({ subject: "Thanks", body: "\u3164 \u200B" }).toString(),
    );
    expect(blankDraft.status).toBe(422);
    expect(
      (await post("/draft", new URLSearchParams({ subject: "Tha\u200Bnks", body: "Dear\u2060 Dara" }).toString()))
        .status,
    ).toBe(303);
    expect((await stored(email))?.draft).toMatchObject({ subject: "Thanks", body: "Dear Dara" });
  });

  it("refuses a draft subject with a bidi override or a line separator, as the form's one-line fields do", async () => {
    const email = `draft-${randomUUID()}@example.com`;
    const res = await postDebrief(stack.appUrl, validDebrief({ candidate: { name: "Ana", email, timeZone: "UTC" } }));
    const page = ((await res.json()) as { page: string }).page.replace(stack.url, stack.appUrl);
    for (const subject of ["Thanks \u202Egnp.exe", "Thanks\u2028Bcc: x@example.com", "Thanks\u2066 x"]) {
      const saved = await fetch(`${page}/draft`, {
        method: "POST",
        body: new URLSearchParams({ subject, body: "Dear Dara, thank you." }),
        redirect: "manual",
      });
      expect(saved.status, JSON.stringify(subject)).toBe(422);
      expect(await saved.text()).toContain("The subject must be a single line");
    }
    expect((await stored(email))?.draft).toBeUndefined();
    const ok = await fetch(`${page}/draft`, {
      method: "POST",
      body: new URLSearchParams({ subject: "Thank you, Dara", body: "Dear Dara, thank you." }),
      redirect: "manual",
    });
    expect(ok.status).toBe(303);
    expect((await stored(email))?.draft).toMatchObject({ subject: "Thank you, Dara" });
  });
});
