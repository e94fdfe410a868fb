import { Hono } from "hono";
import { actionLinkRoutes, candidatePageRoutes, tokenApp } from "./candidate/routes";
import { centreAdminApi } from "./centres/admin-api";
import { centreFormRoutes } from "./centres/form-routes";
import { centreStudentRoutes } from "./centres/student-routes";
import { debriefApiRoutes } from "./debriefs/api";
import { BOT_CHECK_ORIGIN } from "./debriefs/guard";
import { debriefFormRoutes } from "./debriefs/routes";
import type { AppDeps } from "./deps";
import { openApiRoutes } from "./docs/routes";
import { healthRoutes } from "./health";
import { unsubscribeRoutes } from "./unsubscribe/routes";
import { assetFile } from "./web/assets";
import { errorBoundary } from "./web/errors";
import { documentShell } from "./web/layout";
import { csrfProtection, securityHeaders } from "./web/security";

export type { AppDeps, AppLogger } from "./deps";

const ROBOTS_TXT = [
  "User-agent: *",
  ...["/d/", "/a/", "/u/", "/not-me/", "/api/"].map((p) => `Disallow: ${p}`),
  "",
].join("\n");

/**
 * The one HTTP app: served by Lambda through `handle(app)` and locally by @hono/node-server.
 * Each feature folder brings its routes; this file only puts them together, behind the
 * security headers, the CSRF guard, the document shell and the one error boundary.
 */
export function createApp(deps: AppDeps) {
  const app = new Hono();

  app.use("*", securityHeaders(deps.abuse.botCheck ? [BOT_CHECK_ORIGIN] : []));
  app.use("*", csrfProtection(deps.publicUrl));
  app.use("*", documentShell);

  // Stylesheet, scripts and icon: content-hashed names are cached for a year.
  app.get("/assets/:file", (c) => {
    const asset = assetFile(c.req.param("file"));
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, { "content-type": asset.type, "cache-control": asset.cacheControl });
  });

  // The debrief form at / and the JSON API that takes the same debrief.
  app.route("/", debriefFormRoutes(deps));
  app.route("/", debriefApiRoutes(deps));

  // The candidate's page /d/{token}: the token is resolved once for everything under it, the centre's pages too.
  const token = tokenApp(deps);
  token.route("/", candidatePageRoutes(deps));
  if (deps.centres) token.route("/", centreStudentRoutes({ ...deps, centres: deps.centres }));
  app.route("/d/:token", token);

  // The one-use links /a/{token} of the emails.
  app.route("/a", actionLinkRoutes(deps));

  // One-click unsubscribe (RFC 8058) /u/{token} and "this wasn't me" /not-me/{token}.
  app.route("/", unsubscribeRoutes(deps));

  // Career centres: the branded form /c/{slug}, its admin page and the admin API /api/centres/{slug}/….
  if (deps.centres) {
    app.route("/", centreFormRoutes({ ...deps, centres: deps.centres }));
    app.route("/", centreAdminApi({ ...deps, centres: deps.centres }));
  }

  // Crawlers that ask are kept off the private pages and the API (those pages also say noindex).
  app.get("/robots.txt", (c) => c.text(ROBOTS_TXT, 200, { "Cache-Control": "public, max-age=86400" }));

  app.route("/", healthRoutes(deps));
  app.route("/", openApiRoutes(deps.publicUrl));

  const { onError, notFound } = errorBoundary(deps.log);
  app.onError(onError);
  app.notFound(notFound);
  return app;
}
