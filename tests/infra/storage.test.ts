import { describe, expect, it } from "vitest";
import { testStageTemplates } from "./template";

const { all } = testStageTemplates();

describe("storage", () => {
  it("is one on-demand table with point-in-time recovery, the ttl attribute, one key and three sparse indexes", () => {
    const tables = all("AWS::DynamoDB::Table");
    expect(tables).toHaveLength(1);
    const [table] = tables;
    expect(table?.Properties).toMatchObject({
      BillingMode: "PAY_PER_REQUEST",
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: "ttl", Enabled: true },
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
    });
    // Three indexes, projecting nothing personal: career centres' debriefs (the share list), the students a
    // centre's statistics count (proven ones only, by the keyed digest of the normalised address), and an
    // address's debriefs by the keyed digest of the address ("this wasn't me" and bounces, without a Scan).
    expect(table?.Properties.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: "byCentre",
        KeySchema: [
          { AttributeName: "centre", KeyType: "HASH" },
          { AttributeName: "createdAt", KeyType: "RANGE" },
        ],
        Projection: {
          ProjectionType: "INCLUDE",
          NonKeyAttributes: [
            "id",
            "expiresAt",
            "cohort",
            "letterSentAt",
            "secondInterviewAt",
            "checkins",
            "shareWithCentre",
          ],
        },
      },
      {
        IndexName: "byCentreStudent",
        KeySchema: [
          { AttributeName: "countedIn", KeyType: "HASH" },
          { AttributeName: "createdAt", KeyType: "RANGE" },
        ],
        Projection: {
          ProjectionType: "INCLUDE",
          NonKeyAttributes: [
            "expiresAt",
            "cohort",
            "letterSentAt",
            "secondInterviewAt",
            "checkins",
            "studentDigest",
            "insightFacts",
          ],
        },
      },
      {
        IndexName: "byAddress",
        KeySchema: [{ AttributeName: "addressDigest", KeyType: "HASH" }],
        Projection: {
          ProjectionType: "INCLUDE",
          NonKeyAttributes: ["id", "expiresAt", "workflowName", "workflowStartedAt"],
        },
      },
    ]);
    expect(table?.Properties.StreamSpecification).toBeUndefined();
  });

  it("is destroyed with a throwaway stage", () => {
    const [table] = all("AWS::DynamoDB::Table");
    expect(table?.DeletionPolicy).toBe("Delete");
    expect(table?.Properties.DeletionProtectionEnabled).toBe(false);
  });
});
