import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { IncomingMessage, Server } from "node:http";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { close } from "./net";

const require = createRequire(import.meta.url);

/** A message as the emulator stores it (what `GET /store` serves), with the message tags kept beside it here. */
export type StoredEmail = {
  messageId: string;
  /** Epoch seconds. */
  at: number;
  from?: string;
  destination?: { to?: string[] };
  subject?: string;
  headers?: { name: string; value: string }[];
  /** The SendEmail's EmailTags, by name (the emulator itself keeps none). */
  tags?: Record<string, string>;
  [key: string]: unknown;
};
type SesStore = {
  saveEmail: (email: StoredEmail) => void;
  clearStore: () => void;
  getStoreReadonly: () => { emails: StoredEmail[] };
};

const sesServer = require("aws-ses-v2-local").default as (config: { host: string; port: number }) => Promise<Server>;
const store = require("aws-ses-v2-local/dist/store.js") as SesStore;
const originalSave = store.saveEmail;

/** The emulator's in-memory store: the very module instance the local stack serves the inbox from. */
export const sesEmulatorStore: SesStore = store;
const originalClear = store.clearStore;

const LOCAL_ACCOUNT = {
  DedicatedIpAutoWarmupEnabled: false,
  Details: {
    AdditionalContactEmailAddresses: [],
    ContactLanguage: "EN",
    MailType: "TRANSACTIONAL",
    ReviewDetails: { CaseId: "local", Status: "GRANTED" },
    UseCaseDescription: "Interview Debrief local stack",
    WebsiteURL: "http://localhost",
  },
  EnforcementStatus: "HEALTHY",
  ProductionAccessEnabled: true,
  SendingEnabled: true,
  SendQuota: { Max24HourSend: 1_000_000, MaxSendRate: 1000, SentLast24Hours: 0 },
  SuppressionAttributes: { SuppressedReasons: ["BOUNCE", "COMPLAINT"] },
};

/**
 * aws-ses-v2-local on loopback. Its store lives in memory, so the local inbox is
 * also appended to `inboxFile` (one JSON message per line) and loaded back at start:
 * a restart of `pnpm dev` keeps the messages already delivered.
 */
export async function startSes(inboxFile: string, port: number) {
  mkdirSync(dirname(inboxFile), { recursive: true });
  originalClear();
  if (existsSync(inboxFile)) {
    const emails = store.getStoreReadonly().emails;
    for (const line of readFileSync(inboxFile, "utf8").split("\n")) {
      // A line cut short by a kill mid-write was never answered to its sender: it was not accepted.
      const email = line.trim() ? (parseJson(line) as StoredEmail | undefined) : undefined;
      if (email) emails.push(email);
    }
  }
  const accepted = new Set<(email: StoredEmail) => void>();
  const cleared = new Set<() => void>();
  const tagsOf = new Map<string, Record<string, string>>();
  // The emulator calls these through its module's exports, so replacing them here
  // is how each saved message also reaches the file, with its tags, and the listeners.
  store.saveEmail = (email) => {
    const key = headersKey(email.headers);
    const tags = tagsOf.get(key);
    tagsOf.delete(key);
    const kept = tags ? { ...email, tags } : email;
    originalSave(kept);
    appendFileSync(inboxFile, `${JSON.stringify(kept)}\n`);
    for (const listener of accepted) listener(kept);
  };
  store.clearStore = () => {
    originalClear();
    writeFileSync(inboxFile, "");
    for (const listener of cleared) listener();
  };
  // GetAccount (the app's health check) answers from this emulator setting.
  process.env.AWS_SES_ACCOUNT ??= JSON.stringify(LOCAL_ACCOUNT);
  const server = await sesServer({ host: "127.0.0.1", port });
  // The emulator keeps a message's headers but drops its EmailTags, which SES publishes with every
  // event of the message: read them off the SendEmail request as it arrives (this listener comes
  // first, so its 'end' fires before the emulator's body parser stores the message), keyed by the
  // headers the request carries, which the stored message keeps.
  server.prependListener("request", (req: IncomingMessage) => {
    if (req.method !== "POST" || !req.url?.startsWith("/v2/email/outbound-emails")) return;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = parseJson(Buffer.concat(chunks).toString("utf8")) as SendEmailBody | undefined;
      const tags = body?.EmailTags ?? [];
      const headers = body?.Content?.Simple?.Headers?.map((h) => ({ name: h.Name, value: h.Value }));
      if (tags.length && headers?.length) {
        tagsOf.set(headersKey(headers), Object.fromEntries(tags.map((t) => [t.Name, t.Value])));
      }
    });
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    port: actualPort,
    endpoint: `http://127.0.0.1:${actualPort}`,
    /** The messages accepted so far, oldest first (those of earlier runs on the same data too). */
    emails: () => store.getStoreReadonly().emails,
    /** Calls `listener` with each message the emulator accepts from now on. */
    onAccepted(listener: (email: StoredEmail) => void) {
      accepted.add(listener);
    },
    /** Calls `listener` when the store is emptied (`POST /clear-store`). */
    onCleared(listener: () => void) {
      cleared.add(listener);
    },
    close: async () => {
      await close(server);
      store.saveEmail = originalSave;
      store.clearStore = originalClear;
    },
  };
}

type SendEmailBody = {
  EmailTags?: { Name: string; Value: string }[];
  Content?: { Simple?: { Headers?: { Name: string; Value: string }[] } };
};

const headersKey = (headers: { name: string; value: string }[] | undefined) => JSON.stringify(headers ?? []);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
