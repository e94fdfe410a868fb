import {
  changeSalutation,
  composeTips,
  currentDraft,
  type Debrief,
  debriefForPageToken,
  EMAIL_KINDS,
  type EmailKind,
  eraseDebrief,
  exportDebrief,
  letterEml,
  linkPath,
  markLetterSent,
  pendingAction,
  performAction,
  practiceIcs,
  regenerate,
  requestResend,
  saveDraft,
  secondInterview,
  shapeLetter,
  snooze,
  stopEmails,
} from "@debrief/core";
import { type Context, Hono } from "hono";
import { type AppDeps, actionDepsOf } from "../deps";
import { first, limitBody, notFound, privateHeaders } from "../web/http";
import { ACTION_COPY, actionDoneMessage, type Done, isDone, SECOND_INTERVIEW_DONE, SNOOZE_DONE } from "./copy";
import { emailStatuses } from "./emails-section";
import { ActionDonePage, ConfirmActionPage, DeletedPage } from "./link-pages";
import { DEBRIEF_PAGE_TITLE, DebriefPage } from "./page";

/** What every route under `/d/{token}` gets: the debrief its token opens, resolved once. */
export type TokenEnv = { Variables: { debrief: Debrief; token: string; base: string } };

/**
 * `/d/{token}`: the candidate's page and everything under it (its actions, downloads,
 * and the centre's sharing and check-in pages, mounted here by their own folder). The
 * token is resolved once, before any route: an unknown or altered one is a 404.
 */
export function tokenApp(deps: AppDeps) {
  const app = new Hono<TokenEnv>();
  app.use("*", limitBody(), async (c, next) => {
    privateHeaders(c);
    const token = c.req.param("token") ?? "";
    const debrief = await debriefForPageToken(token, deps);
    if (!debrief) throw notFound();
    c.set("debrief", debrief);
    c.set("token", token);
    c.set("base", linkPath("page", token));
    await next();
  });
  return app;
}

