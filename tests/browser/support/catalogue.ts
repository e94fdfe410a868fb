import type { Centre } from "@debrief/core";
import { type PastStudent, proveAddress, provisionCentre, storePastStudents } from "@debrief/testkit/centres";
import { postDebrief, validDebrief } from "@debrief/testkit/debriefs";
import { centreFormFields, postForm, tokenOf } from "@debrief/testkit/forms";
import { emailsTo, type StoredEmail, waitFor } from "@debrief/testkit/inbox";
import type { TestStack } from "@debrief/testkit/stack";
import type { Page } from "playwright-core";
import { signInInBrowser } from "./centres";
import { emailLink } from "./journey";

/**
 * Every page and email of the service, for the accessibility checks and the
 * screenshots alike: one list, so a new page is checked and pictured at once.
 */
export type Site = {
  appUrl: string;
  publicUrl: string;
  /** A candidate's page (submitted through the JSON API) and their letter, nudge and tips. */
  candidatePage: string;
  emails: StoredEmail[];
  /** A career centre's student (sharing with the centre), and the centre's owner, who signs in by email. */
  centreToken: string;
  centreOwner: string;
  inboxUrl: string;
  checkin: StoredEmail;
  /** The reminder of a debrief whose letter was marked sent: the "sent" variant. */
  nudgeSent: StoredEmail;
  /** A debrief typed in a hurry, with a word the letter keeps as typed: its page and its letter email. */
  typedPage: string;
  typedLetter: StoredEmail;
};

export type SitePage = {
  name: string;
  /** The screenshot's file name (without the width). */
  file: string;
  open: (page: Page, site: Site) => Promise<unknown>;
  /** For a page that changes on use: what a person does on it before it is checked. */
  act?: (page: Page, site: Site) => Promise<unknown>;
};

const CENTRE = "northfield";
const STUDENT = `student-${process.pid}@example.edu`;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const submitEmpty = async (page: Page) => {
  await Promise.all([page.waitForEvent("load"), page.locator('button[type="submit"]').press("Enter")]);
};

export const PAGES: SitePage[] = [
  { name: "form", file: "form", open: (page, s) => page.goto(`${s.appUrl}/`) },
  {
    name: "form with errors",
    file: "form-errors",
    open: async (page, s) => {
      await page.goto(`${s.appUrl}/`);
      await page.locator('[name="interview.company"]').fill("Northwind Logistics");
      await page.locator('[name="candidate.email"]').fill("amira-at-example");
      await submitEmpty(page);
    },
  },
  { name: "confirmation", file: "confirmation", open: (page, s) => page.goto(`${s.candidatePage}?new=1`) },
  { name: "candidate page", file: "candidate-page", open: (page, s) => page.goto(s.candidatePage) },
  {
    name: "candidate page with words kept as typed",
    file: "candidate-page-check",
    open: (page, s) => page.goto(s.typedPage),
  },
  {
    name: "candidate page, editing the draft",
    file: "candidate-page-edit",
    open: (page, s) => page.goto(s.candidatePage),
    act: (page) => page.locator("#edit-draft summary").click(),
  },
  {
    name: "candidate page with a draft error",
    file: "candidate-page-draft-error",
    open: (page, s) => page.goto(s.candidatePage),
    act: async (page) => {
      await page.locator("#edit-draft summary").click();
      await page.locator("#draft-body").fill("");
      await Promise.all([page.waitForEvent("load"), page.locator("#save-draft").press("Enter")]);
    },
  },
  {
    name: "candidate page after marking sent",
    file: "candidate-page-sent",
    open: (page, s) => page.goto(`${s.candidatePage}?done=sent`),
  },
  {
    name: "one-use action link",
    file: "action-link",
    open: (page, s) => page.goto(emailLink(s.emails[1]?.body.html, s.publicUrl, "a")),
  },
  {
    name: "this wasn't me",
    file: "not-me",
    open: (page, s) => page.goto(emailLink(s.emails[1]?.body.html, s.publicUrl, "not-me")),
  },
  { name: "not found", file: "not-found", open: (page, s) => page.goto(`${s.appUrl}/d/no-such-debrief`) },
  { name: "API reference", file: "api-docs", open: (page, s) => page.goto(`${s.appUrl}/api/docs`) },
  // Career centres: the branded form, its errors, the student's sharing and check-in pages, the admin.
  { name: "centre form", file: "centre-form", open: (page, s) => page.goto(`${s.appUrl}/c/${CENTRE}`) },
  {
    name: "centre form with errors",
    file: "centre-form-errors",
    open: async (page, s) => {
      await page.goto(`${s.appUrl}/c/${CENTRE}`);
      await submitEmpty(page);
    },
  },
  {
    name: "centre sharing page",
    file: "centre-sharing",
    open: (page, s) => page.goto(`${s.appUrl}/d/${s.centreToken}/centre`),
  },
  {
    name: "check-in page",
    file: "centre-checkin",
    open: (page, s) => page.goto(`${s.appUrl}/d/${s.centreToken}/checkin/checkin7/second_interview`),
  },
  { name: "centre sign-in", file: "centre-sign-in", open: (page, s) => page.goto(`${s.appUrl}/c/${CENTRE}/admin`) },
  {
    name: "centre insights, signed in",
    file: "centre-admin",
    open: (page, s) =>
      signInInBrowser(page, { appUrl: s.appUrl, url: s.publicUrl, inboxUrl: s.inboxUrl }, CENTRE, s.centreOwner),
  },
];

