import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SFNClient, StartExecutionCommand } from "@aws-sdk/client-sfn";
import { submitDebrief, systemClock } from "@debrief/core";
import { createDynamoStore, createSfnWorkflow } from "@debrief/core/aws";
import { recordFailure } from "@debrief/functions/record-failure";
import { sendEmail } from "@debrief/functions/steps";
import { loadStageConfig } from "@debrief/infra/config";
import { WORKFLOW_FUNCTIONS } from "@debrief/infra/workflow-definition";
import type { Definition } from "@debrief/local";
import { startLocalStepFunctions } from "@debrief/local";
import { validDebrief } from "@debrief/testkit/debriefs";
import { predictableSchedule } from "@debrief/testkit/env";
import { emailsTo, waitFor } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import validateAsl from "asl-validator";
import { App } from "sst/constructs";
import { load as loadSstConfig } from "sst/stacks/build.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_NAME, extractDefinition, REGION, resourcesOf, type Synthesized, synthesize } from "./synth";

/** The throwaway stage's settings, as the stacks read them. */
const config = loadStageConfig("test", {}, { offlineSynthesis: true });
/** Our handlers (SST adds one CustomResourceHandler per stack for its own metadata). */
const FUNCTIONS = ["ApiHandler", "SendEmail", "RecordFailure", "SesEvents", "Reconcile", "Sweep", "Redrive"];
const LAMBDA_SERVICE_ERRORS = [
  "Lambda.ServiceException",
  "Lambda.AWSLambdaException",
  "Lambda.SdkClientException",
  "Lambda.TooManyRequestsException",
];

type Statement = { Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, unknown>> };
type State = {
  Type: string;
  Next?: string;
  End?: boolean;
  Resource?: string;
  TimeoutSeconds?: number;
  Parameters?: Record<string, unknown>;
  Retry?: { ErrorEquals: string[]; MaxAttempts?: number; BackoffRate?: number; JitterStrategy?: string }[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
};

let synth: Synthesized;
beforeAll(async () => {
  synth = await synthesize("test");
}, 180_000);
afterAll(() => synth?.dispose());

const all = (type: string) =>
  synth.stackNames.flatMap((n) => resourcesOf(synth.template(n.split("-").pop() ?? ""), type));
const ours = () => all("AWS::Lambda::Function").filter((f) => !f.logicalId.startsWith("CustomResourceHandler"));
const functionNamed = (name: string) => {
  const fn = ours().find((f) => f.logicalId.replace(/[0-9A-F]{8}$/, "") === name);
  if (!fn) throw new Error(`No function ${name}`);
  return fn;
};
const statementsOf = (policies: ReturnType<typeof all>) =>
  policies.flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const resources = (s: Statement) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);
/** The inline policy statements of one function's role. */
const roleStatements = (name: string) => {
  const fn = functionNamed(name);
  const role = (fn.Properties.Role as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0];
  return statementsOf(
    all("AWS::IAM::Policy").filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === role)),
  );
};

describe("sst.config.ts (what `sst deploy` runs)", () => {
  it("refuses a stage without its own SES domain, public URL and alarm address: no placeholder outside offline synthesis", async () => {
    // Loaded as `sst deploy` loads it: bundled by SST with every dependency left external, then imported by Node.
    const [, sstConfig] = await loadSstConfig(join(process.cwd(), "sst.config.ts"));
    const app = new App({ mode: "deploy", stage: "test", name: APP_NAME, region: REGION });
    const saved = Object.entries(process.env).filter(([k]) => k.startsWith("DEBRIEF_"));
    for (const [k] of saved) delete process.env[k];
    try {
      await expect(sstConfig.stacks(app)).rejects.toThrow(
        /DEBRIEF_SES_DOMAIN: required.*DEBRIEF_PUBLIC_URL: required.*DEBRIEF_ALARM_EMAIL: required/,
      );
    } finally {
      Object.assign(process.env, Object.fromEntries(saved));
    }
    expect(app.node.children).toHaveLength(0);
  });
});

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

