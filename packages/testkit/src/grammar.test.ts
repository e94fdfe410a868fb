import { describe, expect, it } from "vitest";
import { grammarFindings } from "./grammar";

describe("the grammar checker", () => {
  it("finds a lower-case sentence start and a lower-case i", async () => {
    const kinds = (await grammarFindings("Thank you for your time. i would welcome another conversation.")).map(
      (f) => f.kind,
    );
    expect(kinds).toContain("Capitalization");
  });

  it("passes a careful sentence", async () => {
    expect(await grammarFindings("Thank you for your time. I would welcome another conversation.")).toEqual([]);
  });

  it("excuses a spelling finding only on an allow-listed word, and never a capitalisation finding", async () => {
    const text = "Thank you, Jonas Wéberquist, for your time.";
    const unknown = await grammarFindings(text);
    expect(unknown.some((f) => f.problem.includes("Wéberquist"))).toBe(true);
    expect(await grammarFindings(text, { allow: ["Wéberquist"] })).toEqual([]);
    const lowerI = await grammarFindings("Thank you for your time. i would welcome it.", { allow: ["i"] });
    expect(lowerI.map((f) => f.kind)).toContain("Capitalization");
  });
});
