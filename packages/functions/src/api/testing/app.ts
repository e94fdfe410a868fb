import { loadConfig } from "@debrief/core";
import { createApp } from "../app";
import type { AppDeps } from "../deps";
import {
  createManualClock,
  createMemoryCentreStore,
  createMemoryMailer,
  createMemoryRateCounter,
  createMemoryStore,
  createMemoryTable,
  createMemoryWorkflow,
} from "./memory";
import { openApiChecker } from "./openapi-check";

export const PUBLIC_URL = "https://debrief.example.org";

/** The app on in-memory ports and a hand-moved clock, for fast HTTP tests (no emulators). */
export function memoryApp(overrides: Partial<AppDeps> = {}) {
  const config = loadConfig({ TABLE_NAME: "debriefs", FROM_ADDRESS: "debrief@example.org", PUBLIC_URL });
  const table = createMemoryTable();
  const clock = createManualClock();
  const workflow = createMemoryWorkflow();
  const mailer = createMemoryMailer();
  const logs: { level: string; message: string; extra?: Record<string, unknown> }[] = [];
  const deps: AppDeps = {
    store: createMemoryStore(table),
    centres: createMemoryCentreStore(table),
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
  async function postForm(path: string, fields: Record<string, string | string[]>, init: RequestInit = {}) {
    const html = await (await app.request(path)).text();
    const ticket = /name="ticket" value="([^"]+)"/.exec(html)?.[1] ?? "";
    clock.advance((deps.abuse.formMinFillSeconds + 1) * 1000);
    const body = new URLSearchParams({ ticket, website: "" });
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    return app.request(path, { method: "POST", body, ...init });
  }

  /** A debrief sent through the JSON API; its page token. */
  async function submit(
    body: unknown = validDebrief(clock.now()),
  ): Promise<{ id: string; page: string; token: string }> {
    const res = await app.request("/api/debriefs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`submit: ${res.status} ${await res.text()}`);
    const json = (await res.json()) as { id: string; page: string };
    return { ...json, token: json.page.slice(json.page.lastIndexOf("/") + 1) };
  }

  return { app, deps, table, clock, workflow, mailer, logs, postForm, submit };
}

/** The form's required fields, valid. */
export function formFields(now: Date, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    "candidate.name": "Amira Haddad",
    "candidate.email": "amira@example.com",
    "candidate.timeZone": "Europe/Berlin",
    "interview.company": "Northwind Logistics",
    "interview.role": "Data Analyst",
    "interview.date": now.toISOString().slice(0, 10),
    "interview.format": "video",
    "interview.interviewer.name": "Jonas Weber",
    whatHappened: "nerves",
    consent: "on",
    ...overrides,
  };
}

/** A valid JSON debrief. */
export function validDebrief(now: Date, email = "amira@example.com") {
  return {
    candidate: { name: "Amira Haddad", email, timeZone: "Europe/Berlin" },
    interview: {
      company: "Northwind Logistics",
      role: "Data Analyst",
      date: now.toISOString().slice(0, 10),
      format: "video",
      interviewer: { name: "Jonas Weber", email: "jonas@example.com" },
    },
    whatHappened: ["nerves"],
    questions: [{ question: "How would you find the cause of late deliveries?", betterAnswer: "Segment the delays." }],
    consent: true,
  };
}