describe("functions", () => {
  it("run Node 22 on arm64 with active tracing, each with its own log group kept 30 days", () => {
    expect(
      ours()
        .map((f) => f.logicalId.replace(/[0-9A-F]{8}$/, ""))
        .sort(),
    ).toEqual([...FUNCTIONS].sort());
    const logGroups = new Map(all("AWS::Logs::LogGroup").map((g) => [g.logicalId, g]));
    for (const fn of ours()) {
      expect(fn.Properties).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        TracingConfig: { Mode: "Active" },
        LoggingConfig: { LogFormat: "JSON" },
      });
      expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: "interview-debrief",
      });
      const ref = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(logGroups.get(ref)?.Properties.RetentionInDays).toBe(30);
    }
  });

  it("keep every log group (functions, the two workflows, API access log) for 30 days", () => {
    const groups = all("AWS::Logs::LogGroup");
    expect(groups.length).toBe(FUNCTIONS.length + 3);
    for (const g of groups) expect(g.Properties.RetentionInDays).toBe(30);
    expect(all("Custom::LogRetention")).toHaveLength(0);
  });

  it("read their settings from SST Config parameters bound to them", () => {
    for (const fn of ours()) {
      const vars = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(vars.SST_Parameter_value_FROM_ADDRESS).toBe(config.fromAddress);
      expect(vars.SST_Parameter_value_PUBLIC_URL).toBe(config.publicUrl);
      // No bot check configured on this stage: the only secrets are the digest and form keys (production.test.ts).
      expect(Object.keys(vars).filter((k) => /^SST_Secret_/.test(k) && !/_(DIGEST|FORM)_SECRET$/.test(k))).toEqual([]);
    }
    const api = (functionNamed("ApiHandler").Properties.Environment as { Variables: Record<string, unknown> })
      .Variables;
    expect(api.SST_Parameter_value_RETENTION_DAYS).toBe("180");
  });

  it("bind the API's tunable settings to the API, the one function that reads them, with their defaults", () => {
    const tunables = (name: string) =>
      Object.fromEntries(
        Object.entries((functionNamed(name).Properties.Environment as { Variables: Record<string, unknown> }).Variables)
          .filter(([k]) => /^SST_Parameter_value_(NUDGE_|TIPS_|RATE_LIMIT_|FORM_MIN_)/.test(k))
          .map(([k, v]) => [k.replace("SST_Parameter_value_", ""), v]),
      );
    expect(tunables("ApiHandler")).toEqual({
      NUDGE_HOUR: "9",
      NUDGE_AFTER_DAYS: "1",
      TIPS_AFTER_DAYS: "1",
      RATE_LIMIT_PER_ADDRESS_PER_DAY: "3",
      RATE_LIMIT_PER_IP_PER_HOUR: "60",
      FORM_MIN_FILL_SECONDS: "3",
    });
    for (const name of FUNCTIONS.filter((n) => n !== "ApiHandler")) expect(tunables(name), name).toEqual({});
  });

  /** The code of one function's bundle, as synthesized for upload. */
  const bundle = (name: string) => {
    const key = (functionNamed(name).Properties.Code as { S3Key: string }).S3Key.replace(/\.zip$/, "");
    const dir = join(synth.directory, `asset.${key}`);
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".mjs"));
    return files.map((f) => readFileSync(join(dir, f), "utf8")).join("\n");
  };
  /** React (which react-email renders with). */
  const REACT = "react.transitional.element";

  it("bundle the API without react-email, and minified, while the send step has it", () => {
    const api = bundle("ApiHandler");
    const steps = bundle("SendEmail");
    // The right bundles: the API starts workflows, the step renders emails.
    expect(api).toContain("StartExecution");
    // React is in the step's bundle and not in the API's.
    expect(steps.includes(REACT)).toBe(true);
    expect(api.includes(REACT)).toBe(false);
    expect(/@react-email|react-dom/.test(api)).toBe(false);
    // The SDK v3 clients the API uses are bundled, and no others.
    // (SSM: the bot check's secret, read at cold start when one is bound.)
    for (const client of ["DynamoDBClient", "SFNClient", "SESv2Client", "SSMClient"]) {
      expect(api.includes(client), client).toBe(true);
    }
    for (const client of ["S3Client", "LambdaClient", "SecretsManagerClient"]) {
      expect(api.includes(client), client).toBe(false);
    }
    // Minified: long lines (unminified source averages well under 100 characters a line).
    expect(api.length / api.split("\n").length).toBeGreaterThan(1000);
  });

  it("bundle RecordFailure from its own entry, without the send step's email rendering", () => {
    expect(functionNamed("RecordFailure").Properties.Handler).toBe(
      "packages/functions/src/record-failure.recordFailure",
    );
    expect(functionNamed("SendEmail").Properties.Handler).toBe("packages/functions/src/steps.sendEmail");
    const recording = bundle("RecordFailure");
    expect(recording).toContain("UpdateItem");
    for (const marker of [REACT, "renderToReadableStream"]) {
      expect(bundle("SendEmail").includes(marker), marker).toBe(true);
      expect(recording.includes(marker), marker).toBe(false);
    }
    // The send step renders without react-email's pretty printer (emails/src/render-html.ts).
    for (const name of ["SendEmail", "RecordFailure"])
      expect(bundle(name).includes("prettier-ignore"), name).toBe(false);
  });
});

