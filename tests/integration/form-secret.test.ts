import { sharedFormSecret } from "@debrief/core/aws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../support/stack";
import { tableItems } from "../support/table";

describe("the shared form-ticket key (no FORM_SECRET configured)", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  it("is made once and read by every instance, even when they start together", async () => {
    const table = process.env.TABLE_NAME ?? "";
    const keys = await Promise.all(Array.from({ length: 8 }, () => sharedFormSecret(table)));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await sharedFormSecret(table)).toBe(keys[0]);
    expect((await tableItems()).filter((i) => i.pk === "CONFIG#form-ticket-key")).toHaveLength(1);
  });
});
