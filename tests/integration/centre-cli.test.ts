import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { runCentreCli } from "@debrief/functions/cli/centre";
import { wire, wireOperator } from "@debrief/functions/wiring";
import { centreFormFields, postForm } from "@debrief/testkit/forms";
import { waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { debriefItems, tableItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("pnpm centre against the local stack's DynamoDB", () => {
  let stack: TestStack;
  let dir: string;
  /** Runs the CLI as `pnpm centre` does, in its own process, pointed at the stack's table. */
  const centreProcess = async (...args: string[]) => {
    const env = {
      PATH: process.env.PATH,
      TABLE_NAME: process.env.TABLE_NAME,
      AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${stack.ports.dynamo}`,
      PUBLIC_URL: "https://debrief.example.org/",
    };
    try {
      const { stdout } = await run("node_modules/.bin/tsx", ["packages/functions/src/cli/centre.ts", ...args], { env });
      return { code: 0, stdout, stderr: "" };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };
  /** The same CLI code in this process (each process start costs seconds on a busy machine). */
  const centre = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const { centres, accounts } = wireOperator(process.env);
    const code = await runCentreCli(args, { centres, accounts }, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  };
  const stats = (key: string) =>
    fetch(`${stack.appUrl}/api/centres/westgate/stats`, { headers: { authorization: `Bearer ${key}` } });

  beforeAll(async () => {
    stack = await startTestStack({ env: { FORM_MIN_FILL_SECONDS: "0" } });
    dir = mkdtempSync(join(tmpdir(), "centre-cli-"));
  });
  afterAll(async () => {
    await waitFor(
      async () =>
        (await debriefItems()).every((i) => (i.sends as { letter?: { messageId?: string } }).letter?.messageId),
      { timeoutMs: 20_000, what: "every letter to be sent" },
    ).catch(() => undefined);
    await stack?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("builds the command's stores as the functions build theirs: a deployed stage's digest key gives the same digests", async () => {
    const settings = {
      TABLE_NAME: process.env.TABLE_NAME,
      AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${stack.ports.dynamo}`,
      FROM_ADDRESS: "debrief@example.org",
      PUBLIC_URL: "https://debrief.example.org",
    };
    const key = (c: string) => c.repeat(32);
    const address = `operator-${Date.now()}@example.net`;
    await wireOperator({ ...settings, DIGEST_SECRET: key("a") }).store.suppress(address, "bounce", new Date());
    expect(await wire({ env: { ...settings, DIGEST_SECRET: key("a") } }).store.isSuppressed(address)).toBe(true);
    // Another key digests the address otherwise: the command would have written where the functions never read.
    expect(await wire({ env: { ...settings, DIGEST_SECRET: key("b") } }).store.isSuppressed(address)).toBe(false);
  });

  it("creates a centre and its owner, lists, updates, rotates, exports and deletes it", async () => {
    const created = await centreProcess(
      "create",
      "--slug=westgate",
      "--name=Westgate College Careers",
      "--advisor-name=Sam Osei",
      "--advisor-email=careers@westgate.example.edu",
      "--domain=westgate.example.edu",
      "--resource=Mock interviews|https://westgate.example.edu/mock",
    );
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("Owner: Sam Osei <careers@westgate.example.edu>");
    // Full addresses from PUBLIC_URL, to paste as they are.
    expect(created.stdout).toMatch(/^Branded link: https:\/\/debrief\.example\.org\/c\/westgate$/m);
    expect(created.stdout).toMatch(/^Advisors sign in at: https:\/\/debrief\.example\.org\/c\/westgate\/admin$/m);
    const key = /^(cak_[A-Za-z0-9_-]{43})$/m.exec(created.stdout)?.[1] ?? "";
    expect(key).not.toBe("");
    expect((await stats(key)).status).toBe(200);
    expect(JSON.stringify(await tableItems())).not.toContain(key);

    // Bad settings are refused field by field, and a second centre with the same slug is refused.
    const bad = await centre("create", "--slug=Bad Slug", "--name=X", "--advisor-name=Y", "--advisor-email=nope");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("slug: Use 1-40 lower-case letters, digits and dashes");
    expect(bad.stderr).toContain("advisor.email: Must be a valid email address");
    const again = await centre("create", "--slug=westgate", "--name=X", "--advisor-name=Y", "--advisor-email=y@x.org");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('A centre "westgate" already exists');

    const list = await centre("list");
    expect(list.stdout).toMatch(/^westgate\tWestgate College Careers\twestgate\.example\.edu\t1 people, 1 key\(s\)$/m);

    const updated = await centre("update", "westgate", "--accent=#0b5394", "--nudge-hour=25");
    expect(updated.code).toBe(1);
    expect(updated.stderr).toContain("timing.nudgeHour: At most 20");
    // A centre may lower the smallest group its statistics show, never below 5.
    const tooLow = await centre("update", "westgate", "--min-group-size=4");
    expect(tooLow.code).toBe(1);
    expect(tooLow.stderr).toContain("minGroupSize: At least 5");
    expect((await centre("update", "westgate", "--accent=#0b5394", "--min-group-size=5")).code).toBe(0);
    expect(((await (await stats(key)).json()) as { minGroupSize: number }).minGroupSize).toBe(5);
    expect(await (await fetch(`${stack.appUrl}/c/westgate/brand.css`)).text()).toContain("--brand: #0b5394");

    const rotated = await centre("rotate-key", "westgate");
    const fresh = /^(cak_[A-Za-z0-9_-]{43})$/m.exec(rotated.stdout)?.[1] ?? "";
    expect(fresh).not.toBe(key);
    expect((await stats(key)).status).toBe(401);
    expect((await stats(fresh)).status).toBe(200);

    const student = `kai-${process.pid}@westgate.example.edu`;
    expect((await postForm(stack.appUrl, "/c/westgate", centreFormFields(student))).status).toBe(303);

    const file = join(dir, "westgate.json");
    expect((await centre("delete", "westgate")).stderr).toContain("--yes");
    const deleted = await centreProcess("delete", "westgate", "--yes", `--export=${file}`);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toContain("1 debrief(s) no longer link to it");
    // The owner, their key and the centre's log went with it.
    expect((await tableItems()).filter((i) => /^(TEAM|ADVISORKEY|CENTRELOG)#/.test(String(i.pk)))).toEqual([]);
    const exported = JSON.parse(readFileSync(file, "utf8"));
    expect(exported.centre).toMatchObject({ slug: "westgate", accentColour: "#0b5394" });
    expect(exported.centre.keyHashes).toBeUndefined();
    // The student has not used an emailed one-use link yet, so the statistics do not count them at all.
    expect(exported.stats.weeks).toEqual([]);
    expect(JSON.stringify(exported)).not.toContain(student);

    // Gone: the link, the key, and every trace of the centre on the student's debrief.
    expect((await fetch(`${stack.appUrl}/c/westgate`)).status).toBe(404);
    expect((await stats(fresh)).status).toBe(401);
    const debrief = (await debriefItems()).find(
      (i) => (i.input as { candidate: { email: string } }).candidate.email === student,
    );
    expect(debrief).toBeDefined();
    expect(debrief?.centre).toBeUndefined();
    expect(debrief?.centreSnapshot).toBeUndefined();
    expect(debrief?.studentDigest).toBeUndefined();
    expect(debrief?.insightFacts).toBeUndefined();
    expect((await tableItems()).filter((i) => String(i.pk).startsWith("CENTRE"))).toEqual([]);
  });
});
