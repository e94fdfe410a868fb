import { createManualClock, createMemoryStore } from "@debrief/testkit/memory";
import { personaDebrief } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import { newLinkKey } from "../tokens";
import { debriefForLink, debriefForPageToken, emailActions, emailLinks, pageUrl } from "./links";

const PUBLIC = "https://debrief.example";

describe("the one-use links of each email", () => {
  it("offer I sent it only while the letter is unsent, and only stop and delete in the tips", () => {
    const unsent = personaDebrief("amira");
    const sentAlready = personaDebrief("amira", { letterSentAt: "2026-11-25T09:00:00.000Z" });
    expect(emailActions("letter", unsent)).toEqual(["sent", "snooze", "stop", "delete"]);
    expect(emailActions("nudge", unsent)).toEqual(["sent", "snooze", "stop", "delete"]);
    expect(emailActions("nudge", sentAlready)).toEqual(["snooze", "stop", "delete"]);
    expect(emailActions("tips", unsent)).toEqual(["stop", "delete"]);
  });
});

describe("a link's token", () => {
  const setup = async () => {
    const store = createMemoryStore();
    const clock = createManualClock("2026-11-24T18:00:00.000Z");
    const d = personaDebrief("amira", { linkKey: newLinkKey() });
    await store.create(d);
    return { d, deps: { store, clock } };
  };
  const tokenOf = (url: string) => url.split("/").at(-1) ?? "";

  it("leads to its debrief and does only what it is for", async () => {
    const { d, deps } = await setup();
    const links = emailLinks("letter", d, PUBLIC);
    expect(links.page).toBe(pageUrl(d, PUBLIC));
    expect((await debriefForPageToken(tokenOf(links.page), deps))?.id).toBe(d.id);
    const stop = await debriefForLink(tokenOf(links.actions.stop ?? ""), ["action"], deps);
    expect(stop?.purpose).toEqual({ kind: "action", email: "letter", action: "stop" });
    expect(await debriefForLink(tokenOf(links.actions.stop ?? ""), ["page"], deps)).toBeUndefined();
    expect((await debriefForLink(tokenOf(links.unsubscribe), ["unsubscribe"], deps))?.purpose.kind).toBe("unsubscribe");
    expect((await debriefForLink(tokenOf(links.notMe), ["not-me"], deps))?.purpose.kind).toBe("not-me");
  });

  it("leads nowhere once altered, or once the debrief is gone", async () => {
    const { d, deps } = await setup();
    const token = tokenOf(pageUrl(d, PUBLIC));
    const altered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await debriefForPageToken(altered, deps)).toBeUndefined();
    await deps.store.erase(d);
    expect(await debriefForPageToken(token, deps)).toBeUndefined();
  });

  it("cannot be made for a debrief without a link key", () => {
    expect(() => pageUrl(personaDebrief("amira"), PUBLIC)).toThrow("no link key");
  });
});
