import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import {
  CHECK_BEFORE_SENDING,
  currentDraft,
  type Debrief,
  type DebriefRequest,
  KEEP_EDITS_MESSAGE,
  mailtoLink,
} from "@debrief/core";
import { submitThroughApi, validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { postAsBrowser } from "@debrief/testkit/forms";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// One workflow day lasts this long locally: the reminder comes about a day after submission.
const DAY_S = 4;
const DAY_MS = DAY_S * 1000;

const REFERENCE = "Jana Horáková";

/**
 * The candidate page's controls that shape the letter (its length, the parts put back,
 * the salutation), through HTTP as a browser without JavaScript posts them, with the
 * choice read back from DynamoDB and from everything that carries the letter.
 */
describe("choosing the letter's length, its parts and its salutation on the candidate page", () => {
  let stack: TestStack;
  let doc: DynamoDBDocumentClient;
  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: DAY_S, env: predictableSchedule() });
    doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  async function submit(overrides: Partial<DebriefRequest> = {}) {
    const body = validDebrief({
      references: [{ name: REFERENCE, relation: "my manager at Parcelo", contact: "jana@example.com" }],
      plan: ["Map the delay data", "Build a carrier dashboard"],
      challenges: ["Deliveries are reported late"],
      ...overrides,
    });
    body.candidate = { ...body.candidate, timeZone: "UTC" };
    body.interview = { ...body.interview, interviewer: { ...body.interview.interviewer, email: "jonas@example.com" } };
    return submitThroughApi(stack.appUrl, body);
  }

  const get = (path: string) => fetch(`${stack.appUrl}${path}`, { redirect: "manual" });
  const post = (path: string, fields: [string, string][] | Record<string, string> = {}) =>
    postAsBrowser(stack.appUrl, path, fields);
  async function stored(id: string): Promise<Debrief> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: "debriefs", Key: { pk: `DEBRIEF#${id}` }, ConsistentRead: true }),
    );
    return Item as Debrief;
  }
  async function eml(path: string) {
    const parsed = await simpleParser(Buffer.from(await (await get(`${path}/letter.eml`)).arrayBuffer()));
    return { subject: parsed.subject, text: parsed.text?.replace(/\r\n/g, "\n").trimEnd() };
  }
  /** The tag of the input with this id, or of the input with this name and value. */
  const tag = (html: string, attr: string) =>
    new RegExp(`<input[^>]*\\b${attr.replace(/[.]/g, "\\.")}[^>]*>`).exec(html)?.[0] ?? "";
  /** What the page shows as the letter (the text of `#letter`, entities decoded). */
  async function pageLetter(path: string) {
    const html = await (await get(path)).text();
    const letter = /<article class="letter" id="letter">([\s\S]*?)<\/article>/.exec(html)?.[1] ?? "";
    return {
      html,
      text: letter
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&"),
    };
  }

  it("switches to the short note, puts a left-out part back and takes it out again; page, .eml and item agree", async () => {
    const { id, path } = await submit();
    const before = await pageLetter(path);
    expect(before.html).toMatch(/<option value="full" selected="">Full letter/);
    expect(before.text).toContain(REFERENCE);

    const short = await post(`${path}/letter`, { length: "short" });
    expect(short.status).toBe(303);
    expect(short.headers.get("location")).toBe(`${path}?done=letter`);
    const afterShort = await stored(id);
    expect(afterShort.input.length).toBe("short");
    expect(afterShort.letterInclude).toBeUndefined();
    const shortDraft = currentDraft(afterShort);
    expect(shortDraft.body).not.toContain(REFERENCE);
    expect((await eml(path)).text).toBe(shortDraft.body);
    const shortPage = await pageLetter(`${path}?done=letter`);
    expect(shortPage.text.trim()).toBe(shortDraft.body);
    expect(shortPage.html).toContain("Your letter is rewritten at the length and with the parts you chose.");
    expect(shortPage.html).toMatch(/<option value="short" selected="">Short note/);
    // What the short note leaves out is offered back, unticked.
    expect(tag(shortPage.html, 'value="references"')).toContain('name="include"');
    expect(tag(shortPage.html, 'value="references"')).not.toContain("checked");
    expect(shortPage.html).toContain(mailtoLink(shortDraft, "jonas@example.com").href.replace(/&/g, "&amp;"));

    const back = await post(`${path}/letter`, [
      ["length", "short"],
      ["include", "references"],
      ["include", "plan"],
    ]);
    expect(back.status).toBe(303);
    const afterBack = await stored(id);
    expect(afterBack.letterInclude).toEqual(["references", "plan"]);
    const backDraft = currentDraft(afterBack);
    expect(backDraft.body).toContain(REFERENCE);
    expect((await eml(path)).text).toBe(backDraft.body);
    const backPage = await pageLetter(path);
    expect(backPage.text).toContain(REFERENCE);
    expect(tag(backPage.html, 'value="references"')).toContain('checked=""');

    // Unticked, a part put back is taken out again.
    expect(
      (
        await post(`${path}/letter`, [
          ["length", "short"],
          ["include", "plan"],
        ])
      ).status,
    ).toBe(303);
    const afterOut = await stored(id);
    expect(afterOut.letterInclude).toEqual(["plan"]);
    expect((await eml(path)).text).not.toContain(REFERENCE);

    expect((await post(`${path}/letter`, { length: "full" })).status).toBe(303);
    const full = await stored(id);
    expect(full.input.length).toBe("full");
    expect(full.letterInclude).toBeUndefined();
    expect((await eml(path)).text).toContain(REFERENCE);
  });

  it("refuses an unknown length or part with a field message and writes nothing", async () => {
    const { id, path } = await submit();
    const before = await stored(id);
    const cases: [[string, string][], string][] = [
      [[["length", "medium"]], "Choose the short note or the full letter"],
      [[], "Choose the short note or the full letter"],
      [
        [
          ["length", "short"],
          ["include", "references"],
          ["include", "question.7"],
        ],
        "One of the parts you chose is not one this letter leaves out",
      ],
      [
        [
          ["length", "short"],
          ["include", "bogus"],
        ],
        "One of the parts you chose is not one this letter leaves out",
      ],
    ];
    for (const [fields, message] of cases) {
      const res = await post(`${path}/letter`, fields);
      expect(res.status, JSON.stringify(fields)).toBe(422);
      const html = await res.text();
      expect(html).toContain("Your letter was not changed");
      expect(html).toContain(message);
      // The summary links to the control, which carries the same message.
      expect(html).toMatch(/<a href="#(length|include)">/);
    }
    const after = await stored(id);
    expect(after.input).toEqual(before.input);
    expect(after.letterInclude).toBeUndefined();
  });

  it("keeps a draft the candidate edited until they confirm that a fresh one may replace it", async () => {
    const { id, path } = await submit();
    const body = "Dear Jonas,\n\nMy own words.\n\nBest wishes,\nAmira";
    expect((await post(`${path}/draft`, { subject: "Mine", body })).status).toBe(303);
    const edited = await pageLetter(path);
    expect(edited.html).toContain("You have edited this letter, so it stays as you wrote it.");
    expect(tag(edited.html, 'id="replace-letter"')).toMatch(/name="replace" value="yes".*required=""/);

    for (const [route, fields] of [
      ["letter", { length: "short" }],
      ["salutation", { salutation: "Dr. Weber" }],
      ["tone", { tone: "formal" }],
    ] as const) {
      const refused = await post(`${path}/${route}`, fields);
      expect(refused.status, route).toBe(422);
      const html = await refused.text();
      expect(html).toContain(KEEP_EDITS_MESSAGE);
      expect(html).toContain(`<a href="#replace-${route}">`);
      const kept = await stored(id);
      expect(kept.draft?.body, route).toBe(body);
      expect(kept.input.length, route).toBeUndefined();
      expect(kept.input.tone, route).toBe("warm");
      expect(kept.input.interview.interviewer.salutation, route).toBeUndefined();
    }
    expect((await eml(path)).text).toBe(body);

    expect((await post(`${path}/letter`, { length: "short", replace: "yes" })).status).toBe(303);
    const replaced = await stored(id);
    expect(replaced.draft).toBeUndefined();
    expect(replaced.input.length).toBe("short");
    expect((await eml(path)).text).toBe(currentDraft(replaced).body);
  });

  it("changes the salutation, tidied as on the form, and refuses an empty or unusable one", async () => {
    const { id, path } = await submit();
    // A warm letter greets by the given name until the candidate says otherwise.
    expect(tag((await pageLetter(path)).html, 'id="salutation"')).toContain('value="Jonas"');

    const changed = await post(`${path}/salutation`, { salutation: "  dear   dr. o'connor-ní bhriain, " });
    expect(changed.status).toBe(303);
    expect(changed.headers.get("location")).toBe(`${path}?done=salutation`);
    const after = await stored(id);
    expect(after.input.interview.interviewer.salutation).toBe("Dr. O'Connor-Ní Bhriain");
    const letter = await eml(path);
    expect(letter.text?.split("\n")[0]).toBe("Dear Dr. O'Connor-Ní Bhriain,");
    const page = await pageLetter(path);
    expect(page.html).toMatch(/It addresses them as <strong>Dr. O&#39;Connor-Ní Bhriain<\/strong>/);

    const refusals: [string, string][] = [
      ["", "Type how the letter should address them"],
      ["Dear ,", "Type how the letter should address them"],
      ["x".repeat(121), "Keep this under 120 characters"],
      ["Dr.\nWeber", "Must be a single line of text"],
    ];
    for (const [salutation, message] of refusals) {
      const res = await post(`${path}/salutation`, { salutation });
      expect(res.status, salutation).toBe(422);
      const html = await res.text();
      expect(html).toContain(message);
      expect(html).toContain('<a href="#salutation">');
      expect((await stored(id)).input.interview.interviewer.salutation).toBe("Dr. O'Connor-Ní Bhriain");
    }
  });

  it("offers the forms of address by tone, takes one, refuses one it did not offer, and lets the tone choose again", async () => {
    const { id, path } = await submit({ tone: "formal" });
    const offered = (html: string) => [...html.matchAll(/<button[^>]*name="use" value="([^"]*)"/g)].map((m) => m[1]);
    const first = await pageLetter(path);
    // Formal without a known courtesy title: the full name; the page offers the given name.
    expect(first.text.split("\n")[0]).toBe("Dear Jonas Weber,");
    expect(offered(first.html)).toEqual(["Jonas"]);
    expect((await post(`${path}/salutation`, { use: "Jonas" })).status).toBe(303);
    expect((await stored(id)).input.interview.interviewer.salutation).toBe("Jonas");
    const chosen = await pageLetter(path);
    expect(chosen.text.split("\n")[0]).toBe("Dear Jonas,");
    expect(offered(chosen.html)).toEqual(["Jonas Weber", "tone"]);
    const refused = await post(`${path}/salutation`, { use: "Mr Weber" });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Choose one of the ways offered, or type your own");
    expect((await stored(id)).input.interview.interviewer.salutation).toBe("Jonas");
    expect((await post(`${path}/salutation`, { use: "tone" })).status).toBe(303);
    expect((await stored(id)).input.interview.interviewer.salutation).toBeUndefined();
    expect((await eml(path)).text?.split("\n")[0]).toBe("Dear Jonas Weber,");
  });

  it("sends the reminder with the letter as the candidate shaped it in its mailto link", async () => {
    const { id, email, path } = await submit();
    expect(
      (
        await post(`${path}/letter`, [
          ["length", "short"],
          ["include", "references"],
        ])
      ).status,
    ).toBe(303);
    const shaped = await stored(id);
    const href = mailtoLink(currentDraft(shaped), "jonas@example.com").href;
    expect(decodeURIComponent(href)).toContain(REFERENCE);
    // The letter went out at submission; the reminder is the second email.
    const nudge = await waitFor(async () => (await emailsTo(stack.inboxUrl, email)).sort((a, b) => a.at - b.at)[1], {
      timeoutMs: 4 * DAY_MS,
      what: "the reminder",
    });
    expect(nudge.body.html).toContain(href.replace(/&/g, "&amp;"));
  });

  it("lists the words kept as typed in the letter email and on the page, and nothing for a tidy debrief", async () => {
    const typed = await submit({
      questions: [{ question: "Why us?", betterAnswer: "Because ur team builds what I want to build." }],
    });
    const tidy = await submit();
    const letterOf = (email: string) =>
      waitFor(async () => (await emailsTo(stack.inboxUrl, email))[0], { timeoutMs: 2 * DAY_MS, what: "the letter" });
    const line = '“ur” in your better answer to question 1: chat spelling: "your" or "you\'re"?';
    const letter = await letterOf(typed.email);
    expect(letter.body.html).toContain(CHECK_BEFORE_SENDING.heading);
    expect(letter.body.text).toContain(CHECK_BEFORE_SENDING.heading.toUpperCase());
    expect(letter.body.text).toContain(`• ${line}`);
    const page = await pageLetter(typed.path);
    expect(page.html).toContain('<div id="check-before-sending">');
    expect(page.html).toContain(line.replace(/"/g, "&quot;").replace(/'/g, "&#39;"));
    // Edited away in the draft, the word is no longer listed.
    const draft = currentDraft(await stored(typed.id));
    const saved = await post(`${typed.path}/draft`, {
      subject: draft.subject,
      body: draft.body.replace(/\bur\b/, "your"),
    });
    expect(saved.status).toBe(303);
    expect((await pageLetter(typed.path)).html).not.toContain("check-before-sending");

    const plain = await letterOf(tidy.email);
    expect(plain.body.html).not.toContain(CHECK_BEFORE_SENDING.heading);
    expect(plain.body.text).not.toMatch(/check before sending/i);
    expect((await pageLetter(tidy.path)).html).not.toContain("check-before-sending");
  });
});
