import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { config, FUNCTIONS, testStageTemplates } from "./template";

const { synth, all, ours, functionNamed } = testStageTemplates();

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
    // The stage's settings, defaults included (infra/config.test.ts pins the defaults).
    expect(Object.keys(config.apiSettings).length).toBeGreaterThan(0);
    expect(tunables("ApiHandler")).toEqual(config.apiSettings);
    for (const name of FUNCTIONS.filter((n) => n !== "ApiHandler")) expect(tunables(name), name).toEqual({});
  });

  /** The code of one function's bundle, as synthesized for upload. */
  const bundle = (name: string) => {
    const key = (functionNamed(name).Properties.Code as { S3Key: string }).S3Key.replace(/\.zip$/, "");
    const dir = join(synth().directory, `asset.${key}`);
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".mjs"));
    return files.map((f) => readFileSync(join(dir, f), "utf8")).join("\n");
  };
  /** The module a function's Handler names (`packages/functions/src/api.handler` → `…/api.mjs`). */
  const entryModule = (name: string) => {
    const fn = functionNamed(name).Properties;
    const key = (fn.Code as { S3Key: string }).S3Key.replace(/\.zip$/, "");
    const file = `${String(fn.Handler).replace(/\.[^./]+$/, "")}.mjs`;
    return readFileSync(join(synth().directory, `asset.${key}`, file), "utf8");
  };
  /** React (which react-email renders with). */
  const REACT = "react.transitional.element";

  it("bundle the weekly email from its own entry, with its template and none of the candidate's emails", () => {
    const weekly = bundle("WeeklyDigest");
    expect(weekly.includes(REACT)).toBe(true);
    expect(weekly).toContain("Open the week's insights");
    // The candidate's emails' shared footer and the letter's composer stay in the send step.
    expect(weekly).not.toContain("Did not fill in a debrief?");
    expect(bundle("SendEmail")).toContain("Did not fill in a debrief?");
  });

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
    // Minified: long lines (unminified source averages well under 100 characters a line), judged on the
    // handler's entry module: a chunk of data (the tidy step's lexicon, a word a line) is not code.
    const entry = entryModule("ApiHandler");
    expect(entry.length / entry.split("\n").length).toBeGreaterThan(1000);
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
