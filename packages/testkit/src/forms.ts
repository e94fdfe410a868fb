import { type AppTarget, requestTo } from "./debriefs";

/** The signed ticket a rendered form carries. */
export const FORM_TICKET = /name="ticket" value="([^"]+)"/;

/** The ticket of the form page at `path` (a fresh one each time, as a browser loads it). */
export async function formTicket(app: AppTarget, path = "/"): Promise<string> {
  const html = await (await requestTo(app, path)).text();
  const ticket = FORM_TICKET.exec(html)?.[1];
  if (!ticket) throw new Error(`The form at ${path} carries no ticket`);
  return ticket;
}

/**
 * The hidden fields of a freshly rendered form (its signed ticket and the empty
 * honeypot), which a browser sends along with what the candidate typed.
 */
export async function formGuardFields(app: AppTarget, path = "/"): Promise<Record<string, string>> {
  return { ticket: await formTicket(app, path), website: "" };
}

/** What a person types into the debrief form: the required fields, valid, for `email`, interviewed today. */
export function formFields(email: string, overrides: Record<string, string> = {}, today = new Date()) {
  return {
    "candidate.name": "Amira Haddad",
    "candidate.email": email,
    "candidate.timeZone": "UTC",
    "interview.company": "Northwind Logistics",
    "interview.role": "Data Analyst",
    "interview.date": today.toISOString().slice(0, 10),
    "interview.format": "phone",
    "interview.interviewer.name": "Jonas Weber",
    whatHappened: "nerves",
    consent: "on",
    ...overrides,
  } as Record<string, string>;
}

/** A centre's student fills the branded form: the same required fields, another person and company. */
export function centreFormFields(email: string, overrides: Record<string, string> = {}) {
  return formFields(email, {
    "candidate.name": "Lena Okafor",
    "interview.company": "Harbour Analytics",
    "interview.role": "Junior Analyst",
    "interview.format": "video",
    "interview.interviewer.name": "Tomas Berg",
    tone: "warm",
    ...overrides,
  });
}

/**
 * Posts the form at `path` as a browser does: loads it for its ticket, then sends the
 * ticket, the empty honeypot and the fields (a field given as a list is sent once per
 * value; a field given replaces a hidden one), without following the redirect.
 */
export async function postForm(
  app: AppTarget,
  path: string,
  fields: Record<string, string | string[]>,
  /** Runs between loading the form and posting it (an in-memory app moves its clock past the minimum fill time). */
  { beforePost }: { beforePost?: () => void } = {},
): Promise<Response> {
  const body = new URLSearchParams(await formGuardFields(app, path));
  beforePost?.();
  for (const [k, v] of Object.entries(fields)) {
    body.delete(k);
    for (const one of [v].flat()) body.append(k, one);
  }
  return requestTo(app, path, { method: "POST", body, redirect: "manual" });
}

/**
 * Posts form fields to one of the app's pages (a path, or a URL on the app) as a browser
 * posting our own page's form does: with our Origin, and without following the redirect.
 */
export function postAsBrowser(
  appUrl: string,
  pathOrUrl: string,
  fields: [string, string][] | Record<string, string> = {},
) {
  return fetch(new URL(pathOrUrl, appUrl), {
    method: "POST",
    body: new URLSearchParams(fields),
    redirect: "manual",
    headers: { origin: appUrl },
  });
}

/** The page token from a form submission's redirect (`/d/<token>?new=1`). */
export function tokenOf(res: Response): string {
  const token = /^\/d\/([A-Za-z0-9_-]{43})\?new=1$/.exec(res.headers.get("location") ?? "")?.[1];
  if (!token) throw new Error(`No page token in the redirect (status ${res.status})`);
  return token;
}
