import { LOCAL_TABLE_NAME, loadConfig } from "@debrief/core";
import { type AppDeps, createApp } from "@debrief/functions/app";
import { postForm as postFormTo } from "./forms";
import {
  createManualClock,
  createMemoryCentreStore,
  createMemoryMailer,
  createMemoryRateCounter,
  createMemoryStore,
  createMemoryTable,
  createMemoryWorkflow,
} from "./memory";
import { createMemoryAccountStore } from "./memory-accounts";
import { openApiChecker } from "./openapi-check";

export const PUBLIC_URL = "https://debrief.example.org";

/** The app on in-memory ports and a hand-moved clock, for fast HTTP tests (no emulators). */
export function memoryApp(overrides: Partial<AppDeps> = {}) {
  const config = loadConfig({ TABLE_NAME: LOCAL_TABLE_NAME, FROM_ADDRESS: "debrief@example.org", PUBLIC_URL });
  const table = createMemoryTable();
  const clock = createManualClock();
  const workflow = createMemoryWorkflow();
  const mailer = createMemoryMailer();
  const logs: { level: string; message: string; extra?: Record<string, unknown> }[] = [];
  const deps: AppDeps = {
    store: createMemoryStore(table),
    centres: createMemoryCentreStore(table),
    accounts: createMemoryAccountStore(),
    rateCounter: createMemoryRateCounter(table),
    workflow,
    checkins: createMemoryWorkflow(),
    mailer,
    clock,
    publicUrl: PUBLIC_URL,
    schedule: config.schedule,
    retentionDays: config.retentionDays,
    abuse: config.abuse,
    formSecret: async () => config.abuse.formSecret,
    log: {
      info: (message, extra) => logs.push({ level: "info", message, extra }),
      warn: (message, extra) => logs.push({ level: "warn", message, extra }),
      error: (message, extra) => logs.push({ level: "error", message, extra }),
    },
    ...overrides,
  };
  const real = createApp(deps);
  // Every response a test receives is held to the OpenAPI document the app serves.
  let check: ReturnType<typeof openApiChecker> | undefined;
  const unchecked = real.request.bind(real);
  const request = async (input: string, init?: RequestInit) => {
    const res = await unchecked(input, init);
    check ??= openApiChecker(await (await unchecked("/api/openapi.json")).json());
    await check(init?.method ?? "GET", input, res);
    return res;
  };
  const app = Object.assign(real, { request }) as typeof real;

  /** A browser's form post: the ticket of a freshly rendered form, sent after the minimum fill time. */
  const postForm = (path: string, fields: Record<string, string | string[]>) =>
    postFormTo(app.request, path, fields, {
      beforePost: () => clock.advance((deps.abuse.formMinFillSeconds + 1) * 1000),
    });

  return { app, deps, table, clock, workflow, mailer, logs, postForm };
}
