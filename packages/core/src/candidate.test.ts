import { personaDebrief } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import {
  emailActions,
  exportDebrief,
  letterChoices,
  MAX_SNOOZES,
  snoozedSchedule,
  snoozeRefusal,
  supersededReason,
} from "./candidate";
import { currentDraft } from "./content/draft";
import { composeLetter, letterAsText } from "./content/letter";

const DAY = 86_400_000;
const schedule = { nudgeAt: "2026-11-25T08:00:00.000Z", tipsAt: "2026-11-26T08:00:00.000Z" };
const sent = { claimedAt: "x", messageId: "m", sentAt: "x" };

describe("snooze a day", () => {
  it("moves the nudge a day and keeps the tips a day behind it", () => {
    const d = personaDebrief("amira", { schedule });
    expect(snoozedSchedule(d, new Date("2026-11-24T18:00:00Z"))).toEqual({
      nudgeAt: "2026-11-26T08:00:00.000Z",
      tipsAt: "2026-11-27T08:00:00.000Z",
    });
  });

  it("moves only the tips once the nudge has gone out", () => {
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

  it("skips the nudge once a second interview made it moot, and nothing else", () => {
    const d = personaDebrief("amira", { secondInterviewAt: "2026-11-25T09:00:00.000Z" });
    expect(supersededReason("nudge", d)).toBe("superseded");
    expect(supersededReason("tips", d)).toBeUndefined();
    expect(supersededReason("nudge", personaDebrief("amira"))).toBeUndefined();
  });
});

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

describe("the letter's length and the parts put back", () => {
  it("offers what the composer leaves out at the stored length, each marked when it was put back", () => {
    const kate = personaDebrief("kate");
    const full = letterChoices(kate);
    expect(full.length).toBe("full");
    expect(full.parts.map((p) => p.part)).toEqual(composeLetter(kate.input).omitted.map((o) => o.part));
    expect(full.parts.every((p) => !p.included)).toBe(true);

    const short = {
      ...kate,
      input: { ...kate.input, length: "short" as const },
      letterInclude: ["references" as const],
    };
    const choices = letterChoices(short);
    expect(choices.length).toBe("short");
    // A part put back is still offered, so it can be taken out again.
    expect(choices.parts.find((p) => p.part === "references")?.included).toBe(true);
    expect(choices.parts.filter((p) => p.included)).toHaveLength(1);
  });

  it("is what currentDraft composes, so the page, the .eml and every mailto agree", () => {
    const kate = personaDebrief("kate");
    const short = { ...kate, input: { ...kate.input, length: "short" as const } };
    expect(currentDraft(short).body).toBe(letterAsText(composeLetter(kate.input, { length: "short" })));
    const back = { ...short, letterInclude: ["references" as const] };
    expect(currentDraft(back).body).toBe(
      letterAsText(composeLetter(kate.input, { length: "short", include: ["references"] })),
    );
    expect(currentDraft(back).body).not.toBe(currentDraft(short).body);
    // A draft the candidate edited wins over any choice.
    const edited = { ...back, draft: { subject: "Mine", body: "My words", editedAt: "x" } };
    expect(currentDraft(edited)).toEqual({ subject: "Mine", body: "My words", edited: true });
  });
});
