import { readFileSync } from "node:fs";
import { type CheckinKind, createCentre, EMAIL_KINDS, type EmailKind, type NamedEmail } from "@debrief/core";
import { renderEmail } from "@debrief/emails";
import { memoryApp } from "@debrief/testkit/app";
import { formFields } from "@debrief/testkit/forms";
import { personaDebrief } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";

/**
 * One name for each email, read from what people read: the pages as served, the emails as
 * rendered for sending, and the README. No name is taken from the constant that sets it.
 */
const text = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
const one = (source: string, pattern: RegExp, where: string) => {
  const found = pattern.exec(source)?.[1];
  if (!found) throw new Error(`${where}: no email named by ${pattern}`);
  return found.toLowerCase();
};
/** The README as read: code blocks and code spans (module, state and setting names) left out. */
const readmeProse = () =>
  readFileSync(new URL("../../README.md", import.meta.url), "utf8")
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/`[^`\n]*`/g, " ");

/** The other names the emails went by, which nothing a person reads may use any more. */
const RETIRED = [/\bnudge/i, /next-day check-in/i, /(?<!outcome )\bcheck-ins?\b/i];

async function pagesAndEmails() {
  const m = memoryApp();
  const stores = { centres: m.deps.centres!, accounts: m.deps.accounts! };
  const made = await createCentre(
    stores,
    { slug: "northfield", displayName: "Northfield Careers", advisor: { name: "Priya Nair", email: "p@n.example" } },
    m.clock,
  );
  if (!made.ok) throw new Error("centre");
  const form = text(await (await m.app.request("/")).text());
  const submitted = await m.postForm("/", formFields("amira@example.com", {}, m.clock.now()));
  const pageHtml = await (await m.app.request(submitted.headers.get("location")!)).text();
  const centreSubmitted = await m.postForm("/c/northfield", formFields("lena@example.com", {}, m.clock.now()));
  const centrePage = centreSubmitted.headers.get("location")!.replace("?new=1", "");
  const checkinPage = text(await (await m.app.request(`${centrePage}/checkin/checkin7/no_reply`)).text());

  const links = { page: "https://debrief.example.org/d/t", notMe: "https://debrief.example.org/not-me/t" };
  const emails: { kind: EmailKind | CheckinKind; subject: string; text: string }[] = [];
  const debrief = personaDebrief("amira");
  for (const kind of [...EMAIL_KINDS, "checkin7", "checkin14"] as const) {
    emails.push({ kind, ...(await renderEmail(kind, debrief, links)) });
  }
  // The reminder once the letter is marked sent says what to expect instead.
  const sent = personaDebrief("amira", { letterSentAt: "2026-11-25T07:30:00.000Z" });
  emails.push({ kind: "nudge", ...(await renderEmail("nudge", sent, links)) });
  return { form, pageHtml, page: text(pageHtml), checkinPage, emails };
}

describe("one name for each email", () => {
  it("is the same in the form, the pages, every email's subject and body, and the README", async () => {
    const { form, pageHtml, page, checkinPage, emails } = await pagesAndEmails();
    const readme = readmeProse();

    // The name the candidate's page lists each email by…
    const named = {} as Record<NamedEmail, string>;
    for (const kind of EMAIL_KINDS) {
      named[kind] = one(pageHtml, new RegExp(`<li id="status-${kind}"><span>([^<]+)</span>`), `status of ${kind}`);
    }
    named.checkin = one(checkinPage, /Record this answer to your ([a-z -]+)\?/i, "the outcome check-in page");
    expect(new Set(Object.values(named)).size).toBe(4);

    // …is the name each email gives itself…
    for (const email of emails) {
      const own = one(email.text, /This is your ([a-z -]+?) from Interview Debrief/i, `the ${email.kind} email`);
      expect(own, email.kind).toBe(named[email.kind.startsWith("checkin") ? "checkin" : (email.kind as EmailKind)]);
    }
    // …the form promises, and the README uses.
    for (const kind of EMAIL_KINDS) expect(form.toLowerCase(), `form: ${kind}`).toContain(named[kind]);
    for (const name of Object.values(named)) expect(readme.toLowerCase(), `README: ${name}`).toContain(name);

    // No page, email or README paragraph calls one by another name.
    const read = [
      ["the form", form],
      ["the candidate's page", page],
      ["the outcome check-in page", checkinPage],
      ["the README", readme],
      ...emails.map((e) => [`the ${e.kind} email`, `${e.subject}\n${e.text}`]),
    ];
    for (const [where, words] of read) {
      for (const retired of RETIRED) expect(words, `${where}: ${retired}`).not.toMatch(retired);
    }
  });
});
