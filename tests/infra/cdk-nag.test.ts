import { describe, expect, it } from "vitest";
import { testStageTemplates } from "./template";

const { synth } = testStageTemplates();

describe("cdk-nag", () => {
  it("finds nothing unsuppressed in the AwsSolutions and Serverless packs", () => {
    expect(synth().findings()).toEqual([]);
  });

  it("records a reason with every suppression", () => {
    const reasons = synth().stackNames.flatMap((n) =>
      Object.values(synth().template(n.split("-").pop() ?? "").Resources).flatMap(
        (r) =>
          (r as { Metadata?: { cdk_nag?: { rules_to_suppress: { id: string; reason: string }[] } } }).Metadata?.cdk_nag
            ?.rules_to_suppress ?? [],
      ),
    );
    expect(reasons.length).toBeGreaterThan(10);
    for (const r of reasons) expect(r.reason.length, r.id).toBeGreaterThan(20);
  });
});
