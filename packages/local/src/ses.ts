import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { close } from "./net";

const require = createRequire(import.meta.url);

type StoredEmail = { messageId: string; at: number; [key: string]: unknown };
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
      if (line.trim()) emails.push(JSON.parse(line) as StoredEmail);
    }
  }
  // The emulator calls these through its module's exports, so replacing them here
  // is how each saved message also reaches the file.
  store.saveEmail = (email) => {
    originalSave(email);
    appendFileSync(inboxFile, `${JSON.stringify(email)}\n`);
  };
  store.clearStore = () => {
    originalClear();
    writeFileSync(inboxFile, "");
  };
  // GetAccount (the app's health check) answers from this emulator setting.
  process.env.AWS_SES_ACCOUNT ??= JSON.stringify(LOCAL_ACCOUNT);
  const server = await sesServer({ host: "127.0.0.1", port });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    port: actualPort,
    endpoint: `http://127.0.0.1:${actualPort}`,
    close: async () => {
      await close(server);
      store.saveEmail = originalSave;
      store.clearStore = originalClear;
    },
  };
}
