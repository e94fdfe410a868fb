import { describe, expect, it } from "vitest";
import { checkinSkipReason, checkinTimes, outcomeOf } from "./checkins";
import { centreSettingsSchema, DEFAULT_MIN_GROUP_SIZE, emailAllowed, minGroupSizeOf } from "./model";

describe("emailAllowed", () => {
  const centre = { allowedDomains: ["uni.example.edu"] };
  it.each([
    ["lena@uni.example.edu", true],
    ["lena@Mail.UNI.example.edu", true],
    ["lena@uni.example.edu.evil.com", false],
    ["lena@notuni.example.edu", false],
    ["lena@gmail.com", false],
  ])("%s → %s", (email, ok) => expect(emailAllowed(centre, email)).toBe(ok));
  it("lets anyone in when the centre lists no domains", () => {
    expect(emailAllowed({ allowedDomains: [] }, "a@b.org")).toBe(true);
  });
});

describe("centreSettingsSchema", () => {
  const base = { slug: "northfield", displayName: "Northfield", advisor: { name: "P", email: "p@n.edu" } };
  it("keeps timing overrides within safe bounds", () => {
    const bad = centreSettingsSchema.safeParse({ ...base, timing: { nudgeHour: 3, tipsAfterDays: 30 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "timing.nudgeHour: At least 7",
      "timing.tipsAfterDays: At most 7",
    ]);
    expect(centreSettingsSchema.parse({ ...base, timing: { nudgeHour: 8 } }).timing).toEqual({ nudgeHour: 8 });
  });
  it("lets a centre lower the minimum group size to 5, never below, and defaults it to 10", () => {
    expect(minGroupSizeOf(centreSettingsSchema.parse(base))).toBe(DEFAULT_MIN_GROUP_SIZE);
    expect(minGroupSizeOf(centreSettingsSchema.parse({ ...base, minGroupSize: 5 }))).toBe(5);
    const low = centreSettingsSchema.safeParse({ ...base, minGroupSize: 4 });
    expect(low.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual(["minGroupSize: At least 5"]);
    expect(centreSettingsSchema.safeParse({ ...base, minGroupSize: 7.5 }).success).toBe(false);
  });
  it("refuses a logo that is not https and a colour that is not #rrggbb", () => {
    const r = centreSettingsSchema.safeParse({ ...base, logoUrl: "javascript:alert(1)", accentColour: "red" });
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["logoUrl", "accentColour"]);
  });
});

describe("check-ins", () => {
  const schedule = { nudgeAt: "2026-11-26T09:00:00.000Z", tipsAt: "2026-11-27T09:00:00.000Z" };
  it("falls 7 and 14 days after the interview at the given local hour", () => {
    expect(checkinTimes("2026-11-25", "Europe/Berlin", 9, schedule)).toEqual({
      checkin7: "2026-12-02T08:00:00.000Z",
      checkin14: "2026-12-09T08:00:00.000Z",
    });
  });
  it("never comes before the tips, and keeps a week between the two", () => {
    expect(checkinTimes("2026-11-01", "UTC", 9, schedule)).toEqual({
      checkin7: "2026-11-27T09:00:00.000Z",
      checkin14: "2026-12-04T09:00:00.000Z",
    });
  });
  it("skips check-ins once an outcome or 'stop asking' is given, and only check-ins", () => {
    const d = (answer?: "no_reply" | "offer" | "stop") =>
      ({ checkins: answer ? { checkin7: { answer, at: "x" } } : undefined }) as never;
    expect(checkinSkipReason("checkin14", d())).toBeUndefined();
    expect(checkinSkipReason("checkin14", d("no_reply"))).toBeUndefined();
    expect(checkinSkipReason("checkin14", d("offer"))).toBe("outcome-given");
    expect(checkinSkipReason("checkin14", d("stop"))).toBe("outcome-given");
    expect(checkinSkipReason("tips", d("stop"))).toBeUndefined();
    expect(outcomeOf(d("offer"))).toEqual({ secondInterview: true, offer: true });
  });
});
