import { provisionCentre, SESSION_COOKIE, signInByEmail } from "@debrief/testkit/centres";
import { emailsTo, headerOf, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const OWNER = "owner@weekly.example.edu";
// A local day of one second: the Monday job's timer (every 7 days on AWS) fires every 7 s here.
const DAY_S = 1;

// Issue 24: the weekly email, sent by the same handler AWS's schedule invokes, on the local stack's own timer.
describe("the advisors' weekly email on the local stack", () => {
  let stack: TestStack;
  let cookie = "";
  const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${stack.appUrl}${path}`, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { ...headers },
      redirect: "manual",
    });

  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: DAY_S });
    await provisionCentre({
      slug: "weekly",
      displayName: "Weekly College Careers",
      advisor: { name: "Wen Li", email: OWNER },
    });
    cookie = `${SESSION_COOKIE}=${await signInByEmail(stack, "weekly", OWNER)}`;
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  it("sends the Monday email once to an advisor who asked, with a one-click unsubscribe that works", async () => {
    const origin = new URL(stack.url).origin;
    const asked = await post("/c/weekly/admin/digest", { weekly: "on" }, { origin, cookie });
    expect(asked.status).toBe(303);
    const isDigest = (subject: string) => subject.endsWith("in figures");
    const digest = await waitFor(async () => (await emailsTo(stack.inboxUrl, OWNER)).find((m) => isDigest(m.subject)), {
      timeoutMs: 4 * 7 * DAY_S * 1000,
      what: "the weekly email from the stack's own timer",
    });
    expect(digest.subject).toMatch(/^Weekly College Careers: the week of \d{4}-\d{2}-\d{2} in figures$/);
    expect(digest.body.text).toContain("Hello Wen Li, here is week");
    // No student debriefed here last week: the count is hidden, never shown as a number.
    expect(digest.body.text).toContain("the number is hidden so that no student can be singled out");
    expect(digest.body.html).toMatch(
      /href="https?:\/\/[^"]+\/c\/weekly\/admin\?from=\d{4}-W\d{2}&amp;to=\d{4}-W\d{2}"/,
    );
    const unsubscribe = /^<(https?:\/\/[^>]+\/c\/weekly\/admin\/digest\/unsubscribe\/[A-Za-z0-9_-]{43})>$/.exec(
      headerOf(digest, "List-Unsubscribe") ?? "",
    )?.[1];
    expect(unsubscribe).toBeDefined();
    expect(headerOf(digest, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    // Two more runs of the timer in the same week send nothing more (each email is claimed first).
    const runs = stack.jobRuns("weeklyDigest");
    await waitFor(async () => stack.jobRuns("weeklyDigest") >= runs + 2, {
      timeoutMs: 4 * 7 * DAY_S * 1000,
      what: "two more runs of the weekly job",
    });
    expect((await emailsTo(stack.inboxUrl, OWNER)).filter((m) => isDigest(m.subject))).toHaveLength(1);

    // RFC 8058: the mail provider's server POSTs the header's link with this body, without a cookie, from its
    // own origin if it sends one.
    const path = new URL(unsubscribe ?? "").pathname;
    const oneClick = await post(path, { "List-Unsubscribe": "One-Click" }, { origin: "https://mail.example" });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain("No more weekly emails");
    const team = await (await fetch(`${stack.appUrl}/c/weekly/admin/team`, { headers: { cookie } })).text();
    expect(team).toContain("Email me every Monday");
    expect((await post(path.replace(/[^/]+$/, "x".repeat(43)), { "List-Unsubscribe": "One-Click" })).status).toBe(404);
  });
});
