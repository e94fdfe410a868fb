import {
  answerCheckin,
  authenticateCentre,
  type Centre,
  type CentreStore,
  CHECKIN_ANSWERS,
  CHECKIN_KINDS,
  type CheckinAnswer,
  type CheckinKind,
  type Debrief,
  debriefForPageToken,
  type FormFields,
  formToDebriefRequest,
  openSharedDebrief,
  publicCentre,
  SLUG_PATTERN,
  setCentreSharing,
  sharedDebriefs,
  statsCsv,
  statsFor,
  submitCentreDebrief,
} from "@debrief/core";
import { type Context, Hono } from "hono";
import type { AppDeps } from "../deps";
import { guardFor, newFormGuard } from "../form-guard";
import { handleFormSubmission, submitDepsOf } from "../form-submission";
import { NotFoundPage } from "../pages/debrief";
import { DebriefForm, formDefaults } from "../pages/form";
import { brandCss, CENTRE_ADMIN_JS } from "./assets";
import { CentreAdminPage, CentreBanner, CentreFields, CentreSharingPage, CheckinPage } from "./pages";

type Deps = AppDeps & { centres: CentreStore };
type AdminEnv = { Variables: { keyHash: string } };

const UNAUTHORIZED = { error: "unauthorized", message: "Send a valid admin key of this centre as a Bearer token" };

/**
 * Career centres: the branded form at /c/{slug}, the student's sharing page and
 * check-in answers under their page token, and the admin API under
 * /api/centres/{slug}, where every request is authenticated before anything is read.
 */