export const EMAILS: { name: string; file: string; of: (s: Site) => StoredEmail | undefined }[] = [
  { name: "letter", file: "email-letter", of: (s) => s.emails[0] },
  { name: "letter with words kept as typed", file: "email-letter-check", of: (s) => s.typedLetter },
  { name: "nudge", file: "email-nudge", of: (s) => s.emails[1] },
  { name: "tips", file: "email-tips", of: (s) => s.emails[2] },
  { name: "nudge after the letter was sent", file: "email-nudge-sent", of: (s) => s.nudgeSent },
  { name: "centre check-in", file: "email-checkin", of: (s) => s.checkin },
];

/**
 * Fills the stack with what the pages show: a candidate's debrief with its three
 * emails, and a career centre with a student whose day-7 check-in has arrived.
 * Waits are derived from the stack's scaled day.
 */
export async function prepareSite(stack: TestStack, dayMs: number): Promise<Site> {
  const centre = await provisionCentre({
    slug: CENTRE,
    displayName: "Northfield University Careers",
    accentColour: "#7a1f5c",
    cohorts: ["MSc Data 2026", "BA History 2026"],
    minGroupSize: 5,
  });
  await centreStudents(stack);
  await earlierStudents(centre.centre);
  // An interview eight days ago: the day-7 check-in email comes with the tips.
  const fields = centreFormFields(STUDENT, { shareWithCentre: "on", "interview.date": daysAgo(8) });
  const centreToken = tokenOf(await postForm(stack.appUrl, `/c/${CENTRE}`, fields));

  const debrief = validDebrief({
    candidate: { name: "Amira Haddad", email: `amira-${process.pid}@example.com`, timeZone: "Europe/Berlin" },
  });
  const res = await postDebrief(stack.appUrl, debrief);
  if (res.status !== 201) throw new Error(`The debrief was refused: ${res.status} ${await res.text()}`);
  const candidatePage = ((await res.json()) as { page: string }).page;

  // A second candidate marks the letter sent on their page straight away (well before the reminder).
  const sender = validDebrief({
    candidate: { name: "Ben Okoro", email: `ben-${process.pid}@example.com`, timeZone: "Europe/London" },
  });
  const senderRes = await postDebrief(stack.appUrl, sender);
  if (senderRes.status !== 201) throw new Error(`The debrief was refused: ${senderRes.status}`);
  const senderPath = new URL(((await senderRes.json()) as { page: string }).page).pathname;
  const marked = await fetch(`${stack.appUrl}${senderPath}/sent`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: stack.appUrl, "content-type": "application/x-www-form-urlencoded" },
    body: "",
  });
  if (marked.status !== 303) throw new Error(`Marking the letter sent answered ${marked.status}`);

  // A third candidate typed an answer in chat spelling the tidy step keeps for them to check.
  const typed = validDebrief({
    candidate: { name: "Lea Moreau", email: `lea-${process.pid}@example.com`, timeZone: "Europe/Paris" },
    questions: [{ question: "Why us?", betterAnswer: "Because ur team builds what I want to build." }],
  });
  const typedRes = await postDebrief(stack.appUrl, typed);
  if (typedRes.status !== 201) throw new Error(`The debrief was refused: ${typedRes.status}`);
  const typedPage = ((await typedRes.json()) as { page: string }).page;

  const emails = await waitFor(
    async () => {
      const all = await emailsTo(stack.inboxUrl, debrief.candidate.email);
      return all.length >= 3 && all;
    },
    { timeoutMs: 4 * dayMs, what: "the letter, the reminder and the tips" },
  );
  // The check-in comes with the tips (in either order): it is the email with the check-in answers.
  const checkin = await waitFor(
    async () => (await emailsTo(stack.inboxUrl, STUDENT)).find((e) => e.body.html?.includes("/checkin/checkin7/")),
    { timeoutMs: 4 * dayMs, what: "the centre student's day-7 check-in" },
  );
  const [, nudgeSent] = await waitFor(
    async () => {
      const all = await emailsTo(stack.inboxUrl, sender.candidate.email);
      return all.length >= 2 && all;
    },
    { timeoutMs: 4 * dayMs, what: "the reminder after the letter was marked sent" },
  );
  if (!nudgeSent) throw new Error("No nudge");
  const typedLetter = await waitFor(async () => (await emailsTo(stack.inboxUrl, typed.candidate.email))[0], {
    timeoutMs: 4 * dayMs,
    what: "the typed debrief's letter",
  });
  return {
    nudgeSent,
    appUrl: stack.appUrl,
    publicUrl: stack.url,
    candidatePage,
    emails,
    centreToken,
    centreOwner: centre.owner.email,
    inboxUrl: stack.inboxUrl,
    checkin,
    typedPage,
    typedLetter,
  };
}

