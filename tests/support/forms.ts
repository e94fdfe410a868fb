/**
 * The hidden fields of a freshly rendered form (its signed ticket and the empty
 * honeypot), which a browser sends along with what the candidate typed.
 */
export async function formGuardFields(appUrl: string): Promise<Record<string, string>> {
  const html = await (await fetch(`${appUrl}/`)).text();
  const ticket = /name="ticket" value="([^"]+)"/.exec(html)?.[1];
  if (!ticket) throw new Error("The form carries no ticket");
  return { ticket, website: "" };
}

/** What a person types into the debrief form: the required fields, valid, for `email`. */
export function typedFormFields(email: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    "candidate.name": "Amira Haddad",
    "candidate.email": email,
    "candidate.timeZone": "UTC",
    "interview.company": "Northwind Logistics",
    "interview.role": "Data Analyst",
    "interview.date": new Date().toISOString().slice(0, 10),
    "interview.format": "phone",
    "interview.interviewer.name": "Jonas Weber",
    whatHappened: "nerves",
    consent: "on",
    ...overrides,
  };
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