describe("API", () => {
  it("is an HTTP API throttled by default, with CORS limited to the configured origins", () => {
    const [api] = all("AWS::ApiGatewayV2::Api");
    expect(api?.Properties).toMatchObject({
      ProtocolType: "HTTP",
      CorsConfiguration: {
        AllowOrigins: config.corsOrigins,
        AllowMethods: ["GET", "POST"],
        // A browser client may retry with a key, call the admin API, and read when to retry and whether it replayed.
        AllowHeaders: ["content-type", "idempotency-key", "authorization"],
        ExposeHeaders: ["retry-after", "idempotent-replayed"],
      },
    });
    expect(config.corsOrigins).toEqual(["https://debrief.example.com"]);
    const [stage] = all("AWS::ApiGatewayV2::Stage");
    expect(stage?.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 50 });
  });

  it("logs access without caller IPs, user agents or paths (a page token is in the path)", () => {
    const [stage] = all("AWS::ApiGatewayV2::Stage");
    const format = (stage?.Properties.AccessLogSettings as { Format: string } | undefined)?.Format ?? "";
    expect(JSON.parse(format)).toHaveProperty("status");
    expect(format).not.toMatch(/sourceIp|userAgent|\$context\.path/);
  });

  it("has no custom domain unless one is configured, and then keeps its default endpoint", () => {
    expect(all("AWS::ApiGatewayV2::DomainName")).toHaveLength(0);
    expect(all("AWS::ApiGatewayV2::Api")[0]?.Properties.DisableExecuteApiEndpoint).toBe(false);
    expect(JSON.stringify(synth.template("Api").Outputs)).not.toContain("apiDomainTarget");
  });
});

