import { Hono } from "hono";
import type { AppDeps } from "./deps";
import { withTimeout } from "./web/http";

/** `/health`: whether the table, the mailer and the workflow answer (each within 3 s). */
export function healthRoutes(deps: AppDeps) {
  const app = new Hono();
  app.get("/health", async (c) => {
    const checks = { table: deps.store.ping(), email: deps.mailer.ping(), workflow: deps.workflow.ping() };
    const results = await Promise.allSettled(Object.values(checks).map((p) => withTimeout(p, 3000)));
    const status = Object.fromEntries(
      Object.keys(checks).map((k, i) => [k, results[i]?.status === "fulfilled" ? "ok" : "unreachable"]),
    );
    const ok = results.every((r) => r.status === "fulfilled");
    return c.json({ status: ok ? "ok" : "unavailable", checks: status }, ok ? 200 : 503);
  });
  return app;
}
