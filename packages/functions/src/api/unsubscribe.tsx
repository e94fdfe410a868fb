import { randomUUID } from "node:crypto";
import { type CandidateDeps, checkLinkLimits, debriefForPageToken, stopEmails, suppressAndStop } from "@debrief/core";
import { type Context, Hono } from "hono";
import { clientIp } from "./client-ip";
import type { AppDeps } from "./deps";
import { NotFoundPage } from "./pages/debrief";
import { Page } from "./pages/layout";

const errorName = (error: unknown) => (error instanceof Error ? error.name : typeof error);

/**
 * `/u/{token}`: RFC 8058 one-click unsubscribe. Mail providers POST
 * `List-Unsubscribe=One-Click` from their servers (no cookies, no Origin), and the
 * debrief's emails stop at once; a GET (a person following the link) only shows a
 * button, since link scanners fetch every URL in a message.
 *
 * `/not-me/{token}`: "this wasn't me", in every email. Someone typed this address
 * into the form: the address is suppressed (only its hash is kept) and every
 * workflow still pending for it is stopped, whoever's debrief it was.
 */
export function unsubscribeRoutes(deps: AppDeps) {
  const app = new Hono();
  const actionDeps: CandidateDeps = {
    store: deps.store,
    workflow: deps.workflow,
    clock: deps.clock,
    onStopFailed: (debriefId, error) =>
      deps.log.warn("workflow could not be stopped; sends will skip", { debriefId, error: errorName(error) }),
  };
  const lookUp = async (c: Context) => {
    c.header("Cache-Control", "no-store");
    return debriefForPageToken(c.req.param("token") ?? "", deps);
  };
  /** A 429 page when this link (or, for "this wasn't me", this client) has posted too often this hour. */
  const throttled = async (c: Context, link: "unsubscribe" | "not-me", debriefId: string) => {
    const verdict = await checkLinkLimits(
      link,
      { ip: clientIp(c), debriefId, requestId: randomUUID() },
      deps.clock.now(),
      deps.rateCounter,
    );
    if (!verdict.limited) return undefined;
    c.status(429);
    c.header("Retry-After", String(verdict.retryAfterSeconds));
    return c.render(
      <Page title="Too many requests">
        <h1>Too many requests</h1>
        <p>This link was used too often in the last hour. Please try again later.</p>
      </Page>,
    );
  };
  const notFound = (c: Context) => {
    c.status(404);
    return c.render(<NotFoundPage />);
  };

  app.get("/u/:token", async (c) => {
    const debrief = await lookUp(c);
    if (!debrief) return notFound(c);
    return c.render(
      <Page title="Unsubscribe">
        <h1>Stop these emails?</h1>
        <p>We will send nothing more about this debrief. Your page and your draft stay until you delete them.</p>
        <form method="post">
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <button type="submit" class="primary">
            Stop the emails
          </button>
        </form>
      </Page>,
    );
  });

  app.post("/u/:token", async (c) => {
    const debrief = await lookUp(c);
    if (!debrief) return notFound(c);
    const limited = await throttled(c, "unsubscribe", debrief.id);
    if (limited) return limited;
    await stopEmails(debrief, actionDeps);
    deps.log.info("unsubscribed", { debriefId: debrief.id });
    return c.render(
      <Page title="Unsubscribed">
        <h1>You are unsubscribed</h1>
        <p>We will send no more emails about this debrief.</p>
      </Page>,
    );
  });

  app.get("/not-me/:token", async (c) => {
    const debrief = await lookUp(c);
    if (!debrief) return notFound(c);
    return c.render(
      <Page title="This wasn't me">
        <h1>Did someone else use your address?</h1>
        <p>
          If you did not fill in an interview debrief, we will never email this address again and stop anything already
          scheduled for it.
        </p>
        <form method="post">
          <button type="submit" class="primary">
            This wasn't me: never email me again
          </button>
        </form>
      </Page>,
    );
  });

  app.post("/not-me/:token", async (c) => {
    const debrief = await lookUp(c);
    if (!debrief) return notFound(c);
    const limited = await throttled(c, "not-me", debrief.id);
    if (limited) return limited;
    const { stopped } = await suppressAndStop(debrief.input.candidate.email, "not-me", actionDeps);
    deps.log.info("address suppressed: not me", { debriefId: debrief.id, stopped });
    return c.render(
      <Page title="We will not email you again">
        <h1>We will not email you again</h1>
        <p>Sorry for the trouble. This address is on our do-not-send list, and nothing more is on its way.</p>
      </Page>,
    );
  });

  return app;
}
