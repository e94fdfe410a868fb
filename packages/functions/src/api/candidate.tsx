import {
  type CandidateDeps,
  composeTips,
  currentDraft,
  type Debrief,
  debriefForPageToken,
  eraseDebrief,
  exportDebrief,
  letterEml,
  markLetterSent,
  pendingAction,
  performAction,
  practiceIcs,
  regenerate,
  saveDraft,
  secondInterview,
  snooze,
  stopEmails,
} from "@debrief/core";
import { type Context, Hono } from "hono";
import type { AppDeps } from "./deps";
import { ActionDonePage, ConfirmActionPage, DebriefPage, DeletedPage, NotFoundPage } from "./pages/debrief";

type Env = { Variables: { debrief: Debrief; base: string } };

/**
 * The page's only script, served from here (the CSP allows no inline script): it
 * adds a "Copy the letter" button where the clipboard can be used. Without
 * JavaScript the letter is still there to select and copy.
 */
export const CANDIDATE_JS = `(function () {
  var actions = document.querySelector("[data-copy]");
  var source = actions && document.getElementById(actions.getAttribute("data-copy"));
  var status = document.getElementById("copy-status");
  if (!actions || !source) return;
  // The slot app.css reserves for the button is released when there is no clipboard to copy to.
  if (!navigator.clipboard) { actions.classList.add("copy-unavailable"); return; }
  var button = document.createElement("button");
  button.type = "button";
  button.className = "secondary";
  button.id = "copy-letter";
  button.textContent = "Copy the letter";
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(source.textContent || "").then(
      function () { if (status) status.textContent = "Copied. Paste it into a new email."; },
      function () { if (status) status.textContent = "Copying did not work: select the letter and copy it."; }
    );
  });
  // Into the slot app.css reserved at the end of the row, in the same task: nothing moves.
  actions.appendChild(button);
  actions.classList.add("copy-ready");
})();
`;

const errorName = (error: unknown) => (error instanceof Error ? error.name : typeof error);

/** Token pages are private: never cached, never sent as a Referer. */
function privateHeaders(c: Context) {
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
}

const firstString = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/**
 * The candidate's page `/d/{token}` and its actions, and the one-use links
 * `/a/{token}` from the emails. Plain HTML forms posting back here, so it all
 * works with JavaScript off; every handler calls one domain function in core.
 */
