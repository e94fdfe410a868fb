import { describe, expect, it } from "vitest";
import {
  ALL_ZONE_GROUPS,
  allZoneGroups,
  COMMON_TIME_ZONES,
  CURRENT_NAMES,
  SHORT_ZONE_GROUPS,
  zoneLabel,
} from "./time-zones";

const isZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

describe("the form's time zones", () => {
  it("groups every zone the runtime knows once, by region, with UTC under Other", () => {
    const all = ALL_ZONE_GROUPS.flatMap((g) => g.zones);
    expect(new Set(all).size).toBe(all.length);
    const known = Intl.supportedValuesOf("timeZone").map((z) => CURRENT_NAMES[z] ?? z);
    expect(all).toEqual(expect.arrayContaining([...known, "UTC"]));
    expect(all).toHaveLength(new Set([...known, "UTC"]).size);
    expect(all).toContain("Asia/Kolkata");
    expect(all).not.toContain("Europe/Kiev");
    expect(ALL_ZONE_GROUPS.find((g) => g.zones.includes("Europe/Berlin"))?.label).toBe("Europe");
    expect(ALL_ZONE_GROUPS.find((g) => g.zones.includes("UTC"))?.label).toBe("Other");
    expect(allZoneGroups(["UTC", "Asia/Tokyo"]).map((g) => g.zones)).toEqual([["UTC"], ["Asia/Tokyo"]]);
  });

  it("offers current names that name the same zone as the runtime's old ones", () => {
    const resolved = (zone: string) => new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
    for (const [old, current] of Object.entries(CURRENT_NAMES)) expect(resolved(current), current).toBe(resolved(old));
  });

  it("offers a short list of real zones, each once", () => {
    const short = SHORT_ZONE_GROUPS.flatMap((g) => g.zones);
    expect(short.length).toBeLessThan(60);
    expect(new Set(short).size).toBe(short.length);
    for (const zone of short) expect(isZone(zone), zone).toBe(true);
    expect(Object.keys(COMMON_TIME_ZONES)).toEqual(expect.arrayContaining(["Europe", "America", "Asia"]));
  });

  it("names a zone by its place", () => {
    expect(zoneLabel("America/Argentina/Buenos_Aires")).toBe("Argentina / Buenos Aires");
    expect(zoneLabel("Europe/Isle_of_Man")).toBe("Isle of Man");
    expect(zoneLabel("UTC")).toBe("UTC");
  });
});
