import { randomUUID } from "node:crypto";
import {
  type AccountDeps,
  type AccountStore,
  type Centre,
  type CentreStore,
  centreLog,
  insightsCsv,
  insightsFilterOf,
  insightsFor,
  inviteAdvisor,
  issueAdvisorKey,
  NotAllowedError,
  openSharedDebrief,
  recordCentreEvent,
  redeemSignIn,
  removeAdvisor,
  requestSignIn,
  revokeAdvisorKey,
  revokeSharedKey,
  SESSION_HOURS,
  type SignedIn,
  SLUG_PATTERN,
  sharedDebriefs,
  signedInAdvisor,
  signOut,
  unsubscribeFromDigest,
} from "@debrief/core";
import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { errorName } from "../../log";
import type { AppDeps } from "../deps";
import { clientIp } from "../web/client-ip";
import { Refusal } from "../web/errors";
import { first, limitBody, notFound } from "../web/http";
import {
  ActivityPage,
  AdminFrame,
  type AdminSection,
  adminPath,
  CheckEmailPage,
  DigestUnsubscribePage,
  LinkRefusedPage,
  NewKeyPage,
  SharedDebriefPage,
  SharedListPage,
  SignInLinkPage,
  SignInPage,
  TeamPage,
} from "./admin-views";
import { filterQuery, InsightsPage } from "./insights-views";
import { BrandStyles } from "./views";

type Deps = AppDeps & { centres: CentreStore; accounts: AccountStore };
type AdminEnv = { Variables: { centre: Centre; signedIn: SignedIn } };

/** The session cookie: `__Host-` (Secure, Path=/, no Domain), HttpOnly, SameSite=Lax; it names a server-side session. */
const SESSION_COOKIE = "centre-session";

/**
 * A centre's advisors' pages under `/c/{slug}/admin`: sign-in by emailed link, then the
 * insights, the shared debriefs, the team and keys, and (for the owner) the activity log.
 * Every page is private (never cached), every form a POST behind the app's CSRF guard.
 */
