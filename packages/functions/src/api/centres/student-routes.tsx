import {
  answerCheckin,
  type CentreStore,
  CHECKIN_ANSWERS,
  CHECKIN_KINDS,
  type CheckinAnswer,
  type CheckinKind,
  type Debrief,
  minGroupSizeOf,
  setCentreSharing,
} from "@debrief/core";
import { type Context, Hono } from "hono";
import type { TokenEnv } from "../candidate/routes";
import type { AppDeps } from "../deps";
import { notFound } from "../web/http";
import { CentreSharingPage, CheckinPage } from "./views";

type Deps = AppDeps & { centres: CentreStore };

/**
 * The student's side of a centre, mounted under `/d/{token}` (which resolved the
 * debrief): the sharing page with its audit log, and the check-in answers of the emails.
 */
export function centreStudentRoutes(deps: Deps) {
  const app = new Hono<TokenEnv>();

  const sharingPage = async (c: Context<TokenEnv>, debrief: Debrief, changed?: "withdrawn" | "shared") => {
    const centre = debrief.centre ? await deps.centres.getCentre(debrief.centre) : undefined;
    const audit = await deps.centres.auditLog(debrief.id);
    const centreName = centre?.displayName ?? debrief.centreSnapshot?.displayName ?? "your career centre";
    return c.render(
      <CentreSharingPage
        debrief={debrief}
        centreName={centreName}
        minGroupSize={minGroupSizeOf(centre ?? {})}
        audit={audit}
        token={c.var.token}
        changed={changed}
      />,
      { title: `Sharing with ${centreName}` },
    );
  };

  app.get("/centre", (c) => {
    if (!c.var.debrief.centre) throw notFound();
    return sharingPage(c, c.var.debrief);
  });

  app.post("/centre", async (c) => {
    const debrief = c.var.debrief;
    if (!debrief.centre) throw notFound();
    const body = await c.req.parseBody();
    const share = body.share === "on";
    await setCentreSharing(deps, debrief, share);
    return sharingPage(c, { ...debrief, shareWithCentre: share }, share ? "shared" : "withdrawn");
  });

  const checkinParams = (c: Context<TokenEnv>) => {
    const kind = c.req.param("kind") as CheckinKind;
    const answer = c.req.param("answer") as CheckinAnswer;
    if (!CHECKIN_KINDS.includes(kind) || !CHECKIN_ANSWERS.includes(answer)) throw notFound();
    return { kind, answer };
  };

  // Showing the answer records nothing: mail scanners follow links, only the button press counts.
  app.get("/checkin/:kind/:answer", (c) => {
    const params = checkinParams(c);
    const state = c.var.debrief.checkins?.[params.kind] ? "already-answered" : "confirm";
    return c.render(<CheckinPage token={c.var.token} {...params} state={state} />, { title: "Your news" });
  });

  app.post("/checkin/:kind/:answer", async (c) => {
    const params = checkinParams(c);
    const debrief = c.var.debrief;
    const outcome = await answerCheckin(deps, debrief, params.kind, params.answer);
    if (outcome === "recorded") deps.log.info("check-in answered", { debriefId: debrief.id, kind: params.kind });
    if (outcome === "already-answered") c.status(409);
    return c.render(<CheckinPage token={c.var.token} {...params} state={outcome} />, { title: "Your news" });
  });

  return app;
}