export function candidateRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  const actionDeps: CandidateDeps = {
    store: deps.store,
    workflow: deps.workflow,
    clock: deps.clock,
    onStopFailed: (debriefId, error) =>
      deps.log.warn("workflow could not be stopped; sends will skip", { debriefId, error: errorName(error) }),
  };

  const notFound = (c: Context) => {
    c.status(404);
    return c.render(<NotFoundPage />);
  };

  // Every /d/{token} route (the page and its actions; the pattern matches both) resolves the token first:
  // an unknown or altered one is a 404 before anything else.
  app.use("/d/:token/*", async (c, next) => {
    privateHeaders(c);
    const token = c.req.param("token");
    const debrief = await debriefForPageToken(token, deps);
    if (!debrief) return notFound(c);
    c.set("debrief", debrief);
    c.set("base", `/d/${token}`);
    await next();
  });

  app.get("/d/:token", async (c) =>
    c.render(
      <DebriefPage
        debrief={c.var.debrief}
        base={c.var.base}
        justSubmitted={c.req.query("new") === "1"}
        done={c.req.query("done")}
        now={deps.clock.now()}
        suppressed={await deps.store.isSuppressed(c.var.debrief.input.candidate.email, deps.clock.now())}
      />,
    ),
  );

  const back = (c: Context<Env>, done: string) => c.redirect(`${c.var.base}?done=${done}`, 303);

  app.post("/d/:token/draft", async (c) => {
    const body = await c.req.parseBody();
    const fields = { subject: firstString(body.subject), body: firstString(body.body) };
    const result = await saveDraft(c.var.debrief, fields, deps);
    if (!result.ok) {
      c.status(422);
      return c.render(
        <DebriefPage
          debrief={c.var.debrief}
          base={c.var.base}
          now={deps.clock.now()}
          errors={result.errors}
          draftValues={{ subject: fields.subject ?? "", body: fields.body ?? "" }}
        />,
      );
    }
    return back(c, "draft");
  });

  app.post("/d/:token/tone", async (c) => {
    const body = await c.req.parseBody();
    const result = await regenerate(c.var.debrief, body.tone, deps);
    if (!result.ok) {
      c.status(422);
      return c.render(
        <DebriefPage debrief={c.var.debrief} base={c.var.base} now={deps.clock.now()} errors={result.errors} />,
      );
    }
    return back(c, "tone");
  });

  app.post("/d/:token/sent", async (c) => {
    await markLetterSent(c.var.debrief, deps);
    return back(c, "sent");
  });

  app.post("/d/:token/snooze", async (c) => {
    const result = await snooze(c.var.debrief, actionDeps);
    deps.log.info("snooze", { debriefId: c.var.debrief.id, status: result.status });
    return back(
      c,
      result.status === "snoozed" ? "snoozed" : result.status === "limit" ? "snooze-limit" : result.status,
    );
  });

  app.post("/d/:token/second-interview", async (c) => {
    const result = await secondInterview(c.var.debrief, actionDeps);
    deps.log.info("second interview", { debriefId: c.var.debrief.id, status: result.status });
    return back(c, result.status === "sending" ? "second-interview" : "tips-already-sent");
  });

  app.post("/d/:token/stop", async (c) => {
    await stopEmails(c.var.debrief, actionDeps);
    return back(c, "stopped");
  });

  app.post("/d/:token/delete", async (c) => {
    const body = await c.req.parseBody();
    if (body.confirm !== "yes") return back(c, "delete-unconfirmed");
    await eraseDebrief(c.var.debrief, actionDeps);
    deps.log.info("debrief erased", { debriefId: c.var.debrief.id, via: "page" });
    return c.render(<DeletedPage />);
  });

  app.get("/d/:token/letter.eml", (c) => {
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

  app.get("/d/:token/practice.ics", (c) => {
    const d = c.var.debrief;
    const { practice } = composeTips(d);
    // The tips' scheduled time fixes the session, so the email and this file always agree.
    const ics = practiceIcs(practice, `${d.id}-practice@interview-debrief`, new Date(d.schedule.tipsAt));
    return c.body(ics, 200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'attachment; filename="practice-session.ics"',
    });
  });

  app.get("/d/:token/data.json", (c) =>
    c.body(JSON.stringify(exportDebrief(c.var.debrief), null, 2), 200, {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": 'attachment; filename="my-debrief.json"',
    }),
  );

  app.get("/assets/candidate.js", (c) =>
    c.body(CANDIDATE_JS, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=3600",
    }),
  );

  // One-use links from the emails: GET asks, POST acts (link scanners only GET).
  app.get("/a/:token", async (c) => {
    privateHeaders(c);
    const pending = await pendingAction(c.req.param("token"), deps);
    if (!pending) return notFound(c);
    return c.render(<ConfirmActionPage action={pending.action} path={`/a/${c.req.param("token")}`} />);
  });

  app.post("/a/:token", async (c) => {
    privateHeaders(c);
    const done = await performAction(c.req.param("token"), actionDeps);
    if (!done) return notFound(c);
    deps.log.info("action link used", { action: done.action });
    const messages = {
      sent: "Marked as sent. Tomorrow's email will tell you what to expect instead of reminding you.",
      snooze:
        (done.result as { status?: string }).status === "snoozed"
          ? "Snoozed: your next email comes a day later."
          : "There was nothing left to snooze.",
      stop: "We will send you no more emails about this debrief.",
      delete: "Your debrief, your draft and every link to them are deleted. No more emails will come.",
    };
    return c.render(<ActionDonePage message={messages[done.action]} />);
  });

  return app;
}
