import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { formGuardFields } from "@debrief/testkit/forms";
import { readInbox } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { submittedItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const itemCount = async () => (await submittedItems()).length;

describe("invalid debriefs", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  const base = validDebrief({ candidate: { name: "Nobody", email: "must-not-receive@example.com", timeZone: "UTC" } });
  const cases: [string, unknown, string][] = [
    ["missing candidate", { ...base, candidate: undefined }, "candidate"],
    [
      "missing interviewer name",
      { ...base, interview: { ...base.interview, interviewer: {} } },
      "interview.interviewer.name",
    ],
    ["bad email", { ...base, candidate: { ...base.candidate, email: "not-an-email" } }, "candidate.email"],
    ["bad time zone", { ...base, candidate: { ...base.candidate, timeZone: "Mars/Olympus" } }, "candidate.timeZone"],
    ["wrong type", { ...base, whatHappened: "nerves" }, "whatHappened"],
    ["unknown situation", { ...base, whatHappened: ["sneezing"] }, "whatHappened.0"],
    ["no consent", { ...base, consent: false }, "consent"],
    ["future date", { ...base, interview: { ...base.interview, date: "2999-01-01" } }, "interview.date"],
    ["impossible date", { ...base, interview: { ...base.interview, date: "2026-02-30" } }, "interview.date"],
    ["nothing happened and no question", { ...base, whatHappened: [], questions: [] }, "whatHappened"],
    ["javascript: sample", { ...base, samples: [{ title: "x", url: "javascript:alert(1)" }] }, "samples.0.url"],
    ["extra field", { ...base, admin: true }, "admin"],
    ["array body", [base], "body"],
  ];

  it.each(cases)("%s → 422 with a message on %s", async (_name, body, field) => {
    const res = await postDebrief(stack.appUrl, body);
    expect(res.status).toBe(422);
    const json = (await res.json()) as { fields: Record<string, string> };
    expect(json.fields[field]).toEqual(expect.any(String));
  });

  it("refuses malformed JSON with 400", async () => {
    const res = await postDebrief(stack.appUrl, '{"candidate": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "malformed_json", fields: { body: expect.any(String) } });
  });

  it("refuses a body that is not JSON with 415", async () => {
    const res = await postDebrief(stack.appUrl, "candidate=x", { "content-type": "text/plain" });
    expect(res.status).toBe(415);
  });

  it("re-renders the form with field errors and the typed values", async () => {
    const form = new URLSearchParams({
      ...(await formGuardFields(stack.appUrl)),
      "candidate.name": "Amira <b>H</b>",
      "candidate.email": "nope",
      consent: "on",
    });
    const res = await fetch(`${stack.appUrl}/`, { method: "POST", body: form });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("Must be a valid email address");
    expect(html).toContain('value="Amira &lt;b&gt;H&lt;/b&gt;"');
  });

  it("stored nothing, started nothing and sent nothing for any of them", async () => {
    expect(await itemCount()).toBe(0);
    expect(stack.sfn.executions()).toHaveLength(0);
    expect(await readInbox(stack.inboxUrl)).toHaveLength(0);
  });
});
