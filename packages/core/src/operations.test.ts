import { createManualClock, createMemoryStore, createMemoryWorkflow } from "@debrief/testkit/memory";
import { personaDebrief } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import type { Debrief } from "./debrief/model";
import { linkKeyOf, RECONCILE_GRACE_MS, reconcile } from "./operations";

const setup = async (debriefs: Debrief[]) => {
  const store = createMemoryStore();
  const workflow = createMemoryWorkflow();
  // Long after the personas submitted: every debrief is past the API's grace.
  const clock = createManualClock("2026-11-25T12:00:00.000Z");
  for (const d of debriefs) await store.create(d);
  return { store, workflow, clock, deps: { store, workflow, clock } };
};

describe("the reconciler", () => {
  it("starts the workflows that never started, and leaves started and stopped debriefs alone", async () => {
    const never = personaDebrief("amira", { linkKey: "k" });
    const started = personaDebrief("ben", { linkKey: "k", workflowStartedAt: "2026-11-24T17:00:01.000Z" });
    const stopped = personaDebrief("chloe", { linkKey: "k", stoppedAt: "2026-11-24T17:00:01.000Z" });
    const { deps, workflow, store, clock } = await setup([never, started, stopped]);
    const result = await reconcile(deps);
    expect(result.started).toEqual([never.id]);
    expect([...workflow.executions.keys()]).toEqual([never.id]);
    expect((await store.get(never.id, clock.now()))?.workflowStartedAt).toBe(clock.now().toISOString());
  });

  it("leaves a debrief within the API's grace to the API", async () => {
    const fresh = personaDebrief("amira", { linkKey: "k", createdAt: "2026-11-25T11:59:00.000Z" });
    const { deps } = await setup([fresh]);
    expect((await reconcile(deps, RECONCILE_GRACE_MS)).started).toEqual([]);
  });

  it("gives each debrief stored before link keys its key, once: a second run changes nothing", async () => {
    const old = personaDebrief("amira", { workflowStartedAt: "2026-11-24T17:00:01.000Z" });
    const keyed = personaDebrief("ben", { linkKey: "kept", workflowStartedAt: "2026-11-24T17:00:01.000Z" });
    const { deps, store, clock } = await setup([old, keyed]);
    expect((await reconcile(deps)).migrated).toEqual({ linkKeys: 1, addressDigests: 0 });
    const key = (await store.get(old.id, clock.now()))?.linkKey;
    expect(key).toMatch(/^[\w-]{43}$/);
    expect((await store.get(keyed.id, clock.now()))?.linkKey).toBe("kept");
    expect((await reconcile(deps)).migrated).toEqual({ linkKeys: 0, addressDigests: 0 });
    expect((await store.get(old.id, clock.now()))?.linkKey).toBe(key);
  });

  it("counts the address digests the store backfilled", async () => {
    const { deps } = await setup([]);
    const store = { ...deps.store, backfillAddressDigests: async () => 3 };
    expect((await reconcile({ ...deps, store })).migrated.addressDigests).toBe(3);
  });
});

describe("a debrief's link key", () => {
  it("is the debrief's own, else given once by the same write the reconciler uses", async () => {
    const old = personaDebrief("amira");
    const { store } = await setup([old]);
    expect(await linkKeyOf({ id: old.id, linkKey: "own" }, store)).toBe("own");
    const given = await linkKeyOf(old, store);
    expect(given).toMatch(/^[\w-]{43}$/);
    expect(await linkKeyOf(old, store)).toBe(given);
    expect(await linkKeyOf({ id: "gone" }, store)).toBeUndefined();
  });
});
