import SwaggerParser from "@apidevtools/swagger-parser";
import { loadConfig, systemClock } from "@debrief/core";
import {
  createDynamoCentreStore,
  createDynamoRateCounter,
  createDynamoStore,
  createSesMailer,
  createSfnWorkflow,
} from "@debrief/core/aws";
import { createApp } from "@debrief/functions/app";
import { beforeAll, describe, expect, it } from "vitest";

const PUBLIC_URL = "https://debrief.example.org";

// Listing routes and serving the document touch no AWS service: the real adapters are built but never called.
function app() {
  const config = loadConfig({ TABLE_NAME: "debriefs", FROM_ADDRESS: "debrief@example.org", PUBLIC_URL });
  return createApp({
    store: createDynamoStore("debriefs"),
    centres: createDynamoCentreStore("debriefs"),
    workflow: createSfnWorkflow("arn:aws:states:us-east-1:000000000000:stateMachine:none"),
    mailer: createSesMailer("debrief@example.org"),
    clock: systemClock,
    publicUrl: PUBLIC_URL,
    schedule: config.schedule,
    retentionDays: config.retentionDays,
    abuse: config.abuse,
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

  it("covers every public route of the app, and nothing the app does not serve", () => {
    const served = new Set(
      service.routes
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
