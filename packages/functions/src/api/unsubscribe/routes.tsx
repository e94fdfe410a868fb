import { randomUUID } from "node:crypto";
import {
  checkLinkLimits,
  debriefForLink,
  debriefForNotMeToken,
  linkRoute,
  stopEmails,
  suppressAndStop,
} from "@debrief/core";
import { type Context, Hono } from "hono";
import { type AppDeps, actionDepsOf } from "../deps";
import { clientIp } from "../web/client-ip";
import { limitBody, notFound } from "../web/http";
import {
  NOT_ME,
  NotMePage,
  SUPPRESSED,
  SuppressedPage,
  THROTTLED,
  ThrottledPage,
  UNSUBSCRIBE,
  UNSUBSCRIBED,
  UnsubscribedPage,
  UnsubscribePage,
} from "./views";

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
  const actionDeps = actionDepsOf(deps);
  const debriefOf = async (c: Context, link: "unsubscribe" | "not-me" = "unsubscribe") => {
    c.header("Cache-Control", "no-store");
    const token = c.req.param("token") ?? "";
    // "This wasn't me" takes only its own token, which reached the inbox; unsubscribe takes its own
    // token or the candidate's page token (which can stop the emails on the page anyway).
    const debrief =
      link === "not-me"
        ? await debriefForNotMeToken(token, deps)
        : (await debriefForLink(token, ["unsubscribe", "page"], deps))?.debrief;
    if (!debrief) throw notFound();
    return debrief;
  };
  /** A 429 when this link (or, for "this wasn't me", this client) has posted too often this hour. */
  const throttled = async (c: Context, link: "unsubscribe" | "not-me", debriefId: string) => {
    const verdict = await checkLinkLimits(
      link,
      { ip: clientIp(c, deps.edgeOriginSecret), debriefId, requestId: randomUUID() },
      deps.clock.now(),
      deps.rateCounter,
    );
    if (!verdict.limited) return undefined;
    c.status(429);
    c.header("Retry-After", String(verdict.retryAfterSeconds));
    return c.render(<ThrottledPage />, THROTTLED);
  };
  app.use(linkRoute("unsubscribe"), limitBody());
  app.use(linkRoute("not-me"), limitBody());

  app.get(linkRoute("unsubscribe"), async (c) => {
    await debriefOf(c);
    return c.render(<UnsubscribePage />, UNSUBSCRIBE);
  });

  app.post(linkRoute("unsubscribe"), async (c) => {
    const debrief = await debriefOf(c);
    const limited = await throttled(c, "unsubscribe", debrief.id);
    if (limited) return limited;
    await stopEmails(debrief, actionDeps);
    deps.log.info("unsubscribed", { debriefId: debrief.id });
    return c.render(<UnsubscribedPage />, UNSUBSCRIBED);
  });

  app.get(linkRoute("not-me"), async (c) => {
    await debriefOf(c, "not-me");
    return c.render(<NotMePage />, NOT_ME);
  });

  app.post(linkRoute("not-me"), async (c) => {
    const debrief = await debriefOf(c, "not-me");
    const limited = await throttled(c, "not-me", debrief.id);
    if (limited) return limited;
    const { stopped } = await suppressAndStop(debrief.input.candidate.email, "not-me", actionDeps);
    deps.log.info("address suppressed: not me", { debriefId: debrief.id, stopped });
    return c.render(<SuppressedPage />, SUPPRESSED);
  });

  return app;
}