describe("workflow", () => {
  type Machine = { States: Record<string, State>; StartAt: string };
  const definition = (machine = "DebriefWorkflow") =>
    extractDefinition(synth.template("Workflow"), machine) as unknown as Machine;
  const both = () => [definition(), definition("CheckinWorkflow")];

  it("has two Standard machines, traced, logging every event but no execution data", () => {
    const machines = all("AWS::StepFunctions::StateMachine");
    expect(machines).toHaveLength(2);
    for (const machine of machines) {
      expect(machine.Properties).toMatchObject({
        StateMachineType: "STANDARD",
        TracingConfiguration: { Enabled: true },
        LoggingConfiguration: { Level: "ALL", IncludeExecutionData: false },
      });
    }
  });

  it("passes asl-validator", () => {
    for (const d of both()) {
      const result = validateAsl(structuredClone(d), { checkPaths: true, checkArn: true });
      expect(result.errors).toEqual([]);
      expect(result.isValid).toBe(true);
    }
  });

  it("times out as a whole after 30 days", () => {
    for (const d of both()) expect((d as { TimeoutSeconds?: number }).TimeoutSeconds).toBe(30 * 86_400);
  });

  /** The states an execution enters when every task succeeds: each is one billed transition. */
  const successPath = (d: Machine) => {
    const path: string[] = [];
    for (let at: string | undefined = d.StartAt; at && path.length < 20; ) {
      path.push(at);
      const state: State | undefined = d.States[at];
      at = state?.End ? undefined : state?.Next;
    }
    return path;
  };

  it("makes five state transitions per debrief, and the check-ins four more only for the debriefs that have them", () => {
    expect(successPath(definition())).toEqual(["SendLetter", "WaitForNudge", "SendNudge", "WaitForTips", "SendTips"]);
    expect(definition().States.SendTips?.End).toBe(true);
    expect(Object.values(definition().States).filter((s) => s.Type === "Choice")).toEqual([]);
    expect(successPath(definition("CheckinWorkflow"))).toEqual([
      "WaitForCheckin7",
      "SendCheckin7",
      "WaitForCheckin14",
      "SendCheckin14",
    ]);
  });

  it("lets the send step start check-in executions of the check-in machine only", () => {
    const starting = statementsOf(all("AWS::IAM::Policy")).filter((s) => actions(s).includes("states:StartExecution"));
    const sendStep = roleStatements("SendEmail").filter((s) => actions(s).includes("states:StartExecution"));
    expect(sendStep).toHaveLength(1);
    expect(starting).toContainEqual(sendStep[0]);
    expect(JSON.stringify(sendStep[0]?.Resource)).toContain("CheckinWorkflow");
    const env = (functionNamed("SendEmail").Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(JSON.stringify(env.CHECKIN_STATE_MACHINE_ARN)).toContain("CheckinWorkflow");
    const [, checkin] = all("AWS::StepFunctions::StateMachine");
    expect(JSON.stringify(env.CHECKIN_STATE_MACHINE_ARN)).toContain(String(checkin?.Properties.StateMachineName));
  });

  it("gives every task a timeout, the recommended Lambda retry with jittered backoff, and a catch that ends in Fail", () => {
    const tasks = both().flatMap((d) =>
      Object.entries(d.States)
        .filter(([, s]) => s.Type === "Task")
        .map(([name, task]) => ({ name, task, states: d.States })),
    );
    expect(tasks.map(({ name }) => name).sort()).toEqual([
      "RecordFailure",
      "RecordFailure",
      "SendCheckin14",
      "SendCheckin7",
      "SendLetter",
      "SendNudge",
      "SendTips",
    ]);
    for (const { name, task, states } of tasks) {
      expect(task.TimeoutSeconds, name).toBeGreaterThan(0);
      const serviceRetry = task.Retry?.find((r) => LAMBDA_SERVICE_ERRORS.every((e) => r.ErrorEquals.includes(e)));
      expect(serviceRetry, name).toMatchObject({ JitterStrategy: "FULL" });
      expect(serviceRetry?.BackoffRate, name).toBeGreaterThan(1);
      expect(serviceRetry?.MaxAttempts, name).toBeGreaterThan(1);
      const caught = task.Catch?.find((c) => c.ErrorEquals.includes("States.ALL"));
      expect(caught, name).toBeDefined();
      // Follow the catch path: it must record the failure (unless it is the recording) and end in Fail.
      const path: string[] = [];
      for (let at: string | undefined = caught?.Next; at; ) {
        path.push(at);
        const state: State | undefined = states[at];
        if (!state || state.Type === "Fail" || path.length > 10) break;
        at = state.End ? undefined : state.Next;
      }
      expect(states[path.at(-1) ?? ""]?.Type, name).toBe("Fail");
      if (name !== "RecordFailure") expect(path, name).toContain("RecordFailure");
    }
  });

  it("gives the send steps ids only, never personal data", () => {
    const states = Object.assign({}, ...both().map((d) => d.States)) as Record<string, State>;
    for (const name of ["SendLetter", "SendNudge", "SendTips", "SendCheckin7", "SendCheckin14"]) {
      expect(Object.keys(states[name]?.Parameters ?? {}).sort()).toEqual(["debriefId.$", "kind"]);
    }
  });
});

describe("email", () => {
  it("sends from the configured domain identity with DKIM, through a configuration set suppressing bounces and complaints", () => {
    const [identity] = all("AWS::SES::EmailIdentity");
    expect(identity?.Properties).toMatchObject({
      EmailIdentity: config.sesDomain,
      DkimAttributes: { SigningEnabled: true },
    });
    const [set] = all("AWS::SES::ConfigurationSet");
    expect(set?.Properties.SuppressionOptions).toEqual({ SuppressedReasons: ["BOUNCE", "COMPLAINT"] });
    expect(
      (identity?.Properties.ConfigurationSetAttributes as { ConfigurationSetName: unknown } | undefined)
        ?.ConfigurationSetName,
    ).toEqual({
      Ref: set?.logicalId,
    });
  });

  it("publishes bounces and complaints to EventBridge, where a rule feeds the SES event handler", () => {
    const [destination] = all("AWS::SES::ConfigurationSetEventDestination");
    const props = destination?.Properties.EventDestination as Record<string, unknown>;
    expect(props).toMatchObject({ Enabled: true, MatchingEventTypes: ["bounce", "complaint"] });
    expect(props.EventBridgeDestination).toBeDefined();
    const rules = all("AWS::Events::Rule");
    expect(rules).toHaveLength(1);
    const rule = rules[0]?.Properties as { EventPattern: Record<string, unknown>; Targets: Record<string, unknown>[] };
    expect(rule.EventPattern).toMatchObject({
      source: ["aws.ses"],
      "detail-type": ["Email Bounced", "Email Complaint Received"],
    });
    expect(rule.Targets).toHaveLength(1);
    expect(rule.Targets[0]).toMatchObject({ RetryPolicy: { MaximumRetryAttempts: 10 } });
    expect(rule.Targets[0]?.DeadLetterConfig).toBeDefined();
    expect(JSON.stringify(rule.Targets[0]?.Arn)).toContain("SesEvents");
  });

  it("grants ses:SendEmail to the send step and the API (advisors' sign-in links) only, on the identity and configuration set, from the configured address", () => {
    const sending = statementsOf(all("AWS::IAM::Policy")).filter((s) => actions(s).some((a) => /^ses:Send/.test(a)));
    expect(sending).toHaveLength(2);
    expect(roleStatements("SendEmail")).toContainEqual(sending[0]);
    expect(roleStatements("ApiHandler")).toContainEqual(sending[1]);
    for (const statement of sending) {
      expect(actions(statement)).toEqual(["ses:SendEmail"]);
      expect(resources(statement)).toHaveLength(2);
      expect(JSON.stringify(statement.Resource)).not.toMatch(/"\*"|identity\/\*/);
      expect(statement.Condition).toEqual({ StringEquals: { "ses:FromAddress": config.fromAddress } });
    }
  });
});

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
      SesEvents: ["dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:Query"],
      Reconcile: ["dynamodb:Scan", "dynamodb:UpdateItem"],
      Sweep: ["dynamodb:DeleteItem", "dynamodb:Scan"],
      Redrive: ["dynamodb:Scan", "dynamodb:UpdateItem"],
    });
    // A centre's statistics come from a Query on its student index, by the API alone.
    const studentIndex = FUNCTIONS.filter((name) =>
      roleStatements(name).some((s) => JSON.stringify(s.Resource).includes("/index/byCentreStudent")),
    );
    expect(studentIndex).toEqual(["ApiHandler"]);
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
    expect(can.sort()).toEqual(["ApiHandler", "SendEmail", "SesEvents"]);
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

