import type { LocalStackOptions } from "@debrief/local";
import { afterAll, beforeAll } from "vitest";
import { sharedChromium } from "./chromium";
import { startTestStack, type TestStack } from "./stack";

/**
 * A describe block's local stack and its Chromium: Chromium starts launching beside the
 * stack's start in beforeAll, and both stop in afterAll. `stack` is there once beforeAll ran.
 */
export function stackWithChromium(options: LocalStackOptions = {}) {
  const chromium = sharedChromium();
  let started: TestStack | undefined;
  beforeAll(async () => {
    chromium.warmUp();
    started = await startTestStack(options);
  });
  afterAll(async () => {
    await chromium.close();
    await started?.dispose();
  });
  return {
    chromium,
    get stack(): TestStack {
      if (!started) throw new Error("The stack starts in beforeAll");
      return started;
    },
  };
}
