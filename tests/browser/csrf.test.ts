import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { stackWithChromium } from "@debrief/testkit/browser-suite";
import { contextOptions } from "@debrief/testkit/chromium";
import { formFields, formGuardFields } from "@debrief/testkit/forms";
import { debriefItems } from "@debrief/testkit/table";
import { afterAll, describe, expect, it } from "vitest";

/** Another site: a page whose button posts a debrief form to the app (what a CSRF attack looks like). */
async function startAttackerSite(target: string, fields: Record<string, string>): Promise<Server> {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${k}" value="${v.replace(/"/g, "&quot;")}">`)
    .join("");
  const html = `<!doctype html><title>Win a prize</title><form method="post" action="${target}">${inputs}<button>Claim</button></form>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(html);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", () => done()));
  return server;
}

describe("a cross-site form post in a real browser", () => {
  const suite = stackWithChromium({ localDaySeconds: 60 });
  const { chromium } = suite;
  let attacker: Server | undefined;
  afterAll(() => {
    attacker?.close();
  });

  it("is refused with 403 and stores nothing", async () => {
    const email = "csrf-browser@example.com";
    const fields = {
      // A ticket fetched by the attacker: even a valid one does not get a cross-site post through.
      ...(await formGuardFields(suite.stack.appUrl)),
      ...formFields(email, {
        "candidate.name": "Victim",
        "interview.company": "Northwind",
        "interview.role": "Analyst",
      }),
    };
    attacker = await startAttackerSite(`${suite.stack.appUrl}/`, fields);
    const port = (attacker.address() as AddressInfo).port;

    const context = await (await chromium.get()).newContext(contextOptions());
    const page = await context.newPage();
    // "localhost" is another site than the app's 127.0.0.1.
    await page.goto(`http://localhost:${port}/`);
    const [response] = await Promise.all([page.waitForNavigation(), page.click("button")]);
    expect(response?.status()).toBe(403);
    expect(await page.textContent("body")).toContain("Cross-site form posts are refused");
    await context.close();

    expect(
      (await debriefItems()).filter((d) => (d.input as { candidate: { email: string } }).candidate.email === email),
    ).toEqual([]);
  });
});