describe("operations", () => {
  it("runs the reconciler every 15 minutes and the sweeper daily on EventBridge Scheduler, with retries and a DLQ", () => {
    const schedules = all("AWS::Scheduler::Schedule").map((s) => s.Properties as Record<string, unknown>);
    expect(schedules.map((s) => s.ScheduleExpression).sort()).toEqual(["rate(1 day)", "rate(15 minutes)"]);
    for (const s of schedules) {
      expect(s.Target).toMatchObject({ RetryPolicy: { MaximumRetryAttempts: 2 } });
      expect((s.Target as { DeadLetterConfig?: unknown }).DeadLetterConfig).toBeDefined();
    }
    const targets = schedules.map((s) => JSON.stringify((s.Target as { Arn: unknown }).Arn));
    expect(targets.some((t) => t.includes("Reconcile"))).toBe(true);
    expect(targets.some((t) => t.includes("Sweep"))).toBe(true);
  });

  it("sends failed asynchronous invocations to the dead-letter queue", () => {
    const configs = all("AWS::Lambda::EventInvokeConfig");
    expect(configs).toHaveLength(3);
    for (const c of configs) expect(c.Properties.DestinationConfig).toMatchObject({ OnFailure: {} });
  });

  it("outputs the redrive function's name for the operator's command", () => {
    expect(JSON.stringify(synth.template("Operations").Outputs)).toContain("Redrive");
  });
});

