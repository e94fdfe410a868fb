/** The one-use links in the emails ("I sent it", snooze, stop, delete): each works once, and using one proves the address. */
import type { Debrief } from "../debrief/model";
import type { CandidateAction } from "../ports";
import { hashToken, purposeCode, TOKEN_PATTERN } from "../tokens";
import type { CandidateDeps } from "./deps";
import { eraseDebrief, markLetterSent, snooze, stopEmails } from "./lifecycle";
import { debriefForLink } from "./links";

/** Performs a one-use action link: the link is used up first, so a second click finds nothing. */
export async function performAction(
  token: string,
  deps: CandidateDeps,
): Promise<{ action: CandidateAction; result: unknown } | undefined> {
  const found = await actionLink(token, deps, "use");
  if (!found) return undefined;
  const { action, debrief: d } = found;
  // A one-use link only ever reaches the inbox: using it proves the address, and from then on
  // the debrief's centre counts its student (centre statistics count only proven students).
  if (!d.addressProvenAt && action !== "delete") {
    const at = deps.clock.now().toISOString();
    await deps.store.updateDebrief(d.id, { addressProvenAt: at, ...(d.centre ? { countedIn: d.centre } : {}) });
  }
  switch (action) {
    case "sent":
      return { action: "sent", result: await markLetterSent(d, deps) };
    case "snooze":
      return { action: "snooze", result: await snooze(d, deps) };
    case "stop":
      return { action: "stop", result: await stopEmails(d, deps) };
    case "delete":
      await eraseDebrief(d, deps);
      return { action: "delete", result: { erased: true } };
  }
}

/**
 * The action and debrief behind a one-use link, used up (`use`: a conditional write, so of two
 * clicks one wins) or only looked at (`peek`); undefined once used, and for anything else.
 */
async function actionLink(
  token: string,
  deps: Pick<CandidateDeps, "store" | "clock">,
  mode: "use" | "peek",
): Promise<{ action: CandidateAction; debrief: Debrief } | undefined> {
  const found = await debriefForLink(token, ["action"], deps);
  if (found?.purpose.kind === "action") {
    const code = String(purposeCode(found.purpose));
    if (found.debrief.usedLinks?.has(code)) return undefined;
    const debrief = mode === "use" ? await deps.store.useLink(found.debrief.id, code, deps.clock.now()) : found.debrief;
    return debrief ? { action: found.purpose.action, debrief } : undefined;
  }
  // An action token stored as an item (ports.ts StoredTokens).
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const now = deps.clock.now();
  const stored =
    mode === "use"
      ? await deps.store.storedTokens.consumeActionToken(hashToken(token), now)
      : await deps.store.storedTokens.findActionToken(hashToken(token), now);
  const debrief = stored ? await deps.store.get(stored.debriefId, now) : undefined;
  return stored && debrief ? { action: stored.action, debrief } : undefined;
}

/** The action behind a link, for its confirmation page; undefined for a used, altered or unknown one. */
export async function pendingAction(token: string, deps: Pick<CandidateDeps, "store" | "clock">) {
  return actionLink(token, deps, "peek");
}