export function centreAdminRoutes(deps: Deps) {
  const app = new Hono<AdminEnv>();
  const accountDeps: AccountDeps = {
    accounts: deps.accounts,
    centres: deps.centres,
    mailer: deps.mailer,
    clock: deps.clock,
    publicUrl: deps.publicUrl,
    onMailFailed: (error) => deps.log.warn("a centre sign-in email could not be sent", { error: errorName(error) }),
  };

  const loadCentre = async (c: Context<AdminEnv>, next: () => Promise<void>) => {
    const slug = c.req.param("slug") ?? "";
    const centre = SLUG_PATTERN.test(slug) ? await deps.centres.getCentre(slug) : undefined;
    if (!centre) throw notFound();
    c.set("centre", centre);
    c.header("Cache-Control", "no-store");
    await next();
  };
  app.use("/c/:slug/admin", loadCentre);
  app.use("/c/:slug/admin/*", loadCentre);

  const page = (c: Context<AdminEnv>, title: string, body: unknown, status = 200) => {
    c.status(status as 200);
    return c.render(body as string, {
      title: `${title} · ${c.var.centre.displayName}`,
      head: <BrandStyles centre={c.var.centre} />,
    });
  };
  const signedIn = (c: Context<AdminEnv>) =>
    signedInAdvisor(accountDeps, c.var.centre.slug, getCookie(c, SESSION_COOKIE, "host"));

  // --- signing in ----------------------------------------------------------------------------

  app.post("/c/:slug/admin/sign-in", limitBody(), async (c) => {
    const centre = c.var.centre;
    const form = await c.req.parseBody();
    const result = await requestSignIn(
      { ...accountDeps, rateCounter: deps.rateCounter },
      centre,
      { email: first(form.email) },
      { ip: clientIp(c), requestId: randomUUID() },
    );
    if (result.kind === "limited") {
      throw new Refusal(429, "rate_limited", "Too many sign-in links were asked for: try again later.", {
        headers: { "Retry-After": String(result.retryAfterSeconds) },
      });
    }
    if (result.kind === "invalid") {
      return page(c, "Sign in", <SignInPage centre={centre} email={first(form.email)} errors={result.errors} />, 422);
    }
    return page(c, "Check your email", <CheckEmailPage centre={centre} email={result.email} />);
  });

  app.get("/c/:slug/admin/sign-in/:token", (c) =>
    page(c, "Sign in", <SignInLinkPage centre={c.var.centre} path={c.req.path} />),
  );

  app.post("/c/:slug/admin/sign-in/:token", async (c) => {
    const centre = c.var.centre;
    const opened = await redeemSignIn(accountDeps, centre.slug, c.req.param("token"));
    if (!opened) return page(c, "Link used or expired", <LinkRefusedPage centre={centre} />, 410);
    setCookie(c, SESSION_COOKIE, opened.sessionToken, {
      prefix: "host",
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
      path: "/",
      maxAge: SESSION_HOURS * 3600,
    });
    return c.redirect(adminPath(centre.slug), 303);
  });

  // --- the weekly email's one-click unsubscribe (RFC 8058): its token, no session ------------

  app.get("/c/:slug/admin/digest/unsubscribe/:token", (c) =>
    page(c, "Stop the weekly email", <DigestUnsubscribePage centre={c.var.centre} path={c.req.path} />),
  );
  app.post("/c/:slug/admin/digest/unsubscribe/:token", async (c) => {
    if (!(await unsubscribeFromDigest(deps.accounts, c.var.centre.slug, c.req.param("token")))) throw notFound();
    return page(c, "Weekly email stopped", <DigestUnsubscribePage centre={c.var.centre} done />);
  });

  // --- everything else needs a session -------------------------------------------------------

  const requireSession = async (c: Context<AdminEnv>, next: () => Promise<void>) => {
    const session = await signedIn(c);
    if (!session) {
      if (c.req.method === "GET" && c.req.path === adminPath(c.var.centre.slug)) {
        return page(c, "Sign in", <SignInPage centre={c.var.centre} />);
      }
      // Signed out, expired or removed: back to the sign-in form.
      return c.redirect(adminPath(c.var.centre.slug), 303);
    }
    c.set("signedIn", session);
    await next();
  };
  // Registered after the sign-in routes, which answer before it runs.
  app.use("/c/:slug/admin", requireSession);
  app.use("/c/:slug/admin/*", requireSession);

  const frame = (c: Context<AdminEnv>, section: AdminSection, body: unknown, notice?: string, status = 200) =>
    page(
      c,
      { insights: "Insights", shared: "Shared debriefs", team: "Team and keys", activity: "Activity" }[section],
      <AdminFrame centre={c.var.centre} advisor={c.var.signedIn.advisor} section={section} notice={notice}>
        {body as string}
      </AdminFrame>,
      status,
    );
  const done = (c: Context<AdminEnv>, rest: string, notice: string) =>
    c.redirect(`${adminPath(c.var.centre.slug, rest)}?done=${notice}`, 303);
  const NOTICES: Record<string, string> = {
    invited: "Invited: they have an email with a sign-in link.",
    removed: "Removed: their sessions and keys no longer work.",
    revoked: "The key is revoked.",
    "shared-key-revoked": "The shared key is revoked: only personal keys open the admin API now.",
    "digest-on": "Done: every Monday you get an email with last week's figures.",
    "digest-off": "Done: no more weekly emails.",
  };
  const noticeOf = (c: Context<AdminEnv>) => NOTICES[c.req.query("done") ?? ""];

  app.post("/c/:slug/admin/sign-out", async (c) => {
    await signOut(accountDeps, c.var.centre.slug, c.var.signedIn);
    deleteCookie(c, SESSION_COOKIE, { prefix: "host", secure: true, path: "/" });
    return c.redirect(adminPath(c.var.centre.slug), 303);
  });

  const queryOf = (c: Context<AdminEnv>) => ({
    cohort: c.req.query("cohort"),
    from: c.req.query("from"),
    to: c.req.query("to"),
  });

  app.get("/c/:slug/admin", async (c) => {
    const centre = c.var.centre;
    const query = queryOf(c);
    const filter = insightsFilterOf(centre, query);
    const insights = await insightsFor(deps.centres, centre, deps.clock.now(), filter.ok ? filter.value : {});
    return frame(
      c,
      "insights",
      <InsightsPage
        slug={centre.slug}
        cohorts={centre.cohorts}
        weeks={insights.allWeeks}
        insights={insights}
        query={query}
        errors={filter.ok ? {} : filter.errors}
      />,
      undefined,
      filter.ok ? 200 : 422,
    );
  });

  // The insights as files: every table, the same suppression, each download in the centre's log.
  for (const format of ["csv", "json"] as const) {
    app.get(`/c/:slug/admin/export.${format}`, async (c) => {
      const centre = c.var.centre;
      const filter = insightsFilterOf(centre, queryOf(c));
      if (!filter.ok) throw new Refusal(422, "invalid", Object.values(filter.errors).join(" "));
      const insights = await insightsFor(deps.centres, centre, deps.clock.now(), filter.value);
      const name = `${centre.slug}-insights.${format}`;
      await recordCentreEvent(
        accountDeps,
        centre.slug,
        { kind: "advisor", advisor: c.var.signedIn.advisor },
        "exported",
        `${name}${filterQuery(filter.value)}`,
      );
      const headers = { "content-disposition": `attachment; filename="${name}"` };
      return format === "csv"
        ? c.body(insightsCsv(insights), 200, { ...headers, "content-type": "text/csv; charset=utf-8" })
        : c.json(insights, 200, headers);
    });
  }

  app.get("/c/:slug/admin/shared", async (c) => {
    const list = await sharedDebriefs(deps.centres, c.var.centre.slug, deps.clock.now());
    return frame(c, "shared", <SharedListPage slug={c.var.centre.slug} debriefs={list} />);
  });

  app.get("/c/:slug/admin/shared/:id", async (c) => {
    const view = await openSharedDebrief(
      { centres: deps.centres, debriefs: deps.store, accounts: deps.accounts, clock: deps.clock },
      c.var.centre.slug,
      c.req.param("id"),
      { kind: "advisor", advisor: c.var.signedIn.advisor },
    );
    if (!view) throw notFound();
    deps.log.info("shared debrief opened", { debriefId: view.id });
    return frame(c, "shared", <SharedDebriefPage slug={c.var.centre.slug} view={view} />);
  });

  const teamPage = async (c: Context<AdminEnv>, extra: Partial<Parameters<typeof TeamPage>[0]> = {}, status = 200) =>
    frame(
      c,
      "team",
      <TeamPage
        centre={c.var.centre}
        advisor={c.var.signedIn.advisor}
        team={await deps.accounts.team(c.var.centre.slug)}
        {...extra}
      />,
      noticeOf(c),
      status,
    );
  app.get("/c/:slug/admin/team", (c) => teamPage(c));

  app.post("/c/:slug/admin/team", limitBody(), async (c) => {
    const form = await c.req.parseBody();
    const values = { email: first(form.email), name: first(form.name) };
    const result = await ownerAction(() => inviteAdvisor(accountDeps, c.var.centre, c.var.signedIn.advisor, values));
    if (!result.ok) return teamPage(c, { invite: { values, errors: result.errors } }, 422);
    return done(c, "/team", "invited");
  });

  app.post("/c/:slug/admin/team/:id/remove", async (c) => {
    const removed = await ownerAction(() =>
      removeAdvisor(accountDeps, c.var.centre.slug, c.var.signedIn.advisor, c.req.param("id")),
    );
    if (!removed) throw notFound();
    return done(c, "/team", "removed");
  });

  app.post("/c/:slug/admin/digest", limitBody(), async (c) => {
    const weekly = first((await c.req.parseBody()).weekly) === "on";
    await deps.accounts.setWeeklyDigest(c.var.centre.slug, c.var.signedIn.advisor.id, weekly);
    return done(c, "/team", weekly ? "digest-on" : "digest-off");
  });

  app.post("/c/:slug/admin/keys", limitBody(), async (c) => {
    const form = await c.req.parseBody();
    const issued = await issueAdvisorKey(accountDeps, c.var.centre.slug, c.var.signedIn.advisor, first(form.label));
    if (!issued.ok) return teamPage(c, { keyErrors: issued.errors }, 422);
    return frame(
      c,
      "team",
      <NewKeyPage slug={c.var.centre.slug} apiKey={issued.value.key} label={issued.value.entry.label} />,
    );
  });

  app.post("/c/:slug/admin/keys/:id/revoke", async (c) => {
    const revoked = await revokeAdvisorKey(accountDeps, c.var.centre.slug, c.var.signedIn.advisor, c.req.param("id"));
    if (!revoked) throw notFound();
    return done(c, "/team", "revoked");
  });

  app.post("/c/:slug/admin/shared-key/revoke", async (c) => {
    await ownerAction(() => revokeSharedKey(accountDeps, c.var.centre.slug, c.var.signedIn.advisor));
    return done(c, "/team", "shared-key-revoked");
  });

  app.get("/c/:slug/admin/activity", async (c) => {
    if (c.var.signedIn.advisor.role !== "owner") throw forbidden();
    return frame(c, "activity", <ActivityPage events={await centreLog(accountDeps, c.var.centre.slug)} />);
  });

  return app;
}

const forbidden = () => new Refusal(403, "forbidden", "Only the centre's owner may do this.");

/** Runs an owner-only action; an advisor trying one gets a 403. */
async function ownerAction<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof NotAllowedError) throw forbidden();
    throw error;
  }
}
