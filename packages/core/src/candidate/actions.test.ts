import { createManualClock, createMemoryStore, createMemoryWorkflow } from "@debrief/testkit/memory";
import { personaDebrief } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import type { Debrief } from "../debrief/model";
import { newLinkKey } from "../tokens";
import { pendingAction, performAction } from "./actions";
import { emailLinks } from "./links";

const setup = async (overrides: Partial<Debrief> = {}) => {
  const store = createMemoryStore();
  const clock = createManualClock("2026-11-24T18:00:00.000Z");
  const d = personaDebrief("amira", { linkKey: newLinkKey(), ...overrides });
  await store.create(d);
  const links = emailLinks("letter", d, "https://debrief.example").actions;
  const token = (action: keyof typeof links) => links[action]?.split("/").at(-1) ?? "";
  const deps = { store, clock, workflow: createMemoryWorkflow(), checkins: createMemoryWorkflow() };
  return { d, token, deps, stored: () => store.get(d.id, clock.now()) };
};

describe("a one-use action link", () => {
  it("works once: the second click finds nothing", async () => {
    const { token, deps, stored } = await setup();
    expect(await performAction(token("sent"), deps)).toEqual({ action: "sent", result: { changed: true } });
    expect((await stored())?.letterSentAt).toBe(deps.clock.now().toISOString());
    expect(await performAction(token("sent"), deps)).toBeUndefined();
  });

  it("proves the address, and counts the student for the debrief's centre", async () => {
    const { token, deps, stored } = await setup({ centre: "north" });
    await performAction(token("snooze"), deps);
    expect(await stored()).toMatchObject({ addressProvenAt: deps.clock.now().toISOString(), countedIn: "north" });
  });

  it("can be looked at for its confirmation page without being used", async () => {
    const { d, token, deps } = await setup();
    expect(await pendingAction(token("delete"), deps)).toMatchObject({ action: "delete", debrief: { id: d.id } });
    expect(await pendingAction(token("delete"), deps)).toMatchObject({ action: "delete" });
    expect(await performAction(token("delete"), deps)).toEqual({ action: "delete", result: { erased: true } });
    expect(await pendingAction(token("delete"), deps)).toBeUndefined();
  });

  it("does nothing for a page link or a made-up token", async () => {
    const { d, deps } = await setup();
    const page = emailLinks("letter", d, "https://debrief.example").page.split("/").at(-1) ?? "";
    expect(await performAction(page, deps)).toBeUndefined();
    expect(await performAction("x".repeat(43), deps)).toBeUndefined();
  });
});
