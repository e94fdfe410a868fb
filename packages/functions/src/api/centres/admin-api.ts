import {
  type AccountStore,
  type Actor,
  authenticateBearer,
  type CentreStore,
  insightsCsv,
  insightsFilterOf,
  insightsFor,
  openSharedDebrief,
  publicCentre,
  recordCentreEvent,
  SLUG_PATTERN,
  sharedDebriefs,
  statsCsv,
  statsFor,
} from "@debrief/core";
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../deps";
import { Refusal } from "../web/errors";
import { COMMON_ERRORS, HEADERS, jsonError, jsonRoutes, z } from "../web/json";
import {
  centreInsightsSchema,
  centreSchema,
  centreStatsSchema,
  sharedDebriefSchema,
  sharedListSchema,
} from "./schemas";

type Deps = AppDeps & { centres: CentreStore; accounts: AccountStore };
type AdminEnv = { Variables: { actor: Actor; slug: string } };

const UNAUTHORIZED = "Send a valid API key of this centre (an advisor's, or the shared key) as a Bearer token";
const unauthorized = () =>
  new Refusal(401, "unauthorized", UNAUTHORIZED, { headers: { "WWW-Authenticate": 'Bearer realm="centre"' } });

const slugParam = z.object({
  slug: z.string().meta({ description: "The centre's slug, e.g. `northfield`" }),
});
const json = (description: string, schema: z.ZodType) => ({
  description,
  content: { "application/json": { schema } },
});
const adminResponses = {
  401: jsonError("Missing, malformed, revoked or another centre's key; answered before anything is read", {
    "WWW-Authenticate": HEADERS.wwwAuthenticate,
  }),
  ...COMMON_ERRORS,
};
const adminRoute = <P extends string, R extends object, Q extends z.ZodObject = typeof slugParam>(
  path: P,
  summary: string,
  responses: R,
  description: string,
  params: Q = slugParam as unknown as Q,
  query?: z.ZodObject,
) =>
  createRoute({
    method: "get",
    path,
    tags: ["Centre admin API"],
    summary,
    description,
    security: [{ centreKey: [] }],
    request: { params, ...(query ? { query } : {}) },
    responses: { ...responses, ...adminResponses },
  });

/** The insights' filter, as the advisors' page's form sends it; empty means "all". */
const filterQuery = z.object({
  cohort: z.string().optional().meta({ description: "One of the centre's cohorts, or `unspecified`; all if absent" }),
  from: z
    .string()
    .optional()
    .meta({ description: "The first ISO week, e.g. `2026-W07`; the first with students if absent" }),
  to: z.string().optional().meta({ description: "The last ISO week; the latest if absent" }),
});
const INSIGHTS_RULE =
  "Distinct students; a figure is null when it would count fewer students than the centre's minimum group size (10 unless it chose another, never below 5) in any week-and-cohort cell, or let such a number be worked out from another figure of any filter.";
const insightsRoute = adminRoute(
  "/insights",
  "Every table of the insights page, for a filter",
  {
    200: json("The insights", centreInsightsSchema),
    422: jsonError("The filter names no cohort of the centre, or a week that is not an ISO week"),
  },
  `The funnel by week and by cohort, the filter's students, the situations and the kinds of question fumbled, each with its share. ${INSIGHTS_RULE} Recorded in the centre's log.`,
  slugParam,
  filterQuery,
);
const insightsCsvRoute = adminRoute(
  "/insights.csv",
  "The same insights as CSV",
  {
    200: { description: "CSV", content: { "text/csv": { schema: { type: "string" as const } } } },
    422: jsonError("The filter names no cohort of the centre, or a week that is not an ISO week"),
  },
  "Columns `table,group,suppressed,students,letterSent,secondInterview,offer,letterSentRate,secondInterviewRate,offerRate,share`; `table` is week, cohort, all, situation or questionType; a suppressed figure is an empty cell. Recorded in the centre's log.",
  slugParam,
  filterQuery,
);

