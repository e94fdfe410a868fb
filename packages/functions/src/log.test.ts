import { describe, expect, it } from "vitest";
import { errorName } from "./log";

describe("errorName", () => {
  it("names an error by its class, never by its message, and anything else by its type", () => {
    class StoreUnavailableError extends Error {
      override name = "StoreUnavailableError";
    }
    expect(errorName(new StoreUnavailableError("amira@example.com is unreachable"))).toBe("StoreUnavailableError");
    expect(errorName(new TypeError("x"))).toBe("TypeError");
    expect(errorName("amira@example.com")).toBe("string");
    expect(errorName(undefined)).toBe("undefined");
  });
});
