import { type Centre, type CentreStore, formToDebriefRequest, SLUG_PATTERN, submitCentreDebrief } from "@debrief/core";
import { type Context, Hono } from "hono";
import { etag } from "hono/etag";
import { FORM_COPY } from "../debriefs/copy";
import { formDefaults } from "../debriefs/fields";
import { formGuard } from "../debriefs/guard";
import { formRefusals, handleFormSubmission, type RenderForm } from "../debriefs/submission";
import { DebriefForm, formTitle } from "../debriefs/view";
import { type AppDeps, submitDepsOf } from "../deps";
import { IMMUTABLE, REVALIDATE } from "../web/assets";
import { limitBody, notFound } from "../web/http";
import { brandCss, brandCssVersion } from "./brand";
import { BrandStyles, CentreBanner, CentreFields } from "./views";

type Deps = AppDeps & { centres: CentreStore };
type CentreEnv = { Variables: { centre: Centre } };

/** A centre's public pages: its branded form `/c/{slug}` and its stylesheet. */
export function centreFormRoutes(deps: Deps) {
  const app = new Hono<CentreEnv>();
  const submitDeps = submitDepsOf(deps);

  // Every route here is about one centre: an unknown slug is a 404 before anything else.
  app.use("/c/:slug/*", async (c, next) => {
    const slug = c.req.param("slug") ?? "";
    const centre = SLUG_PATTERN.test(slug) ? await deps.centres.getCentre(slug) : undefined;
    if (!centre) throw notFound();
    c.set("centre", centre);
    await next();
  });

  const renderFor =
    (centre: Centre): RenderForm =>
    async (c, state, fresh) => {
      const guard = await formGuard(deps, deps.log, deps.clock.now(), fresh ? undefined : state.values);
      return c.render(
        <DebriefForm
          state={state}
          guard={guard}
          centre={{
            action: `/c/${centre.slug}`,
            banner: <CentreBanner centre={centre} />,
            fields: <CentreFields centre={centre} values={state.values} errors={state.errors ?? {}} />,
          }}
        />,
        {
          title: formTitle(state),
          description: `${FORM_COPY.description} Offered by ${centre.displayName}.`,
          head: <BrandStyles centre={centre} />,
        },
      );
    };
  const render = (c: Context<CentreEnv>) => renderFor(c.var.centre);

  app.get("/c/:slug", (c) => render(c)(c, { values: formDefaults(deps.clock.now()), restoreDraft: true }, true));

  app.post(
    "/c/:slug",
    formRefusals(deps, (c) => render(c as Context<CentreEnv>)),
    limitBody(),
    (c) => {
      const centre = c.var.centre;
      return handleFormSubmission(c, deps, {
        via: "centre",
        render: renderFor(centre),
        submit: (fields, ctx) => {
          const cohort = typeof fields.cohort === "string" && fields.cohort !== "" ? fields.cohort : undefined;
          const choices = { shareWithCentre: fields.shareWithCentre === "on", cohort };
          return submitCentreDebrief(formToDebriefRequest(fields), centre, choices, submitDeps, ctx);
        },
      });
    },
  );

  // The address the pages link (`?v=` the content's hash) is cached for a year; the plain one, and an
  // earlier hash, are revalidated each time (ETag, 304), so a changed accent shows at once.
  app.get("/c/:slug/brand.css", etag(), (c) => {
    const accent = c.var.centre.accentColour;
    return c.body(brandCss(accent), 200, {
      "content-type": "text/css; charset=utf-8",
      "cache-control": c.req.query("v") === brandCssVersion(accent) ? IMMUTABLE : REVALIDATE,
    });
  });

  return app;
}
