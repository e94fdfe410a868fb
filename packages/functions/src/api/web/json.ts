import { fieldErrors } from "@debrief/core";
import { type Hook, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Env } from "hono";
import { Refusal } from "./errors";

/** `idempotency-key` → `Idempotency-Key`: how a header is named in a message. */
const headerName = (key: string) =>
  key.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

/**
 * What a request that fails its route's schema gets: 422 with a message per field for
 * a body, 400 for a header or a path parameter. The error boundary words it as JSON.
 */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by routes of every input type
export const validationRefusal: Hook<any, any, any, any> = (result) => {
  if (result.success) return;
  const fields = fieldErrors(result.error as z.ZodError);
  if (result.target === "json") throw new Refusal(422, "invalid", "Some fields need attention", { fields });
  const [key, message] = Object.entries(fields)[0] ?? ["request", "Not valid"];
  const name = result.target === "header" ? headerName(key) : key;
  throw new Refusal(400, `invalid_${key.replace(/\W+/g, "_").toLowerCase()}`, message, { fields: { [name]: message } });
};

/**
 * The JSON routes: each is declared with `createRoute`, so its validator and its entry
 * in the OpenAPI document are one object. Handlers throw Refusals for what the schemas
 * cannot say (rate limits, a reused idempotency key, 503).
 */
export const jsonRoutes = <E extends Env = Env>() => new OpenAPIHono<E>({ defaultHook: validationRefusal });

/** The JSON routes' declarations, from which the OpenAPI document is built. */
export type JsonRegistry = OpenAPIHono["openAPIRegistry"];

/** The body of every JSON error: one shape for 400 to 503, described once. */
export const errorSchema = z
  .object({
    error: z.string().meta({ description: "A stable machine-readable code, e.g. `invalid`, `unauthorized`" }),
    message: z.string().meta({ description: "What went wrong, in words a person can act on" }),
    fields: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: "Field path (e.g. `candidate.email`) → message, for invalid input" }),
  })
  .meta({ id: "Error" });

type Header = { description: string; schema: { type: "string" | "integer"; enum?: string[] } };

/** Response headers the JSON routes send, described once. */
export const HEADERS = {
  retryAfter: { description: "Seconds to wait before trying again", schema: { type: "integer" } },
  noStore: {
    description: "`no-store`: the answer carries a bearer token",
    schema: { type: "string", enum: ["no-store"] },
  },
  replayed: {
    description: "`true` on the answer to a repeat of an Idempotency-Key",
    schema: { type: "string", enum: ["true"] },
  },
  wwwAuthenticate: { description: '`Bearer realm="centre"`', schema: { type: "string" } },
} satisfies Record<string, Header>;

/** A documented error answer (the Error body), with the headers it carries. */
export const jsonError = (description: string, headers?: Record<string, Header>) => ({
  description,
  content: { "application/json": { schema: errorSchema } },
  ...(headers ? { headers } : {}),
});

/** The answers every JSON route may give before its handler runs. */
export const COMMON_ERRORS = {
  403: jsonError("A cross-site form or text post from a browser (its Origin or Sec-Fetch-Site is another site's)"),
};

export { z };
