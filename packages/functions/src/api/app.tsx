import { keptUntilFailure, LINK_PREFIXES, linkRoute } from "@debrief/core";
import { type Handler, Hono } from "hono";
import { compress } from "hono/compress";
import { candidateScript } from "./candidate/script";
import { BOT_CHECK_ORIGIN } from "./debriefs/guard";
import { formScript } from "./debriefs/script";
import type { AppDeps } from "./deps";
import { appCss, assetFiles, favicon } from "./web/assets";
import { errorBoundary } from "./web/errors";
import type { JsonRegistry } from "./web/json";
import { documentShell } from "./web/layout";
import { csrfProtection, securityHeaders } from "./web/security";

export type { AppLogger } from "../log";
export type { AppDeps } from "./deps";

const ROBOTS_TXT = [
  "User-agent: *",
  ...[...Object.values(LINK_PREFIXES), "/api"].map((p) => `Disallow: ${p}/`),
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
  const assetFile = assetFiles([appCss, favicon, formScript, candidateScript]);
  app.get("/assets/:file", (c) => {
    const asset = assetFile(c.req.param("file"));
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, { "content-type": asset.type, "cache-control": asset.cacheControl });
  });

  // Every route group below is loaded on its first request: its modules (the zod schemas with
  // their OpenAPI metadata, the pages, the letter's composition) are not evaluated at cold start.
  // Each group is its own app behind the same document shell and error boundary; the
  // middleware above wraps its answer as it wraps every other.
  const groups: LazyGroup[] = [];
  lazyGroups.set(app, groups);
  const lazy = (load: (sub: Hono) => Promise<void>) => {
    const group = lazyRoutes(deps, load);
    groups.push(group);
    return group;
  };

  // The JSON routes, each declared with createRoute: one registry is their validators and their OpenAPI document.
  let jsonRegistry: JsonRegistry | undefined;
  const json = lazy(async (sub) => {
    const [{ jsonRoutes }, { debriefApiRoutes }, { healthRoutes }, admin] = await Promise.all([
      import("./web/json"),
      import("./debriefs/api"),
      import("./health"),
      deps.centres && deps.accounts ? import("./centres/admin-api") : undefined,
    ]);
    const routes = jsonRoutes();
    routes.route("/", debriefApiRoutes(deps));
    if (admin && deps.centres && deps.accounts) {
      routes.route("/", admin.centreAdminApi({ ...deps, centres: deps.centres, accounts: deps.accounts }));
    }
    routes.route("/", healthRoutes(deps));
    sub.route("/", routes);
    jsonRegistry = routes.openAPIRegistry;
  });

  // The OpenAPI document and the API reference, from the JSON routes' own declarations.
  const docs = lazy(async (sub) => {
    const [{ docsRoutes }] = await Promise.all([import("./docs/routes"), json.build()]);
    sub.route(
      "/",
      docsRoutes(deps.publicUrl, () => {
        if (!jsonRegistry) throw new Error("The JSON routes are not built");
        return jsonRegistry;
      }),
    );
  });
  app.get("/api/openapi.json", docs.handler);
  app.get("/api/docs", docs.handler);
  app.all("/api/*", json.handler);
  app.all("/health", json.handler);

  // The debrief form at /.
  app.all(
    "/",
    lazy(async (sub) => {
      const { debriefFormRoutes } = await import("./debriefs/routes");
      sub.route("/", debriefFormRoutes(deps));
    }).handler,
  );

  // The candidate's page /d/{token}: the token is resolved once for everything under it, the centre's pages too.
  app.all(
    `${LINK_PREFIXES.page}/*`,
    lazy(async (sub) => {
      const [{ tokenApp, candidatePageRoutes }, { centreStudentRoutes }] = await Promise.all([
        import("./candidate/routes"),
        import("./centres/student-routes"),
      ]);
      const token = tokenApp(deps);
      token.route("/", candidatePageRoutes(deps));
      if (deps.centres) token.route("/", centreStudentRoutes({ ...deps, centres: deps.centres }));
      sub.route(linkRoute("page"), token);
    }).handler,
  );

  // The one-use links /a/{token} of the emails.
  app.all(
    `${LINK_PREFIXES.action}/*`,
    lazy(async (sub) => {
      const { actionLinkRoutes } = await import("./candidate/routes");
      sub.route(LINK_PREFIXES.action, actionLinkRoutes(deps));
    }).handler,
  );

  // One-click unsubscribe (RFC 8058) /u/{token} and "this wasn't me" /not-me/{token}.
  const unsubscribe = lazy(async (sub) => {
    const { unsubscribeRoutes } = await import("./unsubscribe/routes");
    sub.route("/", unsubscribeRoutes(deps));
  });
  app.all(`${LINK_PREFIXES.unsubscribe}/*`, unsubscribe.handler);
  app.all(`${LINK_PREFIXES["not-me"]}/*`, unsubscribe.handler);

  // Career centres: the branded form /c/{slug} and its advisors' pages under /c/{slug}/admin (the admin API is with the JSON routes).
  if (deps.centres && deps.accounts) {
    const centreDeps = { ...deps, centres: deps.centres, accounts: deps.accounts };
    app.all(
      "/c/*",
      lazy(async (sub) => {
        const [{ centreFormRoutes }, { centreAdminRoutes }] = await Promise.all([
          import("./centres/form-routes"),
          import("./centres/admin-routes"),
        ]);
        sub.route("/", centreAdminRoutes(centreDeps));
        sub.route("/", centreFormRoutes(centreDeps));
      }).handler,
    );
  }

  // Crawlers that ask are kept off the private pages and the API (those pages also say noindex).
  app.get("/robots.txt", (c) => c.text(ROBOTS_TXT, 200, { "Cache-Control": "public, max-age=86400" }));

  const { onError, notFound } = errorBoundary(deps.log);
  app.onError(onError);
  app.notFound(notFound);
  return app;
}

type LazyGroup = { handler: Handler; build: () => Promise<Hono> };
const lazyGroups = new WeakMap<Hono, LazyGroup[]>();
const lazyHandlers = new WeakSet<Handler>();

/**
 * A group of routes built on its first request: `load` imports the group's modules and
 * registers its routes on `sub`, an app with the same document shell and error boundary
 * as the main one, which then answers the request (the main app's middleware has run
 * around it, as for any route). A failed load is tried again on the next request.
 */
function lazyRoutes(deps: AppDeps, load: (sub: Hono) => Promise<void>): LazyGroup {
  const build = keptUntilFailure(async () => {
    const sub = new Hono();
    sub.use("*", documentShell);
    await load(sub);
    const { onError, notFound } = errorBoundary(deps.log);
    sub.onError(onError);
    sub.notFound(notFound);
    return sub;
  });
  const handler: Handler = async (c) => (await build()).fetch(c.req.raw, c.env);
  lazyHandlers.add(handler);
  return { handler, build };
}

/**
 * Every route the app serves, as `app.routes` lists them, with the groups loaded on first
 * use built (if no request has yet) and listed in place of the routes that load them.
 */
export async function servedRoutes(app: Hono): Promise<Hono["routes"]> {
  const groups = await Promise.all((lazyGroups.get(app) ?? []).map((g) => g.build()));
  return [...app.routes.filter((r) => !lazyHandlers.has(r.handler)), ...groups.flatMap((g) => g.routes)];
}