describe("alarms", () => {
  it("watch failed and timed-out executions, every function's errors and throttles, dead letters and SES reputation", () => {
    const alarms = all("AWS::CloudWatch::Alarm").map((a) => a.Properties as Record<string, unknown>);
    const metric = (name: string) => alarms.filter((a) => a.MetricName === name);
    // Both machines: the debrief's workflow and the check-ins.
    expect(metric("ExecutionsFailed")).toHaveLength(2);
    expect(metric("ExecutionsTimedOut")).toHaveLength(2);
    expect(metric("Errors")).toHaveLength(FUNCTIONS.length);
    expect(metric("Throttles")).toHaveLength(FUNCTIONS.length);
    expect(metric("ApproximateNumberOfMessagesVisible")).toHaveLength(1);
    expect(metric("Reputation.BounceRate")).toMatchObject([{ Namespace: "AWS/SES", Threshold: 0.04 }]);
    expect(metric("Reputation.ComplaintRate")).toMatchObject([{ Namespace: "AWS/SES", Threshold: 0.0008 }]);
    expect(alarms).toHaveLength(7 + 2 * FUNCTIONS.length);
  });

  it("notify one SNS topic, subscribed by the configured address", () => {
    const [topic] = all("AWS::SNS::Topic");
    for (const a of all("AWS::CloudWatch::Alarm")) {
      expect(a.Properties.AlarmActions).toEqual([{ Ref: topic?.logicalId }]);
    }
    const [subscription] = all("AWS::SNS::Subscription");
    expect(subscription?.Properties).toMatchObject({ Protocol: "email", Endpoint: config.alarmEmail });
    expect(subscription?.Properties.RedrivePolicy).toBeDefined();
  });
});

describe("cdk-nag", () => {
  it("finds nothing unsuppressed in the AwsSolutions and Serverless packs", () => {
    expect(synth.findings()).toEqual([]);
  });

  it("records a reason with every suppression", () => {
    const reasons = synth.stackNames.flatMap((n) =>
      Object.values(synth.template(n.split("-").pop() ?? "").Resources).flatMap(
        (r) =>
          (r as { Metadata?: { cdk_nag?: { rules_to_suppress: { id: string; reason: string }[] } } }).Metadata?.cdk_nag
            ?.rules_to_suppress ?? [],
      ),
    );
    expect(reasons.length).toBeGreaterThan(10);
    for (const r of reasons) expect(r.reason.length, r.id).toBeGreaterThan(20);
  });
});

