/** A message as the SES emulator's store keeps it. */
export type StoredEmail = {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: { name: string; value: string }[];
  at: number;
};

/** Reads every message from the SES emulator's store (GET /store). */
export async function readInbox(inboxUrl: string): Promise<StoredEmail[]> {
  const res = await fetch(`${inboxUrl}/store`);
  if (!res.ok) throw new Error(`SES store answered ${res.status}`);
  return ((await res.json()) as { emails: StoredEmail[] }).emails;
}

export async function emailsTo(inboxUrl: string, address: string): Promise<StoredEmail[]> {
  return (await readInbox(inboxUrl)).filter((e) => e.destination.to.includes(address));
}

/**
 * Polls until `check` returns a value, or fails after `timeoutMs`. Timeouts are
 * derived from the stack's scaled day, never fixed sleeps.
 */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  { timeoutMs, intervalMs = 50, what = "condition" }: { timeoutMs: number; intervalMs?: number; what?: string },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A header of a stored message, its name in any case. */
export const headerOf = (message: StoredEmail, name: string): string | undefined =>
  message.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