/** The candidate's page and its actions; plain HTML forms posting back here, so it all works with JavaScript off. */
export function candidatePageRoutes(deps: AppDeps) {
  const app = new Hono<TokenEnv>();
  const actionDeps = actionDepsOf(deps);
  const back = (c: Context<TokenEnv>, done: Done) => c.redirect(`${c.var.base}?done=${done}`, 303);
  const page = (c: Context<TokenEnv>, props: Partial<Parameters<typeof DebriefPage>[0]> = {}) =>
    c.render(<DebriefPage debrief={c.var.debrief} base={c.var.base} now={deps.clock.now()} {...props} />, {
      title: DEBRIEF_PAGE_TITLE,
    });

  app.get("/", async (c) => {
    const done = c.req.query("done");
    // Say so when no email can reach the address (a bounce, a complaint, "this wasn't me"), but only to a
    // holder who proved the address is theirs (used a one-use link from an email): the page token is also
    // handed to whoever typed the address, and would otherwise tell them whether a mailbox exists or opted out.
    const d = c.var.debrief;
    const suppressed =
      Boolean(d.addressProvenAt) && (await deps.store.isSuppressed(d.input.candidate.email, deps.clock.now()));
    return page(c, { justSubmitted: c.req.query("new") === "1", done: isDone(done) ? done : undefined, suppressed });
  });

  app.post("/draft", async (c) => {
    const body = await c.req.parseBody();
    const fields = { subject: first(body.subject), body: first(body.body) };
    const result = await saveDraft(c.var.debrief, fields, deps);
    if (result.ok) return back(c, "draft");
    c.status(422);
    return page(c, { errors: result.errors, draftValues: { subject: fields.subject ?? "", body: fields.body ?? "" } });
  });

  app.post("/tone", async (c) => {
    const body = await c.req.parseBody();
    const result = await regenerate(c.var.debrief, { tone: body.tone, replace: first(body.replace) }, deps);
    if (result.ok) return back(c, "tone");
    c.status(422);
    return page(c, { errors: result.errors, errorsOf: "tone" });
  });

  // The letter's length and the parts put back: one form, so a submission states the whole choice.
  app.post("/letter", async (c) => {
    const body = await c.req.parseBody({ all: true });
    const result = await shapeLetter(
      c.var.debrief,
      {
        length: first(body.length),
        include: body.include,
        decisionDate: first(body.decisionDate),
        replace: first(body.replace),
      },
      deps,
    );
    if (result.ok) return back(c, "letter");
    c.status(422);
    return page(c, { errors: result.errors, errorsOf: "letter" });
  });

  app.post("/salutation", async (c) => {
    const body = await c.req.parseBody();
    const salutation = first(body.salutation);
    const result = await changeSalutation(
      c.var.debrief,
      { salutation, use: first(body.use), replace: first(body.replace) },
      deps,
    );
    if (result.ok) return back(c, "salutation");
    c.status(422);
    return page(c, { errors: result.errors, errorsOf: "salutation", salutationValue: salutation ?? "" });
  });

  app.post("/sent", async (c) => {
    await markLetterSent(c.var.debrief, deps);
    return back(c, "sent");
  });

  app.post("/snooze", async (c) => {
    const result = await snooze(c.var.debrief, actionDeps);
    deps.log.info("snooze", { debriefId: c.var.debrief.id, status: result.status });
    return back(c, SNOOZE_DONE[result.status]);
  });

  app.post("/second-interview", async (c) => {
    const result = await secondInterview(c.var.debrief, actionDeps);
    deps.log.info("second interview", { debriefId: c.var.debrief.id, status: result.status });
    return back(c, SECOND_INTERVIEW_DONE[result.status]);
  });

  // An email whose send could not be confirmed (core repair.ts), sent again at the candidate's request.
  app.post("/resend/:kind", async (c) => {
    const kind = c.req.param("kind");
    if (!(EMAIL_KINDS as readonly string[]).includes(kind)) throw notFound();
    const result = await requestResend(c.var.debrief, kind as EmailKind, deps);
    deps.log.info("resend", { debriefId: c.var.debrief.id, kind, status: result });
    return back(c, result === "requested" ? "resend" : "resend-not-needed");
  });

  app.post("/stop", async (c) => {
    await stopEmails(c.var.debrief, actionDeps);
    return back(c, "stopped");
  });

  app.post("/delete", async (c) => {
    const body = await c.req.parseBody();
    if (body.confirm !== "yes") return back(c, "delete-unconfirmed");
    await eraseDebrief(c.var.debrief, actionDeps);
    deps.log.info("debrief erased", { debriefId: c.var.debrief.id, via: "page" });
    return c.render(<DeletedPage />, { title: "Deleted" });
  });

  app.get("/letter.eml", (c) => {
    const d = c.var.debrief;
    const { email, name } = d.input.interview.interviewer;
    const eml = letterEml(currentDraft(d), {
      to: email ? { address: email, name } : undefined,
      date: deps.clock.now(),
    });
    return c.body(eml, 200, {
      "content-type": "message/rfc822",
      "content-disposition": 'attachment; filename="follow-up.eml"',
    });
  });

  app.get("/practice.ics", (c) => {
    const d = c.var.debrief;
    const { practice } = composeTips(d);
    // The tips' scheduled time fixes the session, so the email and this file always agree.
    const ics = practiceIcs(practice, `${d.id}-practice@interview-debrief`, new Date(d.schedule.tipsAt));
    return c.body(ics, 200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'attachment; filename="practice-session.ics"',
    });
  });

  // The emails' statuses for the page's script while one is on its way: the page's own words, no personal data.
  app.get("/status.json", (c) => c.json(emailStatuses(c.var.debrief, deps.clock.now())));

  app.get("/data.json", (c) =>
    c.body(JSON.stringify(exportDebrief(c.var.debrief), null, 2), 200, {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": 'attachment; filename="my-debrief.json"',
    }),
  );

  return app;
}

/** One-use links from the emails, `/a/{token}`: GET asks, POST acts (link scanners only GET). */
export function actionLinkRoutes(deps: AppDeps) {
  const app = new Hono();
  const actionDeps = actionDepsOf(deps);

  app.use("/:token", limitBody(), async (c, next) => {
    privateHeaders(c);
    await next();
  });

  app.get("/:token", async (c) => {
    const pending = await pendingAction(c.req.param("token"), deps);
    if (!pending) throw notFound();
    return c.render(<ConfirmActionPage action={pending.action} path={linkPath("action", c.req.param("token"))} />, {
      title: ACTION_COPY[pending.action].title,
    });
  });

  app.post("/:token", async (c) => {
    const done = await performAction(c.req.param("token"), actionDeps);
    if (!done) throw notFound();
    deps.log.info("action link used", { action: done.action });
    return c.render(<ActionDonePage message={actionDoneMessage(done.action, done.result)} />, { title: "Done" });
  });

  return app;
}