/**
 * Students for the centre's insights: two cohorts of ten, every one nervous and stuck on a
 * story question, half of each cohort also blanking and fumbling a technical question; all
 * proven from their letter, one cohort by marking it sent.
 */
async function centreStudents(stack: TestStack) {
  const students = Array.from({ length: 20 }, (_, i) => ({
    email: `insight-${i}-${process.pid}@example.edu`,
    cohort: i % 2 ? "MSc Data 2026" : "BA History 2026",
    more: i % 4 < 2,
  }));
  for (const s of students) {
    const fields: Record<string, string | string[]> = {
      ...centreFormFields(s.email, {
        cohort: s.cohort,
        "questions.0.question": "Tell me about a time you missed a deadline",
        "questions.0.betterAnswer": "I would plan the work backwards from the date.",
        ...(s.more
          ? {
              "questions.1.question": "How would you design a dashboard for the sales team?",
              "questions.1.betterAnswer": "I would start from the decisions it supports.",
            }
          : {}),
      }),
      whatHappened: s.more ? ["nerves", "blanked"] : ["nerves"],
    };
    const res = await postForm(stack.appUrl, `/c/${CENTRE}`, fields);
    if (res.status !== 303) throw new Error(`A centre student's debrief answered ${res.status}`);
  }
  await Promise.all(
    students.map((s) =>
      proveAddress(stack.appUrl, stack.inboxUrl, s.email, s.cohort === "MSc Data 2026" ? "I sent it" : "Stop emails"),
    ),
  );
}

/**
 * The five weeks before this one, stored as if submitted then: each week's cohorts large enough
 * to be shown, what went wrong changing from week to week, the data cohort's letters sent and,
 * every other week, their second interviews, so the charts read as a centre's term does.
 */
async function earlierStudents(centre: Centre) {
  const perWeek = [14, 12, 10, 16, 11];
  const situations = [["nerves"], ["nerves", "blanked"], ["rambling"], ["too_blunt", "nerves"], ["late"]] as const;
  const students: PastStudent[] = perWeek.flatMap((count, w) =>
    Array.from({ length: count }, (_, i) => ({
      email: `earlier-${w}-${i}-${process.pid}@example.edu`,
      at: new Date(Date.now() - (w + 1) * 7 * 86_400_000),
      cohort: i % 2 ? "MSc Data 2026" : "BA History 2026",
      whatHappened: [...(situations[w] ?? ["nerves"])],
      questions: [{ question: "Tell me about a time you missed a deadline", betterAnswer: "I planned backwards." }],
      letterSent: i % 2 === 1,
      secondInterview: i % 2 === 1 && w % 2 === 0,
    })),
  );
  await storePastStudents(centre, students);
}
