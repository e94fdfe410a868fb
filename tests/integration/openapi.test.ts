import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import SwaggerParser from "@apidevtools/swagger-parser";
import { loadConfig, systemClock } from "@debrief/core";
import {
  createDynamoAccountStore,
  createDynamoCentreStore,
  createDynamoRateCounter,
  createDynamoStore,
  createSesMailer,
  createSfnWorkflow,
} from "@debrief/core/aws";
import { createApp, servedRoutes } from "@debrief/functions/app";
import { beforeAll, describe, expect, it } from "vitest";
import { version } from "../../package.json";

const PUBLIC_URL = "https://debrief.example.org";

// Listing routes and serving the document touch no AWS service: the real adapters are built but never called.
function app() {
  const config = loadConfig({ TABLE_NAME: "debriefs", FROM_ADDRESS: "debrief@example.org", PUBLIC_URL });
  return createApp({
    store: createDynamoStore("debriefs"),
    centres: createDynamoCentreStore("debriefs"),
    accounts: createDynamoAccountStore("debriefs"),
    workflow: createSfnWorkflow("arn:aws:states:us-east-1:000000000000:stateMachine:none"),
    checkins: createSfnWorkflow("arn:aws:states:us-east-1:000000000000:stateMachine:none-checkins"),
    mailer: createSesMailer("debrief@example.org"),
    clock: systemClock,
    publicUrl: PUBLIC_URL,
    schedule: config.schedule,
    retentionDays: config.retentionDays,
    abuse: config.abuse,
    formSecret: async () => config.abuse.formSecret,
    rateCounter: createDynamoRateCounter("debriefs"),
    log: { info() {}, warn() {}, error() {} },
  });
}

type Doc = { paths: Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>> };

describe("the OpenAPI document", () => {
  const service = app();
  let doc: Doc;
  beforeAll(async () => {
    const res = await service.request("/api/openapi.json");
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
    expect((doc as unknown as { openapi: string }).openapi).toBe("3.1.0");
  });

  it("carries the service's version (the root package.json's) as info.version", () => {
    expect((doc as unknown as { info: { version: string } }).info.version).toBe(version);
  });

  it("has no error and no warning by Spectral's OpenAPI rules (spectral:oas)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "openapi-"));
    writeFileSync(join(dir, "openapi.json"), JSON.stringify(doc));
    writeFileSync(join(dir, ".spectral.yaml"), 'extends: ["spectral:oas"]\n');
    const report = join(dir, "findings.json");
    await promisify(execFile)(
      "node_modules/.bin/spectral",
      [
        "lint",
        join(dir, "openapi.json"),
        "--ruleset",
        join(dir, ".spectral.yaml"),
        "--format",
        "json",
        "--output",
        report,
        "--fail-severity",
        "hint",
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((e: { code?: number; message: string }) => {
      // --fail-severity hint: exit code 1 is a finding of any severity (listed in the report); any other, a crash.
      if (e.code !== 1) throw new Error(`spectral failed: ${e.message}`);
    });
    const findings = JSON.parse(readFileSync(report, "utf8")) as {
      severity: number;
      code: string;
      message: string;
      path: string[];
    }[];
    expect(Array.isArray(findings)).toBe(true);
    // Every severity counts: errors (0), warnings (1), information (2) and hints (3).
    expect(findings.map((f) => `${f.code} ${f.path.join(".")}: ${f.message}`)).toEqual([]);
  });

  it("documents the statuses and headers the app really answers", () => {
    type Op = { parameters?: { name: string; in: string }[]; responses: Record<string, { headers?: object }> };
    const op = (path: string, method: string) => doc.paths[path]?.[method] as unknown as Op;
    const submit = op("/api/debriefs", "post");
    expect(Object.keys(submit.responses)).toEqual(
      expect.arrayContaining(["200", "201", "400", "403", "413", "415", "422", "429", "503"]),
    );
    expect(submit.parameters).toContainEqual(expect.objectContaining({ name: "idempotency-key", in: "header" }));
    expect(Object.keys(submit.responses["429"]?.headers ?? {})).toContain("Retry-After");
    expect(Object.keys(submit.responses["200"]?.headers ?? {})).toContain("Idempotent-Replayed");
    for (const form of [op("/", "post"), op("/c/{slug}", "post")]) {
      expect(Object.keys(form.responses)).toEqual(
        expect.arrayContaining(["303", "400", "403", "413", "422", "429", "503"]),
      );
      expect(Object.keys(form.responses["303"]?.headers ?? {})).toContain("Location");
    }
    const json = JSON.stringify(doc);
    expect(json).toContain('"format":"email"');
    expect(json).toContain('"format":"date"');
  });

  it("covers every public route of the app, and nothing the app does not serve", async () => {
    // The page groups loaded on first use are listed too (built here, as their first request would).
    const served = new Set(
      (await servedRoutes(service))
        .filter((r) => r.method !== "ALL")
        .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`),
    );
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`)),
    );
    expect(
      [...served].filter((r) => !documented.has(r)),
      "served but not documented",
    ).toEqual([]);
    expect(
      [...documented].filter((r) => !served.has(r)),
      "documented but not served",
    ).toEqual([]);
  });

  it("describes the debrief body from the schema, and the centre admin API with its bearer key and 401", () => {
    const post = doc.paths["/api/debriefs"]?.post as unknown as {
      requestBody: { content: { "application/json": { schema: { required: string[]; properties: object } } } };
    };
    const schema = post.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(expect.arrayContaining(["candidate", "interview", "consent"]));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["whatHappened", "questions", "tone"]));
    const interview = (schema.properties as Record<string, { properties: Record<string, { properties: object }> }>)
      .interview;
    expect(interview?.properties.interviewer?.properties).toMatchObject({
      courtesyTitle: { type: "string", enum: ["ms", "mr", "mx", "none"] },
    });
    for (const [path, item] of Object.entries(doc.paths).filter(([p]) => p.startsWith("/api/centres/"))) {
      expect(item.get?.security, path).toEqual([{ centreKey: [] }]);
      expect(Object.keys(item.get?.responses ?? {}), path).toContain("401");
    }
  });

  it("has a reference page for people listing every operation", async () => {
    const res = await service.request("/api/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) expect(html).toContain(`${method.toUpperCase()} ${path}`);
    }
  });
});
