import { debriefInputSchema, IDEMPOTENCY_KEY_PATTERN, linkPath, submitDebrief } from "@debrief/core";
import { createRoute } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { errorName } from "../../log";
import { type AppDeps, submitDepsOf } from "../deps";
import { clientIp } from "../web/client-ip";
import { Refusal } from "../web/errors";
import { limitBody, MAX_BODY_BYTES, RETRY_AFTER_SECONDS } from "../web/http";
import { COMMON_ERRORS, HEADERS, jsonError, jsonRoutes, z } from "../web/json";
import { submissionRefusal } from "./refusals";

export const IDEMPOTENCY_KEY_MESSAGE = "Idempotency-Key must be 8 to 128 letters, digits or . _ : - (a UUID is ideal)";

export const acceptedSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(["scheduled", "queued"]).meta({
      description: "`scheduled`: the emails' workflow started; `queued`: it will start shortly",
    }),
    page: z.url().meta({ description: "The candidate's private page; its token is the only key to the debrief" }),
  })
  .meta({ id: "Accepted" });

/** Before the schemas: a body that is not JSON is refused as such (415), a malformed one with 400. */
const jsonBody: MiddlewareHandler = async (c, next) => {
  if (!/^application\/json\s*(?:;|$)/i.test(c.req.header("content-type") ?? "")) {
    throw new Refusal(415, "unsupported_media_type", "Send the debrief as application/json");
  }
  // Parsed once here; the route's validator reads the same parsed body.
  await c.req.json().catch(() => {
    throw new Refusal(400, "malformed_json", "The body is not valid JSON", { fields: { body: "Not valid JSON" } });
  });
  await next();
};

const accepted = (description: string, headers: Record<string, (typeof HEADERS)[keyof typeof HEADERS]>) => ({
  description,
  headers,
  content: { "application/json": { schema: acceptedSchema } },
});

export const submitRoute = createRoute({
  method: "post",
  path: "/api/debriefs",
  tags: ["Debriefs"],
  summary: "Submit a debrief",
  description:
    "Validates the debrief, stores it and schedules its emails: the drafted letter now, a reminder the next morning and second-interview tips. Send an `Idempotency-Key` header to make retries safe.",
  middleware: [limitBody(), jsonBody],
  request: {
    headers: z.object({
      "idempotency-key": z.string().regex(IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_KEY_MESSAGE).optional().meta({
        description: "Makes retries safe: a repeat with the same key gets the first debrief back (a UUID is ideal)",
      }),
    }),
    body: {
      required: true,
      description: "The debrief; the HTML form posts the same fields",
      content: { "application/json": { schema: debriefInputSchema } },
    },
  },
  responses: {
    200: accepted(
      "A repeat with the same Idempotency-Key: the first debrief and its page link; nothing new is stored (a workflow the first request never started is started)",
      {
        "Idempotent-Replayed": HEADERS.replayed,
        "Cache-Control": HEADERS.noStore,
      },
    ),
    201: accepted("Accepted", { "Cache-Control": HEADERS.noStore }),
    400: jsonError("Malformed JSON, or a malformed Idempotency-Key"),
    ...COMMON_ERRORS,
    413: jsonError(`Body over ${MAX_BODY_BYTES / 1024} KB; the connection is closed`),
    415: jsonError("Not application/json"),
    422: jsonError("Invalid fields (`fields` names each one), or an Idempotency-Key used for another debrief"),
    429: jsonError("Too many debriefs from this network or for this address; see Retry-After", {
      "Retry-After": HEADERS.retryAfter,
    }),
    503: jsonError("Not stored; nothing was kept. Retry after Retry-After", { "Retry-After": HEADERS.retryAfter }),
  },
});

/** `POST /api/debriefs`: the JSON API, validated by the same schema as the form. */
export function debriefApiRoutes(deps: AppDeps) {
  const app = jsonRoutes();
  const submitDeps = submitDepsOf(deps);

  app.openapi(submitRoute, async (c) => {
    const idempotencyKey = c.req.valid("header")["idempotency-key"];
    // The body as sent: submitDebrief validates it again with the time-dependent rules (no future dates).
    const body: unknown = await c.req.json();
    const result = await submitDebrief(body, submitDeps, {
      idempotency: idempotencyKey ? { scope: "api", key: idempotencyKey } : undefined,
      clientIp: clientIp(c, deps.edgeOriginSecret),
    }).catch((error: unknown) => {
      deps.log.error("debrief could not be stored", { error: errorName(error) });
      throw new Refusal(503, "unavailable", "The debrief could not be stored; nothing was kept. Retry shortly.", {
        headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
      });
    });
    if (result.kind === "invalid") {
      throw new Refusal(422, "invalid", "Some fields need attention", { fields: result.errors });
    }
    if (result.kind === "limited" || result.kind === "conflict") throw submissionRefusal(result, "api");
    deps.log.info("debrief accepted", { debriefId: result.id, status: result.status, via: "api" });
    // A repeat gets the first debrief back (same id, same page link); it starts only a workflow the first never started.
    if (result.replayed) c.header("Idempotent-Replayed", "true");
    // The answer carries a bearer token: no cache (a proxy's, a browser's) may keep it.
    c.header("Cache-Control", "no-store");
    const page = `${deps.publicUrl}${linkPath("page", result.token)}`;
    const answer = { id: result.id, status: result.status, page };
    return result.replayed ? c.json(answer, 200) : c.json(answer, 201);
  });

  return app;
}
