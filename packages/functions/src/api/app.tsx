import { Hono } from "hono";
import { compress } from "hono/compress";
import { actionLinkRoutes, candidatePageRoutes, tokenApp } from "./candidate/routes";
import { centreAdminApi } from "./centres/admin-api";
import { centreFormRoutes } from "./centres/form-routes";
import { centreStudentRoutes } from "./centres/student-routes";
import { debriefApiRoutes } from "./debriefs/api";
import { BOT_CHECK_ORIGIN } from "./debriefs/guard";
import { debriefFormRoutes } from "./debriefs/routes";
import type { AppDeps } from "./deps";
import { docsRoutes } from "./docs/routes";
import { healthRoutes } from "./health";
import { unsubscribeRoutes } from "./unsubscribe/routes";
import { assetFile } from "./web/assets";
import { errorBoundary } from "./web/errors";
import { jsonRoutes } from "./web/json";
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

  // gzip (or deflate) when the client accepts it, for responses over 1 KB of a text type (pages, CSS, JS, JSON).
  app.use("*", compress());
  app.use("*", securityHeaders(deps.abuse.botCheck ? [BOT_CHECK_ORIGIN] : []));
  app.use("*", csrfProtection(deps.publicUrl));
  app.use("*", documentShell);

  // Stylesheet, scripts and icon: content-hashed names are cached for a year.
  app.get("/assets/:file", (c) => {
    const asset = assetFile(c.req.param("file"));
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, { "content-type": asset.type, "cache-control": asset.cacheControl });
  });

  // The JSON routes, each declared with createRoute: one registry is their validators and their OpenAPI document.
  const json = jsonRoutes();
  json.route("/", debriefApiRoutes(deps));
  if (deps.centres) json.route("/", centreAdminApi({ ...deps, centres: deps.centres }));
  json.route("/", healthRoutes(deps));
  app.route("/", json);

  // The debrief form at /.
  app.route("/", debriefFormRoutes(deps));

  // The candidate's page /d/{token}: the token is resolved once for everything under it, the centre's pages too.
  const token = tokenApp(deps);
  token.route("/", candidatePageRoutes(deps));
  if (deps.centres) token.route("/", centreStudentRoutes({ ...deps, centres: deps.centres }));
  app.route("/d/:token", token);

  // The one-use links /a/{token} of the emails.
  app.route("/a", actionLinkRoutes(deps));

  // One-click unsubscribe (RFC 8058) /u/{token} and "this wasn't me" /not-me/{token}.
  app.route("/", unsubscribeRoutes(deps));

  // Career centres: the branded form /c/{slug} and its admin page (the admin API is with the JSON routes).
  if (deps.centres) app.route("/", centreFormRoutes({ ...deps, centres: deps.centres }));

  // Crawlers that ask are kept off the private pages and the API (those pages also say noindex).
  app.get("/robots.txt", (c) => c.text(ROBOTS_TXT, 200, { "Cache-Control": "public, max-age=86400" }));

  app.route(
    "/",
    docsRoutes(deps.publicUrl, () => json.openAPIRegistry),
  );

  const { onError, notFound } = errorBoundary(deps.log);
  app.onError(onError);
  app.notFound(notFound);
  return app;
}
