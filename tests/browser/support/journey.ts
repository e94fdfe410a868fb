import type { Page } from "playwright-core";
import { tabTo, typeInto } from "./keyboard";

/**
 * A script fills forms faster than a person: the form guard's minimum fill time
 * (its own tests cover it) is off for the browser tests' stack.
 */
export const FAST_FORMS = { FORM_MIN_FILL_SECONDS: "0" };

/** What the candidate types; the better answer is what the letter must carry. */
export type TypedDebrief = {
  name: string;
  email: string;
  company: string;
  role: string;
  interviewer: string;
  question: string;
  betterAnswer: string;
  skills: string[];
};

export function typedDebrief(email: string): TypedDebrief {
  return {
    name: "Amira Haddad",
    email,
    company: "Northwind Logistics",
    role: "Data Analyst",
    interviewer: "Jonas Weber",
    question: "How would you find the cause of late deliveries?",
    betterAnswer: "I would segment delays by route and carrier, then start with the largest segment.",
    skills: ["SQL", "Route analysis"],
  };
}

/** Chromium's date field takes digits in the locale's order: month, day, year for en-US. */
function todayForDateField(now = new Date()): string {
  const iso = now.toISOString().slice(0, 10);
  const [y, m, d] = iso.split("-");
  return `${m}${d}${y}`;
}

const byName = (name: string) => `[name="${name}"]`;

/**
 * Fills the debrief form with the keyboard only (Tab, typing, Space, Enter), in
 * the order the fields come, and submits it. Works with JavaScript on or off.
 */
export async function fillDebriefByKeyboard(page: Page, d: TypedDebrief): Promise<void> {
  await tabTo(page, 'input[name="whatHappened"][value="nerves"]');
  await page.keyboard.press("Space");
  await tabTo(page, 'input[name="whatHappened"][value="blanked"]');
  await page.keyboard.press("Space");

  await typeInto(page, byName("interview.company"), d.company);
  await typeInto(page, byName("interview.role"), d.role);
  await tabTo(page, byName("interview.date"));
  await page.keyboard.type(todayForDateField());
  await tabTo(page, byName("interview.format"));
  await page.keyboard.type("Phone");
  await typeInto(page, byName("interview.interviewer.name"), d.interviewer);

  await typeInto(page, byName("questions.0.question"), d.question);
  await typeInto(page, byName("questions.0.betterAnswer"), d.betterAnswer);
  // The skills are in a part of the form that starts closed: its heading opens it.
  await openPart(page, "part-challenges");
  await typeInto(page, byName("skills"), d.skills.join("\n"));

  await typeInto(page, byName("candidate.name"), d.name);
  await typeInto(page, byName("candidate.email"), d.email);
  // A select (the short list with scripts, every zone without): typing picks by name.
  await tabTo(page, byName("candidate.timeZone"));
  await page.keyboard.type("UTC");
  await tabTo(page, "#consent");
  await page.keyboard.press("Space");

  await tabTo(page, 'button[type="submit"]');
  await Promise.all([page.waitForURL(/\/d\/[A-Za-z0-9_-]+\?new=1$/), page.keyboard.press("Enter")]);
}

/** Opens a closed part of the debrief form (a `<details>`) from its heading, by keyboard. */
export async function openPart(page: Page, id: string): Promise<void> {
  await tabTo(page, `#${id} > summary`);
  await page.keyboard.press("Enter");
  if (!(await page.locator(`#${id}`).evaluate((d) => (d as HTMLDetailsElement).open))) {
    throw new Error(`#${id} did not open`);
  }
}

/** A link an email holds to one of the app's token paths (/d/, /a/, /not-me/): the address as written. */
export function emailLink(html: string | undefined, publicUrl: string, path: string): string {
  const escaped = publicUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = html?.match(new RegExp(`href="(${escaped}/${path}/[A-Za-z0-9_-]{43})"`));
  if (!match?.[1]) throw new Error(`The email holds no /${path}/ link`);
  return match[1];
}

/** The candidate page's address as written in an email (an unguessable token, nothing else). */
export const pageLinkIn = (html: string | undefined, publicUrl: string) => emailLink(html, publicUrl, "d");
