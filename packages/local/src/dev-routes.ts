import { Hono } from "hono";
import { sesEvent } from "./ses-events";

/**
 * Dev-only routes of the local stack (never part of the deployed app, served on
 * loopback only, under /__dev/):
 * - `POST /__dev/ses-events {"type":"bounce"|"complaint","address":"..."}` simulates SES
 *   telling us about a bounce or complaint (`pnpm local:bounce <address> [complaint]`);
 * - `POST /__dev/sweep` runs the retention sweeper now (the emulator has no TTL).
 *
 * Loopback is not private: any web page open in the developer's browser can post to it.
 * A browser always sends `Origin` with a POST, and cannot send `application/json` to
 * another origin without a CORS preflight, which these routes never grant; so a request
 * with an `Origin` header is refused (403) and one that is not `application/json` (415),
 * before anything is read. The CLI (`pnpm local:bounce`) and the tests send neither.
 */
export function devRoutes(handlers: {
  sesEvents: (event: unknown) => Promise<unknown>;
  sweep: () => Promise<unknown>;
}) {
  const app = new Hono();
  app.use("*", async (c, next) => {
    if (c.req.header("origin") !== undefined) {
      return c.json({ error: "forbidden", message: "The dev routes take no request from a web page" }, 403);
    }
    const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json") {
      return c.json({ error: "unsupported", message: "Send Content-Type: application/json" }, 415);
    }
    await next();
  });
  app.post("/__dev/ses-events", async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { type?: unknown; address?: unknown };
    if ((body.type !== "bounce" && body.type !== "complaint") || typeof body.address !== "string" || !body.address) {
      return c.json({ error: "invalid", message: 'Send {"type": "bounce" | "complaint", "address": "..."}' }, 400);
    }
    return c.json(await handlers.sesEvents(sesEvent(body.type, body.address)));
  });
  app.post("/__dev/sweep", async (c) => c.json(await handlers.sweep()));
  return app;
}
