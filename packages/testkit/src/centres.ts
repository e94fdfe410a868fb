import {
  type Centre,
  type CentreSettingsInput,
  type Clock,
  createCentre,
  type DebriefRequest,
  issueAdvisorKey,
  LOCAL_TABLE_NAME,
  loadConfig,
  submitCentreDebrief,
  systemClock,
  type Workflow,
} from "@debrief/core";
import { createDynamoAccountStore, createDynamoCentreStore, createDynamoStore } from "@debrief/core/aws";
import { validDebrief } from "./debriefs";
import { emailsTo, waitFor } from "./inbox";

/**
 * A centre and its owner written through the same core code as `pnpm centre create`, into the
 * running stack's table, with an API key of the owner's (as the CLI prints).
 */
export async function provisionCentre(settings: Partial<CentreSettingsInput> & { slug: string }) {
  const table = process.env.TABLE_NAME ?? LOCAL_TABLE_NAME;
  const store = createDynamoCentreStore(table);
  const accounts = createDynamoAccountStore(table);
  const result = await createCentre(
    { centres: store, accounts },
    {
      displayName: `Careers at ${settings.slug}`,
      advisor: { name: "Priya Nair", email: `advisor@${settings.slug}.example.edu` },
      ...settings,
    },
    systemClock,
  );
  if (!result.ok) throw new Error(`Invalid centre: ${JSON.stringify(result.errors)}`);
  const issued = await issueAdvisorKey({ accounts, clock: systemClock }, settings.slug, result.value.owner, "tests");
  if (!issued.ok) throw new Error("The owner's key could not be made");
  return { ...result.value, store, accounts, key: issued.value.key };
}

/**
 * Proves a student's address as the statistics require: a POST on a one-use link from their
 * letter ("Stop emails" by default, which changes no count where "I sent it" would count a letter).
 */
export async function proveAddress(
  appUrl: string,
  inboxUrl: string,
  email: string,
  action: "Stop emails" | "I sent it" = "Stop emails",
): Promise<void> {
  const letter = await waitFor(async () => (await emailsTo(inboxUrl, email))[0], {
    timeoutMs: 20_000,
    what: "the letter",
  });
  const link = new RegExp(`href="https?://[^"]+/a/([A-Za-z0-9_-]{43})"[^>]*>${action}<`);
  const stop = link.exec(letter.body.html ?? "")?.[1];
  if (!stop) throw new Error(`no "${action}" link in the letter to ${email}`);
  const res = await fetch(`${appUrl}/a/${stop}`, { method: "POST" });
  if (res.status !== 200) throw new Error(`proving ${email} answered ${res.status}`);
}

/** The name of the advisors' session cookie (a `__Host-` cookie). */
export const SESSION_COOKIE = "__Host-centre-session";

/** Asks for an advisor's sign-in link as the form does, and reads it from the SES emulator's store (absolute). */
export async function emailedSignInLink(
  stack: { appUrl: string; url: string; inboxUrl: string },
  slug: string,
  email: string,
): Promise<string> {
  const before = (await emailsTo(stack.inboxUrl, email)).length;
  const asked = await fetch(`${stack.appUrl}/c/${slug}/admin/sign-in`, {
    method: "POST",
    body: new URLSearchParams({ email }),
    headers: { origin: new URL(stack.url).origin },
  });
  if (asked.status !== 200) throw new Error(`asking for a sign-in link answered ${asked.status}`);
  const mail = await waitFor(async () => (await emailsTo(stack.inboxUrl, email))[before], {
    timeoutMs: 10_000,
    what: `the sign-in link to ${email}`,
  });
  const link = /(https?:\/\/[^/\s]+\/c\/[^/]+\/admin\/sign-in\/[A-Za-z0-9_-]{43})/.exec(mail.body.text ?? "")?.[1];
  if (!link) throw new Error(`no sign-in link in the email to ${email}`);
  return link;
}

/** Signs an advisor in as a browser would, over HTTP (the link's button is a POST): the session cookie's value. */
export async function signInByEmail(
  stack: { appUrl: string; url: string; inboxUrl: string },
  slug: string,
  email: string,
): Promise<string> {
  const link = new URL(await emailedSignInLink(stack, slug, email));
  const used = await fetch(`${stack.appUrl}${link.pathname}`, {
    method: "POST",
    headers: { origin: link.origin },
    redirect: "manual",
  });
  const value = new RegExp(`^${SESSION_COOKIE}=([A-Za-z0-9_-]{43});`).exec(used.headers.get("set-cookie") ?? "")?.[1];
  if (!value) throw new Error(`signing in answered ${used.status} without a session cookie`);
  return value;
}

/** One proven student's debrief at a centre, stored as if submitted at `at`. */
export type PastStudent = {
  email: string;
  at: Date;
  cohort: string;
  whatHappened: DebriefRequest["whatHappened"];
  questions: DebriefRequest["questions"];
  letterSent?: boolean;
  secondInterview?: boolean;
};

const startsNothing: Workflow = {
  start: async () => undefined,
  stop: async () => undefined,
  ping: async () => undefined,
};

/**
 * Debriefs at a centre dated in the past (the form would date them now), through the real
 * centre submission with a clock set to each one's time, then proven as an emailed link
 * proves a student (and marked sent, or with a second interview, as the student would):
 * what the insights read. No workflow starts: nothing is emailed.
 */
export async function storePastStudents(centre: Centre, students: PastStudent[], concurrency = 16) {
  const config = loadConfig();
  const store = createDynamoStore(config.tableName);
  let next = 0;
  const worker = async () => {
    while (next < students.length) {
      const s = students[next++] as PastStudent;
      const clock: Clock = { now: () => s.at };
      const body = validDebrief({
        email: s.email,
        interviewedAt: s.at,
        whatHappened: s.whatHappened,
        questions: s.questions,
      });
      const result = await submitCentreDebrief(
        body,
        centre,
        { shareWithCentre: false, cohort: s.cohort },
        { store, workflow: startsNothing, clock, schedule: config.schedule, retentionDays: config.retentionDays },
      );
      if (result.kind !== "accepted") throw new Error(`A past student's debrief was refused: ${result.kind}`);
      const at = s.at.toISOString();
      await store.updateDebrief(result.id, {
        addressProvenAt: at,
        countedIn: centre.slug,
        ...(s.letterSent ? { letterSentAt: at } : {}),
        ...(s.secondInterview ? { secondInterviewAt: at } : {}),
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
