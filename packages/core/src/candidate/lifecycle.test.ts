import { createManualClock, createMemoryStore, createMemoryWorkflow } from "@debrief/testkit/memory";
import { personaDebrief } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import type { Debrief } from "../debrief/model";
import {
  eraseDebrief,
  exportDebrief,
  MAX_SNOOZES,
  secondInterview,
  snooze,
  snoozedSchedule,
  snoozeRefusal,
  stopEmails,
  supersededReason,
} from "./lifecycle";

const DAY = 86_400_000;
const schedule = { nudgeAt: "2026-11-25T08:00:00.000Z", tipsAt: "2026-11-26T08:00:00.000Z" };
const sent = { claimedAt: "x", messageId: "m", sentAt: "x" };

describe("snooze a day", () => {
  it("moves the reminder a day and keeps the tips a day behind it", () => {
    const d = personaDebrief("amira", { schedule });
    expect(snoozedSchedule(d, new Date("2026-11-24T18:00:00Z"))).toEqual({
      nudgeAt: "2026-11-26T08:00:00.000Z",
      tipsAt: "2026-11-27T08:00:00.000Z",
    });
  });

  it("moves only the tips once the reminder has gone out", () => {
    const d = personaDebrief("amira", { schedule, sends: { letter: sent, nudge: sent } });
    expect(snoozedSchedule(d, new Date("2026-11-25T10:00:00Z"))).toEqual({
      nudgeAt: schedule.nudgeAt,
      tipsAt: "2026-11-27T08:00:00.000Z",
    });
  });

  it("counts an overdue email from now, so a snooze always means a day from the click", () => {
    const d = personaDebrief("amira", { schedule });
    const now = new Date("2026-11-25T12:00:00Z");
    const after = snoozedSchedule(d, now);
    expect(Date.parse(after.nudgeAt) - now.getTime()).toBe(DAY);
    expect(Date.parse(after.tipsAt) - Date.parse(after.nudgeAt)).toBe(DAY);
  });

  it("is refused when nothing is left to send, after stop, and past the limit", () => {
    expect(snoozeRefusal(personaDebrief("amira"))).toBeUndefined();
    expect(snoozeRefusal(personaDebrief("amira", { sends: { nudge: sent, tips: sent } }))).toBe("nothing-pending");
    expect(snoozeRefusal(personaDebrief("amira", { stoppedAt: "x" }))).toBe("nothing-pending");
    expect(snoozeRefusal(personaDebrief("amira", { snoozes: MAX_SNOOZES - 1 }))).toBeUndefined();
    expect(snoozeRefusal(personaDebrief("amira", { snoozes: MAX_SNOOZES }))).toBe("limit");
  });
});

describe("the candidate's data", () => {
  it("exports everything stored except the hashes of the secret links", () => {
    const d = personaDebrief("kate", { tokenHashes: ["secret"], letterSentAt: "2026-11-25T09:00:00.000Z" });
    const data = exportDebrief(d);
    expect(data).not.toHaveProperty("tokenHashes");
    expect(JSON.stringify(data)).not.toContain("secret");
    expect(data).toMatchObject({ id: d.id, input: d.input, letterSentAt: d.letterSentAt, schedule: d.schedule });
  });

  it("skips the reminder once a second interview made it moot, and nothing else", () => {
    const d = personaDebrief("amira", { secondInterviewAt: "2026-11-25T09:00:00.000Z" });
    expect(supersededReason("nudge", d)).toBe("superseded");
    expect(supersededReason("tips", d)).toBeUndefined();
    expect(supersededReason("nudge", personaDebrief("amira"))).toBeUndefined();
  });
});

describe("the candidate's say over their emails", () => {
  const setup = async (overrides: Partial<Debrief> = {}) => {
    const store = createMemoryStore();
    const workflow = createMemoryWorkflow();
    const checkins = createMemoryWorkflow();
    const clock = createManualClock("2026-11-24T18:00:00.000Z");
    const d = personaDebrief("amira", { schedule, workflowStartedAt: "2026-11-24T17:00:00.000Z", ...overrides });
    await store.create(d);
    await workflow.start({ debriefId: d.id, ...schedule });
    return { d, store, workflow, checkins, clock, deps: { store, workflow, checkins, clock } };
  };

  it("stop: records the stop once and stops the running execution", async () => {
    const { d, store, workflow, clock, deps } = await setup();
    expect(await stopEmails(d, deps)).toEqual({ changed: true });
    expect((await store.get(d.id, clock.now()))?.stoppedAt).toBe(clock.now().toISOString());
    expect(workflow.executions.get(d.id)?.status).toBe("ABORTED");
    expect(await stopEmails({ ...d, stoppedAt: "x" }, deps)).toEqual({ changed: false });
  });

  it("snooze: starts the moved schedule under a new name before stopping the old execution", async () => {
    const { d, store, workflow, clock, deps } = await setup();
    const result = await snooze(d, deps);
    expect(result).toEqual({ status: "snoozed", ...snoozedSchedule(d, clock.now()) });
    const stored = await store.get(d.id, clock.now());
    expect(stored?.snoozes).toBe(1);
    expect(stored?.workflowName).toBe(`${d.id}-snooze-${clock.now().getTime()}`);
    expect(workflow.executions.get(stored?.workflowName ?? "")?.status).toBe("RUNNING");
    expect(workflow.executions.get(d.id)?.status).toBe("ABORTED");
    expect(await snooze({ ...d, snoozes: MAX_SNOOZES }, deps)).toEqual({ status: "limit" });
  });

  it("second interview: sends the tips now, once", async () => {
    const { d, store, clock, deps } = await setup();
    expect(await secondInterview(d, deps)).toEqual({ status: "sending" });
    const now = clock.now().toISOString();
    expect((await store.get(d.id, clock.now()))?.schedule).toEqual({ nudgeAt: now, tipsAt: now });
    expect(await secondInterview({ ...d, sends: { tips: sent } }, deps)).toEqual({ status: "already-sent" });
  });

  it("delete: stops the execution, even when stopping fails, and erases the debrief", async () => {
    const { d, store, workflow, clock, deps } = await setup();
    workflow.failing = true;
    const failed: string[] = [];
    await eraseDebrief(d, { ...deps, onStopFailed: (id) => failed.push(id) });
    expect(failed).toEqual([d.id]);
    expect(await store.get(d.id, clock.now())).toBeUndefined();
  });
});
