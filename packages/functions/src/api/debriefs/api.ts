import { IDEMPOTENCY_KEY_PATTERN, submitDebrief } from "@debrief/core";
import { Hono } from "hono";
import { type AppDeps, submitDepsOf } from "../deps";
import { clientIp } from "../web/client-ip";
import { Refusal } from "../web/errors";
import { errorName, limitBody, RETRY_AFTER_SECONDS } from "../web/http";
import { submissionRefusal } from "./refusals";

const IDEMPOTENCY_KEY_MESSAGE = "Idempotency-Key must be 8 to 128 letters, digits or . _ : - (a UUID is ideal)";

/** `POST /api/debriefs`: the JSON API, validated by the same schema as the form. */
export function debriefApiRoutes(deps: AppDeps) {
  const app = new Hono();
  const submitDeps = submitDepsOf(deps);

  app.post("/api/debriefs", limitBody(), async (c) => {
    if (!/^application\/json\s*(?:;|$)/i.test(c.req.header("content-type") ?? "")) {
      throw new Refusal(415, "unsupported_media_type", "Send the debrief as application/json");
    }
    const idempotencyKey = c.req.header("idempotency-key");
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw new Refusal(400, "invalid_idempotency_key", IDEMPOTENCY_KEY_MESSAGE, {
        fields: { "Idempotency-Key": IDEMPOTENCY_KEY_MESSAGE },
      });
    }
    const body: unknown = await c.req.json().catch(() => {
      throw new Refusal(400, "malformed_json", "The body is not valid JSON", { fields: { body: "Not valid JSON" } });
    });
    const result = await submitDebrief(body, submitDeps, {
      idempotency: idempotencyKey ? { scope: "api", key: idempotencyKey } : undefined,
      clientIp: clientIp(c),
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
    // A repeat gets the first debrief back (same id; a fresh page link) and starts nothing.
    if (result.replayed) c.header("Idempotent-Replayed", "true");
    const page = `${deps.publicUrl}/d/${result.token}`;
    // The answer carries a bearer token: no cache (a proxy's, a browser's) may keep it.
    c.header("Cache-Control", "no-store");
    return c.json({ id: result.id, status: result.status, page }, result.replayed ? 200 : 201);
  });

  return app;
}
