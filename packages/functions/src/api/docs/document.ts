import type { OpenAPIHono, RouteConfig } from "@hono/zod-openapi";

type OpenAPIRegistry = OpenAPIHono["openAPIRegistry"];

import { z } from "zod";
import { SERVICE_VERSION } from "../version";
import { HTML_ROUTES, type HtmlOperation, TAGS } from "./html-routes";

type Json = Record<string, unknown>;
const isZod = (v: unknown): v is z.ZodType => typeof (v as { safeParse?: unknown })?.safeParse === "function";

/** `getDByTokenCheckinByKindByAnswer`: unique and stable, from the method and the path. */
function operationId(method: string, path: string): string {
  const words = path
    .replace(/\{([^}]+)\}/g, "by $1")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const id = words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join("");
  return `${method}${id || "Root"}`;
}

/**
 * The OpenAPI 3.1 document: the JSON routes from their own `createRoute` declarations
 * (the objects their validators run), the HTML routes from the hand-written list.
 * Schemas are converted with zod's own `toJSONSchema`, which keeps zod 4's patterns,
 * formats and pipes as the validators apply them; a schema with a meta `id` becomes
 * a named component.
 */
export function openApiDocument(publicUrl: string, registry: OpenAPIRegistry) {
  const schemas: Json = {};
  const toSchema = (schema: unknown, io: "input" | "output"): Json => {
    if (!isZod(schema)) return schema as Json;
    const generated = JSON.stringify(z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }));
    const json = JSON.parse(generated.replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
    const { $schema: _s, $defs, id, ...rest } = json;
    Object.assign(schemas, $defs as Json | undefined);
    if (typeof id === "string") {
      schemas[id] = rest;
      return { $ref: `#/components/schemas/${id}` };
    }
    return rest;
  };
  const parameters = (where: "path" | "header" | "query", shape: unknown) => {
    if (!shape || !isZod(shape)) return [];
    const object = shape as unknown as { shape: Record<string, z.ZodType> };
    return Object.entries(object.shape).map(([name, schema]) => {
      const { description, ...json } = toSchema(schema, "input");
      return {
        name,
        in: where,
        required: where === "path" || !schema.safeParse(undefined).success,
        ...(description ? { description } : {}),
        schema: json,
      };
    });
  };

  const paths: Record<string, Record<string, unknown>> = {};
  const add = (path: string, method: string, operation: Json) => {
    paths[path] ??= {};
    (paths[path] as Json)[method] = { operationId: operationId(method, path), ...operation };
  };

  for (const def of registry.definitions) {
    if (def.type !== "route") continue;
    const route = def.route as RouteConfig;
    const body = route.request?.body;
    const responses = Object.fromEntries(
      Object.entries(route.responses).map(([status, r]) => {
        const res = r as { description: string; headers?: Json; content?: Record<string, { schema: unknown }> };
        const content = res.content
          ? Object.fromEntries(
              Object.entries(res.content).map(([type, media]) => [type, { schema: toSchema(media.schema, "output") }]),
            )
          : undefined;
        return [
          status,
          {
            description: res.description,
            ...(res.headers ? { headers: res.headers } : {}),
            ...(content ? { content } : {}),
          },
        ];
      }),
    );
    const params = [
      ...parameters("path", route.request?.params),
      ...parameters("query", route.request?.query),
      ...parameters("header", route.request?.headers),
    ];
    add(route.path, route.method, {
      tags: route.tags,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(body
        ? {
            requestBody: {
              required: body.required ?? false,
              ...(body.description ? { description: body.description } : {}),
              content: Object.fromEntries(
                Object.entries(body.content).map(([type, media]) => [
                  type,
                  { schema: toSchema((media as { schema: unknown }).schema, "input") },
                ]),
              ),
            },
          }
        : {}),
      ...(route.security ? { security: route.security } : {}),
      responses,
    });
  }

  for (const op of HTML_ROUTES) add(op.path, op.method, htmlOperation(op));

  return {
    openapi: "3.1.0",
    info: {
      title: "Interview Debrief",
      version: SERVICE_VERSION,
      // Each deployment answers for itself: its own address, where its pages name who runs it.
      contact: { name: "The operator of this deployment", url: publicUrl },
      description:
        "Debrief an interview and get a drafted letter, a reminder and second-interview tips by email. Career centres get branded links and consented, anonymous outcome statistics. JSON routes answer errors as `Error`; the others answer with pages.",
    },
    servers: [{ url: publicUrl }],
    tags: TAGS.map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        centreKey: {
          type: "http",
          scheme: "bearer",
          description: "A centre's admin key (`cak_…`), shown once by `pnpm centre create` or `rotate-key`",
        },
      },
    },
  };
}

function htmlOperation(op: HtmlOperation): Json {
  return {
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.params?.length
      ? {
          parameters: op.params.map((p) => ({
            name: p.name,
            in: "path",
            required: true,
            description: p.description,
            schema: p.values ? { type: "string", enum: [...p.values] } : { type: "string" },
          })),
        }
      : {}),
    ...(op.form
      ? {
          requestBody: {
            required: true,
            description: op.form,
            content: { "application/x-www-form-urlencoded": { schema: { type: "object" } } },
          },
        }
      : {}),
    responses: Object.fromEntries(
      Object.entries(op.responses).map(([status, r]) => [
        status,
        {
          description: r.description,
          ...(r.headers ? { headers: r.headers } : {}),
          ...(r.type
            ? {
                content: Object.fromEntries(
                  [r.type].flat().map((t) => [t, { schema: { type: t === "application/json" ? "object" : "string" } }]),
                ),
              }
            : {}),
        },
      ]),
    ),
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
