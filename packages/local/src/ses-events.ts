import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { LOCAL_ACCOUNT } from "@debrief/infra/local-definition";
import type { StoredEmail } from "./ses";

/** The EventBridge envelope SES's events come in. */
function envelope(detailType: string, at: string, detail: Record<string, unknown>) {
  return {
    version: "0",
    id: randomUUID(),
    "detail-type": detailType,
    source: "aws.ses",
    account: LOCAL_ACCOUNT,
    time: at,
    region: process.env.AWS_REGION ?? "us-east-1",
    resources: [],
    detail,
  };
}

/**
 * What SES publishes to EventBridge for a permanent bounce or a complaint: the
 * local simulation feeds this to the SAME handler production runs for SES events (built by the same wiring).
 */
export function sesEvent(kind: "bounce" | "complaint", address: string, at = new Date()) {
  const timestamp = at.toISOString();
  const mail = { timestamp, messageId: `local-${randomUUID()}`, source: "debrief@localhost", destination: [address] };
  return kind === "bounce"
    ? envelope("Email Bounced", timestamp, {
        eventType: "Bounce",
        bounce: {
          bounceType: "Permanent",
          bounceSubType: "General",
          bouncedRecipients: [
            {
              emailAddress: address,
              action: "failed",
              status: "5.1.1",
              diagnosticCode: "smtp; 550 5.1.1 user unknown",
            },
          ],
          timestamp,
          feedbackId: `local-${randomUUID()}`,
        },
        mail,
      })
    : envelope("Email Complaint Received", timestamp, {
        eventType: "Complaint",
        complaint: {
          complainedRecipients: [{ emailAddress: address }],
          complaintFeedbackType: "abuse",
          timestamp,
          feedbackId: `local-${randomUUID()}`,
        },
        mail,
      });
}

/**
 * What SES publishes to EventBridge for a message the configuration set sent: "Email Sent" when
 * SES accepted it, "Email Delivered" once the recipient's server took it. `mail` as SES writes
 * it, with the message's tags (SES adds its own `ses:` ones) and headers.
 */
export function sesMessageEvents(email: StoredEmail, configurationSet = "local") {
  const timestamp = new Date(email.at * 1000).toISOString();
  const to = email.destination?.to ?? [];
  const tags: Record<string, string[]> = {
    "ses:configuration-set": [configurationSet],
    "ses:source-ip": ["127.0.0.1"],
    "ses:from-domain": [String(email.from ?? "").split("@")[1] ?? ""],
    "ses:caller-identity": ["local"],
    ...Object.fromEntries(Object.entries(email.tags ?? {}).map(([name, value]) => [name, [value]])),
  };
  const mail = {
    timestamp,
    source: email.from,
    sendingAccountId: LOCAL_ACCOUNT,
    messageId: email.messageId,
    destination: to,
    headersTruncated: false,
    headers: email.headers ?? [],
    commonHeaders: { from: [email.from], to, messageId: email.messageId, subject: email.subject },
    tags,
  };
  return [
    envelope("Email Sent", timestamp, { eventType: "Send", mail, send: {} }),
    envelope("Email Delivered", timestamp, {
      eventType: "Delivery",
      mail,
      delivery: {
        timestamp,
        processingTimeMillis: 0,
        recipients: to,
        smtpResponse: "250 2.0.0 OK (local)",
        reportingMTA: "localhost",
      },
    }),
  ];
}

type Log = { warn(message: string, extra?: Record<string, unknown>): void };

/** Attempts at one event before it is given up (EventBridge's would go to the dead-letter queue), and the first wait. */
const ATTEMPTS = 8;
const FIRST_RETRY_MS = 100;
/** Messages whose events are delivered at once. */
const BATCH = 16;

/**
 * The local EventBridge of SES's events: every message the emulator accepts gets its Send and
 * Delivery events, handed in order to `deliver` (the SES event handler production runs), each
 * retried with a growing wait until it is taken, at least once. How far the messages were
 * published is kept in `cursorFile`, so after a crash the events of messages accepted before it
 * are published at start (`backlog`: the repair pass waits for them before it reads a claim).
 */
export function startSesEventFeed(opts: {
  ses: {
    emails(): StoredEmail[];
    onAccepted(listener: () => void): void;
    onCleared(listener: () => void): void;
  };
  cursorFile: string;
  deliver: (event: unknown) => Promise<unknown>;
  log: Log;
}) {
  let published = readCursor(opts.cursorFile);
  let stopped = false;
  let pumping: Promise<void> | undefined;
  const save = () => {
    mkdirSync(dirname(opts.cursorFile), { recursive: true });
    writeFileSync(`${opts.cursorFile}.tmp`, JSON.stringify({ published }));
    renameSync(`${opts.cursorFile}.tmp`, opts.cursorFile);
  };
  const deliver = async (event: unknown) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await opts.deliver(event);
      } catch (error) {
        if (attempt >= ATTEMPTS || stopped) {
          opts.log.warn("SES event not delivered", { error: (error as Error).name, attempts: attempt });
          return;
        }
        await new Promise((r) => setTimeout(r, FIRST_RETRY_MS * 2 ** (attempt - 1)));
      }
    }
  };
  const pump = async () => {
    // A few messages at a time (EventBridge keeps no order either), each its Send then its Delivery;
    // the cursor moves past a batch once every event of it is delivered.
    for (let batch = pending(); batch.length && !stopped; batch = pending()) {
      await Promise.all(
        batch.map(async (email) => {
          for (const event of sesMessageEvents(email)) await deliver(event);
        }),
      );
      published += batch.length;
      save();
    }
  };
  const pending = () => opts.ses.emails().slice(published, published + BATCH);
  const kick = () => {
    pumping ??= pump().finally(() => {
      pumping = undefined;
      // A message accepted while the last one was being published.
      if (!stopped && opts.ses.emails()[published]) kick();
    });
    return pumping;
  };
  opts.ses.onAccepted(() => void kick());
  opts.ses.onCleared(() => {
    published = 0;
    save();
  });
  // What was accepted before the last stop (or crash) and never published.
  const backlog = kick();
  return {
    /** Settles once the events of every message accepted before this start are delivered. */
    backlog,
    /** Waits until every message accepted so far has had its events delivered (tests). */
    async idle() {
      while (pumping) await pumping;
    },
    async stop() {
      stopped = true;
      await pumping;
    },
  };
}

function readCursor(file: string): number {
  if (!existsSync(file)) return 0;
  try {
    return Number((JSON.parse(readFileSync(file, "utf8")) as { published?: unknown }).published) || 0;
  } catch {
    return 0;
  }
}
