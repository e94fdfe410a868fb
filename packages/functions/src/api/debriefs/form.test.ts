import { memoryApp } from "@debrief/testkit/app";
import { formFields } from "@debrief/testkit/forms";
import { describe, expect, it } from "vitest";

const html = async (res: Response) => {
  expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  return res.text();
};
const ids = (page: string) => new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
const inPageLinks = (page: string) => [...page.matchAll(/href="#([^"]*)"/g)].map((m) => m[1]);

describe("the debrief form", () => {
  it("is one document: the doctype, then the head with title, description, icon and stylesheet", async () => {
    const { app } = memoryApp();
    const page = await html(await app.request("/"));
    expect(page.startsWith('<!DOCTYPE html><html lang="en"><head>')).toBe(true);
    expect(page).toMatch(/<meta name="description" content="[^"]{50,}"\/>/);
    expect(page).toMatch(/<link rel="icon" href="\/assets\/favicon\.[0-9a-f]{10}\.svg" type="image\/svg\+xml"\/>/);
    expect(page).toMatch(/<link rel="stylesheet" href="\/assets\/app\.[0-9a-f]{10}\.css"\/>/);
  });

  it("takes each maxlength from the schema", async () => {
    const { app } = memoryApp();
    const page = await (await app.request("/")).text();
    expect(page).toMatch(/id="interview\.company"[^>]*maxlength="120"/);
    expect(page).toMatch(/id="questions\.0\.betterAnswer"[^>]*maxlength="1500"/);
    expect(page).toMatch(/id="interview\.interviewer\.email"[^>]*maxlength="254"/);
  });

  it("opens short: the parts the letter can do without are closed, and no list of every time zone outside <noscript>", async () => {
    const { app } = memoryApp();
    const page = await html(await app.request("/"));
    expect(page).not.toContain("<datalist");
    expect(
      [...page.matchAll(/<details class="part" id="([^"]+)"( open="")?>/g)].map((m) => [m[1], Boolean(m[2])]),
    ).toEqual([
      ["part-interview", false],
      ["part-interviewer", false],
      ["part-interviewer-zone", false],
      ["part-challenges", false],
      ["part-samples", false],
      ["part-references", false],
      ["part-plan", false],
      ["part-letter", false],
      ["part-notes", false],
    ]);
    // Every zone in a grouped select for a browser without scripts; outside <noscript>, the short list only.
    const outside = page.replace(/<noscript>[\s\S]*?<\/noscript>/g, "");
    const options = (s: string) => (s.match(/<option value="[A-Z][^"]*\/[^"]*"/g) ?? []).length;
    expect(options(page) - options(outside)).toBeGreaterThan(2 * 400);
    expect(options(outside)).toBeLessThan(2 * 60);
    expect(page).toMatch(
      /<noscript><select id="candidate\.timeZone"[^>]*name="candidate\.timeZone"><option value="">Choose your time zone<\/option><optgroup label="Africa"/,
    );
    // The extra rows are in the page, closed, each behind the one "Add another" button before it.
    expect(page).toMatch(
      /<details class="more-row" id="questions-row-2"><summary>Add another question<\/summary>[\s\S]*?<details class="more-row" id="questions-row-3">/,
    );
  });

  it("sends a refused form back with the parts and rows that hold a value, an error or were opened still open", async () => {
    const { postForm, clock } = memoryApp();
    const res = await postForm(
      "/",
      formFields(
        "amira@example.com",
        {
          "questions.2.question": "Why logistics?",
          "samples.0.url": "not a link",
          "interview.interviewer.timeZone": "Asia/Kathmandu",
          opened: "part-notes questions-row-2",
          "candidate.name": "",
        },
        clock.now(),
      ),
    );
    expect(res.status).toBe(422);
    const page = await html(res);
    const open = [...page.matchAll(/<details class="[^"]+" id="([^"]+)" open="">/g)].map((m) => m[1]);
    expect(open).toEqual([
      "part-interviewer",
      "part-interviewer-zone",
      "questions-row-2",
      "questions-row-3",
      "part-samples",
      "part-notes",
    ]);
    expect(page).toContain('value="Why logistics?"');
    expect(page).toMatch(/<option value="Asia\/Kathmandu" selected="">/);
  });

  it("asks how the interviewer likes to be addressed, and names a value off its list", async () => {
    const { app, postForm, clock, table } = memoryApp();
    const page = await html(await app.request("/"));
    const select = /<select[^>]*name="interview\.interviewer\.courtesyTitle"[^>]*>([\s\S]*?)<\/select>/.exec(page);
    expect(page).toMatch(
      /<label[^>]*for="interview\.interviewer\.courtesyTitle"[^>]*>How do they like to be addressed\?/,
    );
    expect([...(select?.[1] ?? "").matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual([
      "",
      "ms",
      "mr",
      "mx",
      "none",
    ]);
    const res = await postForm(
      "/",
      formFields("amira@example.com", { "interview.interviewer.courtesyTitle": "mrs" }, clock.now()),
    );
    expect(res.status).toBe(422);
    expect(await html(res)).toContain("How they like to be addressed: Must be one of: ms, mr, mx, none");
    expect(table.debriefs.size).toBe(0);
  });

  it("sends a valid form to the candidate's page with 303", async () => {
    const { postForm, clock, table } = memoryApp();
    const res = await postForm("/", formFields("amira@example.com", {}, clock.now()));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/d\/[A-Za-z0-9_-]{43}\?new=1$/);
    expect(table.debriefs.size).toBe(1);
  });

  it("answers invalid fields with 422 and a summary whose every link lands on an element", async () => {
    const { postForm, clock, table } = memoryApp();
    const res = await postForm(
      "/",
      formFields("amira@example.com", { "candidate.email": "nope", consent: "" }, clock.now()),
    );
    expect(res.status).toBe(422);
    const page = await html(res);
    expect(page).toContain("Your email: Must be a valid email address");
    const links = inPageLinks(page);
    expect(links).toEqual(expect.arrayContaining(["main", "candidate.email", "consent"]));
    const present = ids(page);
    for (const link of links) expect(present, `#${link}`).toContain(link);
    expect(table.debriefs.size).toBe(0);
  });

  it("shows a refused form's reason as a message about the form, not a link to #form", async () => {
    const { app, table } = memoryApp();
    const body = new URLSearchParams({ ...formFields("amira@example.com"), ticket: "forged", website: "" });
    const res = await app.request("/", { method: "POST", body });
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain('id="form-message"');
    expect(page).toContain("This form has expired or did not come from our page.");
    const present = ids(page);
    for (const link of inPageLinks(page)) expect(present, `#${link}`).toContain(link);
    expect(page).not.toContain('href="#form"');
    expect(table.debriefs.size).toBe(0);
  });

  it("answers a form over 16 KB with the form again and the reason (413), not JSON", async () => {
    const { postForm, clock, table } = memoryApp();
    const res = await postForm("/", formFields("amira@example.com", { notes: "x".repeat(17 * 1024) }, clock.now()));
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    const page = await html(res);
    expect(page).toContain("longer than we can take in one go (over 16 KB)");
    // A fresh form, and the browser may put its draft back in.
    expect(page).toMatch(/<form method="post" action="\/" novalidate="" data-draft="debrief" data-restore-draft="">/);
    expect(page).toMatch(/name="ticket" value="[^"]+"/);
    expect(table.debriefs.size).toBe(0);
  });

  it("answers a store failure with 503, Retry-After and the form with its values", async () => {
    const m = memoryApp();
    m.deps.store.create = async () => {
      throw new Error("ProvisionedThroughputExceededException");
    };
    const res = await m.postForm(
      "/",
      formFields("amira@example.com", { "interview.company": "Kept Co" }, m.clock.now()),
    );
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    const page = await html(res);
    expect(page).toContain("We could not save your debrief just now.");
    expect(page).toContain('value="Kept Co"');
  });

  it("stores a challenge with the skill beside it, the salutation, the courtesy title and the length as the candidate chose them", async () => {
    const { postForm, clock, table } = memoryApp();
    const res = await postForm(
      "/",
      formFields(
        "amira@example.com",
        {
          "challenges.0.text": "Delivery delays are reported a week late",
          "challenges.0.skill": "Daily delay dashboards",
          "challenges.1.text": "Two warehouse systems",
          "interview.interviewer.salutation": "Dr. Weber",
          "interview.interviewer.courtesyTitle": "mr",
          length: "short",
        },
        clock.now(),
      ),
    );
    expect(res.status).toBe(303);
    const [debrief] = [...table.debriefs.values()];
    expect(debrief?.input.challenges).toEqual([
      { text: "Delivery delays are reported a week late", skill: "Daily delay dashboards" },
      "Two warehouse systems",
    ]);
    expect(debrief?.input.interview.interviewer.salutation).toBe("Dr. Weber");
    expect(debrief?.input.interview.interviewer.courtesyTitle).toBe("mr");
    expect(debrief?.input.length).toBe("short");
  });
});
