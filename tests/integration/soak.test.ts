import { describe, expect, it } from "vitest";
import { runSoak } from "../../scripts/soak/run";

/**
 * `pnpm soak` at a tenth of its size: the real `pnpm dev` process group killed with SIGKILL while
 * debriefs arrive, started again on the same data; every address must get each email exactly once.
 * Bounded: the stack starts twice (about 10 s each here), the load takes seconds, every workflow
 * ends within three local days, and a wrongly resent email would come within the settle time
 * (longer than the local repair's 45 s window).
 */
describe("the crash soak, small", () => {
  it("gives every address each of its emails exactly once across a SIGKILL of the whole stack mid-load", {
    timeout: 8 * 60_000,
  }, async () => {
    const result = await runSoak({
      debriefs: 100,
      concurrency: 8,
      killAfterMs: 4000,
      waitMs: 4 * 60_000,
      settleMs: 60_000,
      localDaySeconds: 6,
    });
    expect(result.accepted).toMatchObject({ total: 100, refused: 0 });
    // The kill came while debriefs were still arriving: some clients saw it.
    expect(result.retried).toBeGreaterThan(0);
    expect(result.problems).toEqual([]);
    expect(result.emails).toEqual({ expected: 300, complete: 100, missing: 0, duplicated: 0, unclaimed: 0 });
  });
});
