import { describe, expect, it } from "vitest";
import { actions, FUNCTIONS, resources, testStageTemplates } from "./template";

const { all, functionNamed, statementsOf, roleStatements } = testStageTemplates();

describe("least privilege", () => {
  it("has no wildcard resource on any data, email or workflow action, and no wildcard action", () => {
    for (const s of statementsOf(all("AWS::IAM::Policy"))) {
      const sensitive = actions(s).filter((a) => /^(dynamodb|ses:Send|states:(Start|Stop)|sqs:Send)/.test(a));
      expect(actions(s).filter((a) => a.endsWith(":*") || a === "*")).toEqual([]);
      if (sensitive.length) expect(resources(s), sensitive.join()).not.toContain("*");
    }
  });

  it("gives each function only the table actions it uses", () => {
    const tableActions = (name: string) =>
      roleStatements(name)
        .flatMap(actions)
        .filter((a) => a.startsWith("dynamodb:"))
        .sort();
    // Every role's table actions, whole. No Scan for the API (no route lists the table), the send step or
    // SES events (a bounce finds the address's debriefs through the address index); no GetItem or PutItem
    // for SES events and the reconciler, whose digest key is their bound secret, never the table's.
    expect(Object.fromEntries(FUNCTIONS.map((name) => [name, [...new Set(tableActions(name))]]))).toEqual({
      ApiHandler: [
        "dynamodb:BatchGetItem",
        "dynamodb:DeleteItem",
        "dynamodb:DescribeTable",
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:Query",
        "dynamodb:UpdateItem",
      ],
      SendEmail: [
        "dynamodb:BatchGetItem",
        "dynamodb:DeleteItem",
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
      ],
      RecordFailure: ["dynamodb:UpdateItem"],
      SesEvents: ["dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"],
      Reconcile: ["dynamodb:Scan", "dynamodb:UpdateItem"],
      RepairSends: ["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Scan", "dynamodb:UpdateItem"],
      Sweep: ["dynamodb:DeleteItem", "dynamodb:Scan"],
      Redrive: ["dynamodb:Scan", "dynamodb:UpdateItem"],
      // The subscribers, centres and teams (GetItem), the week's figures (Query), a claim per email and its release.
      WeeklyDigest: ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
    });
    // A centre's statistics come from a Query on its student index, by the API and the weekly email only.
    const studentIndex = FUNCTIONS.filter((name) =>
      roleStatements(name).some((s) => JSON.stringify(s.Resource).includes("/index/byCentreStudent")),
    );
    expect(studentIndex).toEqual(["ApiHandler", "WeeklyDigest"]);
    for (const name of FUNCTIONS) {
      for (const s of roleStatements(name).filter((st) => actions(st).some((a) => a.startsWith("dynamodb:")))) {
        expect(resources(s), name).toHaveLength(1);
        // The table itself, or one named index (Query on a centre's debriefs): never `index/*`.
        expect(JSON.stringify(s.Resource), name).not.toContain("index/*");
        if (JSON.stringify(s.Resource).includes("/index/")) expect(actions(s), name).toEqual(["dynamodb:Query"]);
      }
    }
  });

  it("lets only the functions that check the suppression list (both digests in one request) BatchGetItem, on the table", () => {
    const can = FUNCTIONS.filter((name) =>
      roleStatements(name).some((s) => actions(s).includes("dynamodb:BatchGetItem")),
    );
    // The send step before every email, SES events and the API ("this wasn't me", the candidate's page): isSuppressed's callers.
    expect(can.sort()).toEqual(["ApiHandler", "RepairSends", "SendEmail", "SesEvents"]);
    const send = roleStatements("SendEmail").find((s) => actions(s).includes("dynamodb:BatchGetItem"));
    expect(JSON.stringify(send?.Resource)).toMatch(/DebriefsTable.*Arn/);
    expect(JSON.stringify(send?.Resource)).not.toContain("/index/");
  });

  it("lets only the API, the reconciler and the redrive start workflows (the send step check-ins), and only the API and SES events stop them", () => {
    const can = (action: string) =>
      FUNCTIONS.filter((name) => roleStatements(name).some((s) => actions(s).includes(action))).sort();
    expect(can("states:StartExecution")).toEqual(["ApiHandler", "Reconcile", "Redrive", "SendEmail"]);
    expect(can("states:StopExecution")).toEqual(["ApiHandler", "SesEvents"]);
    // Both stop a debrief's check-ins with its own execution ("stop emails", erasure, a bounce).
    for (const name of ["ApiHandler", "SesEvents"]) {
      const stop = roleStatements(name).find((s) => actions(s).includes("states:StopExecution"));
      expect(JSON.stringify(stop?.Resource), name).toMatch(/Workflow.*CheckinWorkflow|CheckinWorkflow.*Workflow/s);
      expect(stop?.Resource, name).toHaveLength(2);
      const vars = (functionNamed(name).Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(Object.keys(vars), name).toContain("CHECKIN_STATE_MACHINE_ARN");
    }
  });
});
