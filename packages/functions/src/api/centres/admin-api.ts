import {
  authenticateCentre,
  type CentreStore,
  openSharedDebrief,
  publicCentre,
  SLUG_PATTERN,
  sharedDebriefs,
  statsCsv,
  statsFor,
} from "@debrief/core";
import { Hono } from "hono";
import type { AppDeps } from "../deps";
import { Refusal } from "../web/errors";

type Deps = AppDeps & { centres: CentreStore };
type AdminEnv = { Variables: { keyHash: string; slug: string } };

const unauthorized = () =>
  new Refusal(401, "unauthorized", "Send a valid admin key of this centre as a Bearer token", {
    headers: { "WWW-Authenticate": 'Bearer realm="centre"' },
  });

/** `/api/centres/{slug}/…`: the centre admin API, where every request is authenticated before anything is read. */
export function centreAdminApi(deps: Deps) {
  const admin = new Hono<AdminEnv>();
  admin.use("*", async (c, next) => {
    const slug = c.req.param("slug") ?? "";
    c.header("Cache-Control", "no-store");
    const keyHash = SLUG_PATTERN.test(slug)
      ? await authenticateCentre(deps.centres, slug, c.req.header("authorization"))
      : undefined;
    if (!keyHash) throw unauthorized();
    c.set("keyHash", keyHash);
    c.set("slug", slug);
    await next();
  });

  admin.get("/", async (c) => {
    const centre = await deps.centres.getCentre(c.var.slug);
    if (!centre) throw unauthorized();
    return c.json(publicCentre(centre));
  });

  admin.get("/stats", async (c) => c.json(await statsFor(deps.centres, c.var.slug, deps.clock.now())));

  admin.get("/stats.csv", async (c) => {
    const csv = statsCsv(await statsFor(deps.centres, c.var.slug, deps.clock.now()));
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${c.var.slug}-stats.csv"`,
    });
  });

  admin.get("/shared", async (c) => {
    const debriefs = await sharedDebriefs(deps.centres, c.var.slug, deps.clock.now());
    return c.json({ debriefs });
  });

  admin.get("/shared/:id", async (c) => {
    const view = await openSharedDebrief(
      { centres: deps.centres, debriefs: deps.store, clock: deps.clock },
      c.var.slug,
      c.req.param("id"),
      c.var.keyHash,
    );
    if (!view) throw new Refusal(404, "not_found", "No debrief is shared with this centre under that id");
    deps.log.info("shared debrief opened", { debriefId: view.id });
    return c.json(view);
  });

  // Anything else under a centre is a 404, but only after the key was checked.
  admin.all("*", () => {
    throw new Refusal(404, "not_found", "No such route");
  });

  const app = new Hono();
  app.route("/api/centres/:slug", admin);
  return app;
}
