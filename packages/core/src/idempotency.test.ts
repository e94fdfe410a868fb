import { describe, expect, it } from "vitest";
import { debriefIdForKey, IDEMPOTENCY_KEY_PATTERN } from "./idempotency";

describe("idempotency keys", () => {
  it("derive one stable, UUID-shaped debrief id per key and scope", () => {
    const id = debriefIdForKey("api", "2f0c7a4e-5b1d-4c9e-8a63-0d2b9c1e7f40");
    expect(id).toBe(debriefIdForKey("api", "2f0c7a4e-5b1d-4c9e-8a63-0d2b9c1e7f40"));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // A usable Step Functions execution name.
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
  });

  it("keep the API's keys apart from the form's nonces, and different keys apart", () => {
    expect(debriefIdForKey("api", "same-key-123")).not.toBe(debriefIdForKey("form", "same-key-123"));
    expect(debriefIdForKey("api", "same-key-123")).not.toBe(debriefIdForKey("api", "same-key-124"));
  });

  it("accept UUIDs and opaque tokens, not short, long or odd keys", () => {
    expect(IDEMPOTENCY_KEY_PATTERN.test("2f0c7a4e-5b1d-4c9e-8a63-0d2b9c1e7f40")).toBe(true);
    expect(IDEMPOTENCY_KEY_PATTERN.test("order:42.retry_1")).toBe(true);
    for (const bad of ["short", "x".repeat(129), "has space in it", "new\nline-key", "<script>alert</script>"]) {
      expect(IDEMPOTENCY_KEY_PATTERN.test(bad)).toBe(false);
    }
  });
});
