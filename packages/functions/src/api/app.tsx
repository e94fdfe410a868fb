import { formToDebriefRequest, IDEMPOTENCY_KEY_PATTERN, submitDebrief } from "@debrief/core";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { jsxRenderer } from "hono/jsx-renderer";
import { APP_CSS, FORM_JS } from "./assets";
import { candidateRoutes } from "./candidate";
import { centreRoutes } from "./centres/routes";
import { clientIp } from "./client-ip";
import type { AppDeps } from "./deps";
import { BOT_CHECK_ORIGIN, guardFor, newFormGuard } from "./form-guard";
import { errorName, handleFormSubmission, RETRY_AFTER_SECONDS, submitDepsOf } from "./form-submission";
import { openApiRoutes } from "./openapi/routes";
import { NotFoundPage } from "./pages/debrief";
import { DebriefForm, formDefaults } from "./pages/form";
import { refusalOf } from "./refusals";
import { csrfProtection, securityHeaders } from "./security";
import { unsubscribeRoutes } from "./unsubscribe";

export type { AppDeps, AppLogger } from "./deps";

const MAX_BODY_BYTES = 16 * 1024;

const ROBOTS_TXT = [
  "User-agent: *",
  ...["/d/", "/a/", "/u/", "/not-me/", "/api/"].map((p) => `Disallow: ${p}`),
  "",
].join("\n");

/** The one HTTP app: served by Lambda through `handle(app)` and locally by @hono/node-server. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  const submitDeps = submitDepsOf(deps);

  app.use("*", securityHeaders(deps.abuse.botCheck ? [BOT_CHECK_ORIGIN] : []));
  app.use("*", csrfProtection(deps.publicUrl));
  app.use(
    "*",
    jsxRenderer(({ children }) => <>{children}</>, { docType: true }),
  );
  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      // The rest of the body is never read: close the connection so it cannot be mistaken for the next request.
      onError: (c) =>
        c.json({ error: "too_large", message: `The body must be under ${MAX_BODY_BYTES / 1024} KB` }, 413, {
          connection: "close",
        }),
    }),
  );

  app.get("/assets/app.css", (c) =>
    c.body(APP_CSS, 200, { "content-type": "text/css; charset=utf-8", "cache-control": "public, max-age=3600" }),
  );
  app.get("/assets/form.js", (c) =>
    c.body(FORM_JS, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=3600" }),
  );

  app.get("/", (c) =>
    c.render(
      <DebriefForm values={formDefaults(deps.clock.now())} guard={newFormGuard(deps.abuse, deps.clock.now())} />,
    ),
  );

  app.post("/", (c) =>
    handleFormSubmission(c, deps, {
      via: "form",
      submit: (fields, ctx) => submitDebrief(formToDebriefRequest(fields), submitDeps, ctx),
      renderForm: (values, errors, fresh) => {
        const now = deps.clock.now();
        return (
          <DebriefForm
            values={values}
            errors={errors}
            guard={fresh ? newFormGuard(deps.abuse, now) : guardFor(values, deps.abuse, now)}
          />
        );
      },
    }),
  );

  app.post("/api/debriefs", async (c) => {
    if (!/^application\/json\s*(?:;|$)/i.test(c.req.header("content-type") ?? "")) {
      return c.json({ error: "unsupported_media_type", message: "Send the debrief as application/json" }, 415);
    }
    const idempotencyKey = c.req.header("idempotency-key");
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      const message = "Idempotency-Key must be 8 to 128 letters, digits or . _ : - (a UUID is ideal)";
      return c.json({ error: "invalid_idempotency_key", message, fields: { "Idempotency-Key": message } }, 400);
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json(
        { error: "malformed_json", message: "The body is not valid JSON", fields: { body: "Not valid JSON" } },
        400,
      );
    }
    try {
      const result = await submitDebrief(body, submitDeps, {
        idempotency: idempotencyKey ? { scope: "api", key: idempotencyKey } : undefined,
        clientIp: clientIp(c),
      });
      if (result.kind === "invalid") {
        return c.json({ error: "invalid", message: "Some fields need attention", fields: result.errors }, 422);
      }
      if (result.kind === "limited" || result.kind === "conflict") {
        const refusal = refusalOf(result, "api");
        if (refusal.retryAfterSeconds) c.header("Retry-After", String(refusal.retryAfterSeconds));
        return c.json({ error: refusal.error, message: refusal.message }, refusal.status);
      }
      deps.log.info("debrief accepted", { debriefId: result.id, status: result.status, via: "api" });
      // A repeat gets the first debrief back (same id; a fresh page link) and starts nothing.
      if (result.replayed) c.header("Idempotent-Replayed", "true");
      const page = `${deps.publicUrl}/d/${result.token}`;
      // The answer carries a bearer token: no cache (a proxy's, a browser's) may keep it.
      c.header("Cache-Control", "no-store");
      return c.json({ id: result.id, status: result.status, page }, result.replayed ? 200 : 201);
    } catch (error) {
      deps.log.error("debrief could not be stored", { error: errorName(error) });
      c.header("Retry-After", String(RETRY_AFTER_SECONDS));
      return c.json(
        { error: "unavailable", message: "The debrief could not be stored; nothing was kept. Retry shortly." },
        503,
      );
    }
  });

  // The candidate's page /d/{token} with its actions, and the one-use links /a/{token} of the emails.
  app.route("/", candidateRoutes(deps));

  // One-click unsubscribe (RFC 8058) /u/{token} and "this wasn't me" /not-me/{token}.
  app.route("/", unsubscribeRoutes(deps));

  // Crawlers that ask are kept off the private pages and the API (those pages also say noindex).
  app.get("/robots.txt", (c) => c.text(ROBOTS_TXT, 200, { "Cache-Control": "public, max-age=86400" }));

  app.get("/health", async (c) => {
    const checks = { table: deps.store.ping(), email: deps.mailer.ping(), workflow: deps.workflow.ping() };
    const results = await Promise.allSettled(Object.values(checks).map((p) => withTimeout(p, 3000)));
    const status = Object.fromEntries(
      Object.keys(checks).map((k, i) => [k, results[i]?.status === "fulfilled" ? "ok" : "unreachable"]),
    );
    const ok = results.every((r) => r.status === "fulfilled");
    return c.json({ status: ok ? "ok" : "unavailable", checks: status }, ok ? 200 : 503);
  });

  // Career centres: /c/{slug}, /api/centres/{slug}/..., and the student's sharing and check-in pages.
  if (deps.centres) app.route("/", centreRoutes({ ...deps, centres: deps.centres }));
  app.route("/", openApiRoutes(deps.publicUrl));

  app.notFound((c) => {
    if (c.req.path.startsWith("/api/")) return c.json({ error: "not_found", message: "No such route" }, 404);
    c.status(404);
    return c.render(<NotFoundPage />);
  });

  app.onError((error, c) => {
    deps.log.error("unhandled error", { error: errorName(error), path: c.req.routePath });
    return c.json({ error: "internal", message: "Something went wrong on our side" }, 500);
  });

  return app;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms).unref?.()),
  ]);
}
