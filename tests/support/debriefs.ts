import type { DebriefRequest } from "@debrief/core";

let counter = 0;

/** A valid debrief; each call gets its own candidate address unless one is given. */
export function validDebrief(overrides: Partial<DebriefRequest> = {}): DebriefRequest {
  counter += 1;
  return {
    candidate: {
      name: "Amira Haddad",
      // No +tag: a tag is the same mailbox (digest.ts), and every test would share one rate limit.
      email: `amira-${process.pid}-${counter}@example.com`,
      timeZone: "Europe/Berlin",
    },
    interview: {
      company: "Northwind Logistics",
      role: "Data Analyst",
      date: new Date(Date.now() - 3_600_000).toISOString().slice(0, 10),
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

export async function postDebrief(appUrl: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${appUrl}/api/debriefs`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Submits a debrief through the JSON API, which must accept it (201): its id, address and page path. */
export async function submitDebrief(appUrl: string, body: DebriefRequest) {
  const res = await postDebrief(appUrl, body);
  if (res.status !== 201) throw new Error(`The API answered ${res.status}, not 201: ${await res.text()}`);
  const { id, page } = (await res.json()) as { id: string; page: string };
  return { id, email: body.candidate.email, path: new URL(page).pathname };
}
