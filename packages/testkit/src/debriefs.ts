import type { DebriefRequest } from "@debrief/core";

/** The app a helper talks to: its URL (a running stack), or a fetch-like function (`app.request` of an in-memory app). */
export type AppTarget = string | ((path: string, init?: RequestInit) => Response | Promise<Response>);

/** One request to the app, whichever way it is reached; a path is taken relative to the app. */
export async function requestTo(app: AppTarget, pathOrUrl: string, init?: RequestInit): Promise<Response> {
  return typeof app === "string" ? fetch(new URL(pathOrUrl, app), init) : app(pathOrUrl, init);
}

let counter = 0;

export type DebriefOptions = Partial<DebriefRequest> & {
  /** The candidate's address; without it each call gets its own, so no two tests share a rate limit. */
  email?: string;
  /** When the interview took place (its date is what the debrief carries); an hour ago unless given. */
  interviewedAt?: Date;
};

/** A valid debrief for the JSON API; `overrides` replace whole top-level fields. */
export function validDebrief({ email, interviewedAt, ...overrides }: DebriefOptions = {}): DebriefRequest {
  counter += 1;
  return {
    candidate: {
      name: "Amira Haddad",
      // No +tag: a tag is the same mailbox (digest.ts), and every test would share one rate limit.
      email: email ?? `amira-${process.pid}-${counter}@example.com`,
      timeZone: "Europe/Berlin",
    },
    interview: {
      company: "Northwind Logistics",
      role: "Data Analyst",
      date: (interviewedAt ?? new Date(Date.now() - 3_600_000)).toISOString().slice(0, 10),
      format: "video",
      interviewer: { name: "Jonas Weber", title: "Head of Analytics" },
    },
    whatHappened: ["nerves", "blanked"],
    questions: [
      {
        question: "How would you find the cause of late deliveries?",
        betterAnswer: "I would segment delays by route and carrier and start with the largest segment.",
        example: "At my internship I traced 60% of late parcels to one depot.",
      },
    ],
    skills: ["SQL"],
    consent: true,
    ...overrides,
  };
}

/** Posts a body (an object as JSON, a string as it is) to the JSON API. */
export async function postDebrief(app: AppTarget, body: unknown, headers: Record<string, string> = {}) {
  return requestTo(app, "/api/debriefs", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Submits a debrief through the JSON API, which must accept it (201): its id, address, page path and token. */
export async function submitThroughApi(app: AppTarget, body: DebriefRequest = validDebrief()) {
  const res = await postDebrief(app, body);
  if (res.status !== 201) throw new Error(`The API answered ${res.status}, not 201: ${await res.text()}`);
  const { id, page } = (await res.json()) as { id: string; page: string };
  const path = new URL(page).pathname;
  return { id, email: body.candidate.email, page, path, token: path.slice(path.lastIndexOf("/") + 1) };
}
