import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { type Debrief, listUnsubscribeHeaders, type SendKind } from "@debrief/core";
import { createSesMailer } from "@debrief/core/aws";
import { renderEmail } from "@debrief/emails";
import { startSes } from "@debrief/local";
import { PERSONA_NAMES, personaDebrief } from "@debrief/testkit/personas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Every email the product sends, for every persona, scores 0.0 (or less) in
 * SpamAssassin's local rules (Debian's `spamassassin`, no network tests), read from
 * the raw message the SES emulator keeps (`/get-emlContent`). .ci/run installs it.
 */
const INSTALL = "SpamAssassin is not installed: `apt-get install -y spamassassin` (.ci/run does this)";
const hasSpamAssassin = spawnSync("spamassassin", ["--version"], { encoding: "utf8" }).status === 0;

const links = (kind: SendKind) => {
  const page = "https://debrief.example.com/d/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";
  const all = {
    sent: "https://debrief.example.com/a/sent-token",
    snooze: "https://debrief.example.com/a/snooze-token",
    stop: "https://debrief.example.com/a/stop-token",
    delete: "https://debrief.example.com/a/delete-token",
  };
  return { page, actions: kind.startsWith("checkin") ? undefined : all };
};

const variants: { name: string; kind: SendKind; debrief: (d: Debrief) => Debrief }[] = [
  { name: "letter", kind: "letter", debrief: (d) => d },
  { name: "nudge (unsent)", kind: "nudge", debrief: (d) => d },
  { name: "nudge (sent)", kind: "nudge", debrief: (d) => ({ ...d, letterSentAt: "2026-11-25T07:30:00.000Z" }) },
  { name: "tips", kind: "tips", debrief: (d) => d },
  { name: "check-in (day 7)", kind: "checkin7", debrief: (d) => d },
  { name: "check-in (day 14)", kind: "checkin14", debrief: (d) => d },
];

describe("SpamAssassin scores of every email", () => {
  let ses: Awaited<ReturnType<typeof startSes>>;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "debrief-spam-"));
    ses = await startSes(join(dir, "inbox.jsonl"), 0);
  });
  afterAll(async () => {
    await ses?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("is 0.0 for each persona's letter, nudges, tips and check-ins", async () => {
    expect(hasSpamAssassin, INSTALL).toBe(true);
    const client = new SESv2Client({
      endpoint: ses.endpoint,
      region: "eu-west-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    const mailer = createSesMailer("Interview Debrief <debrief@debrief.example.com>", client);

    // Send every email through the product's renderer and SES adapter, as the send step does.
    const sent: { label: string; messageId: string }[] = [];
    for (const persona of PERSONA_NAMES) {
      for (const v of variants) {
        const d = v.debrief(personaDebrief(persona));
        const l = links(v.kind);
        const email = await renderEmail(v.kind, d, l);
        const { messageId } = await mailer.send({
          to: d.input.candidate.email,
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers: listUnsubscribeHeaders(v.kind, l.page),
        });
        sent.push({ label: `${persona} ${v.name}`, messageId });
      }
    }

    // The raw messages as one mbox, scored by one SpamAssassin process (it takes seconds to start).
    const raws = await Promise.all(
      sent.map(async ({ messageId }) => {
        const res = await fetch(`${ses.endpoint}/get-emlContent?messageId=${encodeURIComponent(messageId)}`);
        expect(res.status).toBe(200);
        // The emulator answers JSON holding the raw message as a serialised Buffer.
        const { body } = (await res.json()) as { body: { data: number[] } };
        return Buffer.from(body.data).toString("utf8").replace(/\r\n/g, "\n");
      }),
    );
    expect(raws.every((raw) => /^Subject: /m.test(raw))).toBe(true);
    const mbox = raws
      .map((raw) => `From debrief@debrief.example.com Tue Dec  1 10:00:00 2026\n${raw.replace(/^From /gm, ">From ")}\n`)
      .join("\n");
    if (process.env.SPAM_MBOX) writeFileSync(process.env.SPAM_MBOX, mbox);
    const run = spawnSync("spamassassin", ["-L", "-t", "--mbox"], {
      input: mbox,
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    expect(run.status, run.stderr).toBe(0);

    const statuses = [
      ...run.stdout.matchAll(/^X-Spam-Status: (\w+), score=(-?[\d.]+) required=[\d.]+ tests=([\s\S]*?) autolearn/gm),
    ];
    expect(statuses).toHaveLength(sent.length);
    const scored = statuses.map((m, i) => ({
      email: sent[i]?.label,
      score: Number(m[2]),
      tests: (m[3] ?? "").replace(/\s+/g, ""),
    }));
    // The rules that fired are in the failure message, so a non-zero score says why.
    expect(scored.filter((s) => s.score > 0)).toEqual([]);
    // Every kind of email was scored, not only some.
    expect(scored.map((s) => s.score).every((n) => Number.isFinite(n))).toBe(true);
  }, 300_000);
});
