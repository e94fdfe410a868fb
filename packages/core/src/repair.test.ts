import { describe, expect, it } from "vitest";
import { claimState, REPAIR_TIMING, SEND_STEP_TIMEOUT_MS } from "./repair";

const CLAIMED = "2026-12-07T10:00:00.000Z";
const after = (ms: number) => new Date(Date.parse(CLAIMED) + ms);
const { stuckAfterMs, confirmWithinMs } = REPAIR_TIMING;

describe("where an email's claim stands", () => {
  it("is answered once SES's id, a refusal or a skip is recorded, however old", () => {
    for (const answer of [{ messageId: "m" }, { rejected: "MessageRejected" }, { skipped: "suppressed" }]) {
      expect(claimState({ claimedAt: CLAIMED, ...answer }, after(10 * confirmWithinMs))).toBe("answered");
    }
  });

  it("is left to its sender until the send step's timeout and a margin have passed, even if SES confirmed it", () => {
    const confirmed = { messageId: "m", event: "Send" as const, at: CLAIMED };
    expect(claimState({ claimedAt: CLAIMED }, after(0))).toBe("sending");
    expect(claimState({ claimedAt: CLAIMED, confirmed }, after(stuckAfterMs - 1))).toBe("sending");
    expect(claimState({ claimedAt: CLAIMED, confirmed }, after(stuckAfterMs))).toBe("confirmed");
    expect(claimState({ claimedAt: CLAIMED, confirmed }, after(10 * confirmWithinMs))).toBe("confirmed");
  });

  it("starts the wait only once no invocation of the send step can still be running", () => {
    expect(stuckAfterMs).toBeGreaterThan(SEND_STEP_TIMEOUT_MS);
    expect(confirmWithinMs).toBeGreaterThan(stuckAfterMs);
  });

  it("waits for SES's event until the window ends, then counts as unconfirmed", () => {
    expect(claimState({ claimedAt: CLAIMED }, after(stuckAfterMs))).toBe("awaiting-confirmation");
    expect(claimState({ claimedAt: CLAIMED }, after(confirmWithinMs - 1))).toBe("awaiting-confirmation");
    expect(claimState({ claimedAt: CLAIMED }, after(confirmWithinMs))).toBe("unconfirmed");
  });
});
