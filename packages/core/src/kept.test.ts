import { describe, expect, it } from "vitest";
import { keptUntilFailure } from "./kept";

describe("keptUntilFailure", () => {
  it("loads once for every caller, those that come while it runs too", async () => {
    let loads = 0;
    const get = keptUntilFailure(async () => ++loads);
    expect(await Promise.all([get(), get()])).toEqual([1, 1]);
    expect(await get()).toBe(1);
    expect(loads).toBe(1);
  });

  it("does not keep a failure: the next call loads again", async () => {
    let loads = 0;
    const get = keptUntilFailure(async () => {
      loads++;
      if (loads === 1) throw new Error("unreachable");
      return "key";
    });
    await expect(get()).rejects.toThrow("unreachable");
    expect(await get()).toBe("key");
    expect(await get()).toBe("key");
    expect(loads).toBe(2);
  });
});
