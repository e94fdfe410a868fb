import { type CentreSettingsInput, createCentre, systemClock } from "@debrief/core";
import { createDynamoCentreStore } from "@debrief/core/aws";
import { emailsTo, waitFor } from "./inbox";

/** A centre written through the same core code as `pnpm centre create`, into the running stack's table. */
export async function provisionCentre(settings: Partial<CentreSettingsInput> & { slug: string }) {
  const store = createDynamoCentreStore(process.env.TABLE_NAME ?? "debriefs");
  const result = await createCentre(
    store,
    {
      displayName: `Careers at ${settings.slug}`,
      advisor: { name: "Priya Nair", email: `advisor@${settings.slug}.example.edu` },
      ...settings,
    },
    systemClock,
  );
  if (!result.ok) throw new Error(`Invalid centre: ${JSON.stringify(result.errors)}`);
  return { ...result.value, store };
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