export function centreRoutes(deps: Deps) {
  const app = new Hono();
  const findCentre = async (slug: string) => (SLUG_PATTERN.test(slug) ? deps.centres.getCentre(slug) : undefined);
  const notFound = (c: Context) => {
    c.status(404);
    return c.render(<NotFoundPage />);
  };

  // ---- the branded form -------------------------------------------------------------
  const form = (centre: Centre, values: FormFields, errors: Record<string, string>, now: Date, fresh: boolean) => (
    <DebriefForm
      values={values}
      errors={errors}
      guard={fresh ? newFormGuard(deps.abuse, now) : guardFor(values, deps.abuse, now)}
      centre={{
        action: `/c/${centre.slug}`,
        banner: <CentreBanner centre={centre} />,
        fields: <CentreFields centre={centre} values={values} errors={errors} />,
      }}
    />
  );

  app.get("/c/:slug", async (c) => {
    const centre = await findCentre(c.req.param("slug"));
    if (!centre) return notFound(c);
    return c.render(form(centre, formDefaults(deps.clock.now()), {}, deps.clock.now(), true));
  });

  app.get("/c/:slug/brand.css", async (c) => {
    const centre = await findCentre(c.req.param("slug"));
    if (!centre) return c.text("Not found", 404);
    return c.body(brandCss(centre.accentColour), 200, {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "public, max-age=300",
    });
  });

  app.post("/c/:slug", async (c) => {
    const centre = await findCentre(c.req.param("slug"));
    if (!centre) return notFound(c);
    return handleFormSubmission(c, deps, {
      via: "centre",
      submit: (fields, ctx) => {
        const cohort = typeof fields.cohort === "string" && fields.cohort !== "" ? fields.cohort : undefined;
        const choices = { shareWithCentre: fields.shareWithCentre === "on", cohort };
        return submitCentreDebrief(formToDebriefRequest(fields), centre, choices, submitDepsOf(deps), ctx);
      },
      renderForm: (values, errors, fresh) => form(centre, values, errors, deps.clock.now(), fresh),
    });
  });

  app.get("/c/:slug/admin", async (c) => {
    const centre = await findCentre(c.req.param("slug"));
    if (!centre) return notFound(c);
    return c.render(
      <>
        <link rel="stylesheet" href={`/c/${centre.slug}/brand.css`} />
        <CentreAdminPage slug={centre.slug} />
      </>,
    );
  });

  app.get("/assets/centre-admin.js", (c) =>
    c.body(CENTRE_ADMIN_JS, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=3600",
    }),
  );

  // ---- the student's side, under their page token ----------------------------------------
  const debriefOf = (token: string): Promise<Debrief | undefined> => debriefForPageToken(token, deps);

  const sharingPage = async (c: Context, token: string, debrief: Debrief, changed?: "withdrawn" | "shared") => {
    const centre = debrief.centre ? await deps.centres.getCentre(debrief.centre) : undefined;
    const audit = await deps.centres.auditLog(debrief.id);
    c.header("Cache-Control", "no-store");
    return c.render(
      <CentreSharingPage
        debrief={debrief}
        centreName={centre?.displayName ?? debrief.centreSnapshot?.displayName ?? "your career centre"}
        audit={audit}
        token={token}
        changed={changed}
      />,
    );
  };

  app.get("/d/:token/centre", async (c) => {
    const token = c.req.param("token");
    const debrief = await debriefOf(token);
    if (!debrief?.centre) return notFound(c);
    return sharingPage(c, token, debrief);
  });

  app.post("/d/:token/centre", async (c) => {
    const token = c.req.param("token");
    const debrief = await debriefOf(token);
    if (!debrief?.centre) return notFound(c);
    const body = await c.req.parseBody();
    const share = body.share === "on";
    await setCentreSharing(deps, debrief, share);
    return sharingPage(c, token, { ...debrief, shareWithCentre: share }, share ? "shared" : "withdrawn");
  });

  const checkinParams = (c: Context) => {
    const kind = c.req.param("kind") as CheckinKind;
    const answer = c.req.param("answer") as CheckinAnswer;
    const valid = CHECKIN_KINDS.includes(kind) && CHECKIN_ANSWERS.includes(answer);
    return valid ? { kind, answer } : undefined;
  };

  // Showing the answer records nothing: mail scanners follow links, only the button press counts.
  app.get("/d/:token/checkin/:kind/:answer", async (c) => {
    const token = c.req.param("token");
    const params = checkinParams(c);
    const debrief = params ? await debriefOf(token) : undefined;
    if (!params || !debrief) return notFound(c);
    c.header("Cache-Control", "no-store");
    const state = debrief.checkins?.[params.kind] ? "already-answered" : "confirm";
    return c.render(<CheckinPage token={token} {...params} state={state} />);
  });

  app.post("/d/:token/checkin/:kind/:answer", async (c) => {
    const token = c.req.param("token");
    const params = checkinParams(c);
    const debrief = params ? await debriefOf(token) : undefined;
    if (!params || !debrief) return notFound(c);
    const outcome = await answerCheckin(deps, debrief, params.kind, params.answer);
    if (outcome === "recorded") deps.log.info("check-in answered", { debriefId: debrief.id, kind: params.kind });
    if (outcome === "already-answered") c.status(409);
    return c.render(<CheckinPage token={token} {...params} state={outcome} />);
  });

  // ---- the admin API: authenticated first, for every path under the centre -----------------
  const admin = new Hono<AdminEnv>();
  admin.use("*", async (c, next) => {
    const slug = c.req.param("slug") ?? "";
    const keyHash = SLUG_PATTERN.test(slug)
      ? await authenticateCentre(deps.centres, slug, c.req.header("authorization"))
      : undefined;
    c.header("Cache-Control", "no-store");
    if (!keyHash) {
      c.header("WWW-Authenticate", 'Bearer realm="centre"');
      return c.json(UNAUTHORIZED, 401);
    }
    c.set("keyHash", keyHash);
    await next();
  });

  admin.get("/", async (c) => {
    const centre = await deps.centres.getCentre(c.req.param("slug") ?? "");
    return centre ? c.json(publicCentre(centre)) : c.json(UNAUTHORIZED, 401);
  });

  admin.get("/stats", async (c) => c.json(await statsFor(deps.centres, c.req.param("slug") ?? "", deps.clock.now())));

  admin.get("/stats.csv", async (c) => {
    const slug = c.req.param("slug") ?? "";
    const csv = statsCsv(await statsFor(deps.centres, slug, deps.clock.now()));
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${slug}-stats.csv"`,
    });
  });

  admin.get("/shared", async (c) => {
    const debriefs = await sharedDebriefs(deps.centres, c.req.param("slug") ?? "", deps.clock.now());
    return c.json({ debriefs });
  });

  admin.get("/shared/:id", async (c) => {
    const view = await openSharedDebrief(
      { centres: deps.centres, debriefs: deps.store, clock: deps.clock },
      c.req.param("slug") ?? "",
      c.req.param("id"),
      c.get("keyHash"),
    );
    if (!view)
      return c.json({ error: "not_found", message: "No debrief is shared with this centre under that id" }, 404);
    deps.log.info("shared debrief opened", { debriefId: view.id });
    return c.json(view);
  });

  // Anything else under a centre is a 404, but only after the key was checked.
  admin.all("*", (c) => c.json({ error: "not_found", message: "No such route" }, 404));

  app.route("/api/centres/:slug", admin);
  return app;
}