const settingsRoute = adminRoute(
  "/",
  "The centre's settings",
  { 200: json("The centre", centreSchema) },
  "Its name, logo, accent colour, allowed email domains, cohorts and minimum group size: what `pnpm centre create` and `update` set. No key or advisor is listed.",
);
const statsRoute = adminRoute(
  "/stats",
  "Funnel statistics per week and per cohort",
  { 200: json("The statistics", centreStatsSchema) },
  "Distinct students (one per proven address, however many debriefs) → letter marked sent → second interview → offer, with each stage's rate. A count of fewer students than the centre's minimum group size (10 unless it chose another, never below 5) is null, and so is any count from which one could be subtracted out across the week and cohort groupings, and any rate beside a null count.",
);
const csvRoute = adminRoute(
  "/stats.csv",
  "The same statistics as CSV",
  { 200: { description: "CSV", content: { "text/csv": { schema: { type: "string" as const } } } } },
  "Columns `grouping,group,suppressed,students,letterSent,secondInterview,offer,letterSentRate,secondInterviewRate,offerRate`; a suppressed count or rate is an empty cell.",
);
const sharedRoute = adminRoute(
  "/shared",
  "The debriefs students chose to share (ids and dates only)",
  { 200: json("The list", sharedListSchema) },
  "Only debriefs whose student ticked sharing and has not withdrawn it; listing opens none of them, so nothing is recorded.",
);
const openRoute = adminRoute(
  "/shared/{id}",
  "Open a shared debrief (recorded in the student's audit log)",
  {
    200: json("The debrief", sharedDebriefSchema),
    404: jsonError("Not shared with this centre (never shared, withdrawn or gone)"),
  },
  "Every opening is recorded in the student's audit log (they see which key opened it and when) and in the centre's log. A debrief whose sharing was withdrawn answers 404 from that moment.",
  slugParam.extend({ id: z.string().meta({ description: "The debrief's id from the list" }) }),
);

/** `/api/centres/{slug}/…`: the centre admin API, where every request is authenticated before anything is read. */
export function centreAdminApi(deps: Deps) {
  const admin = jsonRoutes<AdminEnv>();
  admin.use("*", async (c, next) => {
    const slug = c.req.param("slug") ?? "";
    c.header("Cache-Control", "no-store");
    const actor = SLUG_PATTERN.test(slug)
      ? await authenticateBearer(deps, slug, c.req.header("authorization"))
      : undefined;
    if (!actor) throw unauthorized();
    c.set("actor", actor);
    c.set("slug", slug);
    await next();
  });

  admin.openapi(settingsRoute, async (c) => {
    const centre = await deps.centres.getCentre(c.var.slug);
    if (!centre) throw unauthorized();
    return c.json(publicCentre(centre) as never, 200);
  });

  const exported = (c: { var: AdminEnv["Variables"] }, what: string) =>
    recordCentreEvent(deps, c.var.slug, c.var.actor, "exported", what);

  admin.openapi(statsRoute, async (c) => {
    const stats = await statsFor(deps.centres, c.var.slug, deps.clock.now());
    await exported(c, "stats (API)");
    return c.json(stats as never, 200);
  });

  admin.openapi(csvRoute, async (c) => {
    const csv = statsCsv(await statsFor(deps.centres, c.var.slug, deps.clock.now()));
    await exported(c, "stats.csv (API)");
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${c.var.slug}-stats.csv"`,
    });
  });

  const insightsOf = async (slug: string, query: Record<string, string | undefined>) => {
    const centre = await deps.centres.getCentre(slug);
    if (!centre) throw unauthorized();
    const filter = insightsFilterOf(centre, query);
    if (!filter.ok) throw new Refusal(422, "invalid", "The filter needs attention", { fields: filter.errors });
    return { insights: await insightsFor(deps.centres, centre, deps.clock.now(), filter.value), filter: filter.value };
  };
  const filterNote = (filter: Record<string, string | undefined>) =>
    Object.entries(filter)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ");

  admin.openapi(insightsRoute, async (c) => {
    const { insights, filter } = await insightsOf(c.var.slug, {
      cohort: c.req.query("cohort"),
      from: c.req.query("from"),
      to: c.req.query("to"),
    });
    await exported(c, `insights (API) ${filterNote(filter)}`.trim());
    return c.json(insights as never, 200);
  });

  admin.openapi(insightsCsvRoute, async (c) => {
    const { insights, filter } = await insightsOf(c.var.slug, {
      cohort: c.req.query("cohort"),
      from: c.req.query("from"),
      to: c.req.query("to"),
    });
    await exported(c, `insights.csv (API) ${filterNote(filter)}`.trim());
    return c.body(insightsCsv(insights), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${c.var.slug}-insights.csv"`,
    });
  });

  admin.openapi(sharedRoute, async (c) => {
    const debriefs = await sharedDebriefs(deps.centres, c.var.slug, deps.clock.now());
    return c.json({ debriefs }, 200);
  });

  admin.openapi(openRoute, async (c) => {
    const view = await openSharedDebrief(
      { centres: deps.centres, debriefs: deps.store, accounts: deps.accounts, clock: deps.clock },
      c.var.slug,
      c.req.valid("param").id,
      c.var.actor,
    );
    if (!view) throw new Refusal(404, "not_found", "No debrief is shared with this centre under that id");
    deps.log.info("shared debrief opened", { debriefId: view.id });
    return c.json(view as never, 200);
  });

  // Anything else under a centre is a 404, but only after the key was checked.
  admin.all("*", () => {
    throw new Refusal(404, "not_found", "No such route");
  });

  const app = jsonRoutes();
  app.route("/api/centres/:slug", admin);
  return app;
}