describe("the synthesized workflow on the local Step Functions service", () => {
  const DAY_S = 2;
  const MACHINE_ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:Synthesized";
  let stack: TestStack;
  let service: Awaited<ReturnType<typeof startLocalStepFunctions>>;
  let dataDir: string;
  /** Faults the next calls of the send step should throw, by email kind. */
  const faults = new Map<string, Error[]>();
  const calls: string[] = [];

  const fault = (name: string, message: string) => Object.assign(new Error(message), { name });
  const sendWithFaults = async (input: unknown) => {
    const kind = String((input as { kind?: unknown }).kind);
    calls.push(kind);
    const next = faults.get(kind)?.shift();
    if (next) throw next;
    return sendEmail(input);
  };

  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: DAY_S, env: predictableSchedule() });
    dataDir = mkdtempSync(join(tmpdir(), "debrief-synth-sfn-"));
    service = await startLocalStepFunctions(
      {
        definition: extractDefinition(synth.template("Workflow")) as Definition,
        stateMachineArn: MACHINE_ARN,
        handlers: { [WORKFLOW_FUNCTIONS.sendEmail]: sendWithFaults, [WORKFLOW_FUNCTIONS.recordFailure]: recordFailure },
        dataFile: join(dataDir, "executions.json"),
        localDaySeconds: DAY_S,
      },
      0,
    );
  }, 120_000);
  afterAll(async () => {
    await service?.close();
    await stack?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const store = () => createDynamoStore(process.env.TABLE_NAME ?? "");
  /** Stores a debrief and starts its workflow on the synthesized machine (not the stack's own). */
  async function submit(body = validDebrief()) {
    const env = predictableSchedule();
    const result = await submitDebrief(body, {
      store: store(),
      workflow: createSfnWorkflow(MACHINE_ARN, new SFNClient({ endpoint: service.endpoint })),
      clock: systemClock,
      schedule: {
        nudgeHour: Number(env.NUDGE_HOUR),
        nudgeAfterDays: Number(env.NUDGE_AFTER_DAYS),
        tipsAfterDays: Number(env.TIPS_AFTER_DAYS),
      },
      retentionDays: 180,
    });
    if (result.kind !== "accepted") throw new Error(`Not accepted: ${result.kind}`);
    return { id: result.id, email: body.candidate.email };
  }
  const finished = (name: string) =>
    waitFor(
      async () => {
        const e = service.executions().find((x) => x.name === name);
        return e && e.status !== "RUNNING" ? e : undefined;
      },
      { timeoutMs: 4 * DAY_S * 1000, what: `execution ${name} to finish` },
    );

  it("retries a send that fails twice with a throttling error, then sends it once", async () => {
    faults.set("letter", [
      fault("Lambda.TooManyRequestsException", "Rate exceeded"),
      fault("Lambda.TooManyRequestsException", "Rate exceeded"),
    ]);
    calls.length = 0;
    const { id, email } = await submit();
    const execution = await finished(id);
    expect(execution.status).toBe("SUCCEEDED");
    expect(calls.filter((k) => k === "letter")).toHaveLength(3);
    const subjects = (await emailsTo(stack.inboxUrl, email)).map((m) => m.subject);
    expect(subjects).toHaveLength(3);
    expect(subjects.filter((s) => s.startsWith("Following up"))).toHaveLength(1);
    const debrief = await store().get(id, new Date());
    expect(debrief?.sends.letter?.messageId).toBeTruthy();
    expect(debrief?.failure).toBeUndefined();
  });

  it("takes the catch path on a permanent failure: recorded on the debrief, the execution failed", async () => {
    faults.set("nudge", [fault("InvalidStepInputError", "Unknown email kind")]);
    calls.length = 0;
    const { id, email } = await submit();
    const execution = await finished(id);
    expect(execution.status).toBe("FAILED");
    // The local library reports the Fail state as an ExecutionError carrying the state's cause.
    expect(execution.cause).toContain("the failure is recorded on the debrief");
    // Not retried: a permanent error goes straight to the catch.
    expect(calls.filter((k) => k === "nudge")).toHaveLength(1);
    const debrief = await store().get(id, new Date());
    expect(debrief?.failure).toMatchObject({ step: "nudge", error: "InvalidStepInputError" });
    // The letter went out before the failure; nothing after it did.
    expect((await emailsTo(stack.inboxUrl, email)).map((m) => m.subject)).toHaveLength(1);
  });

  it("still runs an execution started by the previous release, whose input had only the id and the times", async () => {
    const { id, email } = await submit();
    await finished(id);
    const debrief = await store().get(id, new Date());
    // Release 1's execution input, written out as it was (not built by today's workflowInput()).
    const previousRelease = { debriefId: id, nudgeAt: debrief?.schedule.nudgeAt, tipsAt: debrief?.schedule.tipsAt };
    const name = `${id}-previous`;
    await new SFNClient({ endpoint: service.endpoint }).send(
      new StartExecutionCommand({ stateMachineArn: MACHINE_ARN, name, input: JSON.stringify(previousRelease) }),
    );
    expect((await finished(name)).status).toBe("SUCCEEDED");
    // Every send was already claimed by the first run: the re-run sends nothing twice.
    expect(await emailsTo(stack.inboxUrl, email)).toHaveLength(3);
  });
});
