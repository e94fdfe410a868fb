import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "./deps";
import { SERVICE_VERSION } from "./version";
import { withTimeout } from "./web/http";
import { jsonRoutes, z } from "./web/json";

export const healthSchema = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    version: z.string().meta({ description: "The service's version (semantic), as in CHANGELOG.md" }),
    checks: z.record(z.string(), z.enum(["ok", "unreachable"])),
  })
  .meta({ id: "Health" });

const health = (description: string) => ({ description, content: { "application/json": { schema: healthSchema } } });

const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["Service"],
  summary: "Health of the service and its dependencies",
  description:
    "Asks the table, the mailer and the workflow service at once, each within 3 s, and names each that did not answer. Reads and writes nothing else; for load balancers and uptime checks.",
  responses: { 200: health("Every dependency answers"), 503: health("A dependency is unreachable") },
});

/** `/health`: the version, and whether the table, the mailer and the workflow answer (each within 3 s). */
export function healthRoutes(deps: AppDeps) {
  const app = jsonRoutes();
  app.openapi(healthRoute, async (c) => {
    const checks = { table: deps.store.ping(), email: deps.mailer.ping(), workflow: deps.workflow.ping() };
    const results = await Promise.allSettled(Object.values(checks).map((p) => withTimeout(p, 3000)));
    const status = Object.fromEntries(
      Object.keys(checks).map((k, i) => [k, results[i]?.status === "fulfilled" ? "ok" : "unreachable"]),
    ) as Record<string, "ok" | "unreachable">;
    return results.every((r) => r.status === "fulfilled")
      ? c.json({ status: "ok" as const, version: SERVICE_VERSION, checks: status }, 200)
      : c.json({ status: "unavailable" as const, version: SERVICE_VERSION, checks: status }, 503);
  });
  return app;
}
