import type { MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { Refusal } from "./errors";

/**
 * Private pages: reached through a bearer token in their path (whose address must never
 * leak in a Referer), or a centre's advisors' pages (a sign-in link's token, a session).
 */
const TOKEN_PATH = /^\/(?:(?:d|a|u|not-me)\/|c\/[^/]+\/admin(?:\/|$))/;
/**
 * RFC 8058 one-click unsubscribe (a candidate's emails, an advisor's weekly email): posted by mail
 * providers' servers, never from our pages.
 */
export const ONE_CLICK_PATH = /^\/(?:u\/[^/]+|c\/[^/]+\/admin\/digest\/unsubscribe\/[^/]+)$/;
/** A career centre's branded form shows the centre's logo from its own https address. */
const BRANDED_PATH = /^\/c\//;

/**
 * Security headers on every response: a CSP that allows no inline script and no
 * framing, HSTS, nosniff, and on token pages a Referrer-Policy of `no-referrer` and
 * `X-Robots-Tag: noindex`.
 * `extraScriptOrigins` lets a configured bot check load its widget.
 */
export function securityHeaders(extraScriptOrigins: string[] = []): MiddlewareHandler {
  const headers = (referrerPolicy: string, imageOrigins: string[] = []) =>
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...extraScriptOrigins],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", ...imageOrigins],
        connectSrc: ["'self'"],
        frameSrc: extraScriptOrigins.length ? extraScriptOrigins : ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: "max-age=63072000; includeSubDomains",
      referrerPolicy,
      xFrameOptions: "DENY",
      xContentTypeOptions: "nosniff",
      // A handler that sets one of these itself (a stricter Referrer-Policy on its token page) is left alone.
      overwrite: false,
    });
  const everywhere = headers("strict-origin-when-cross-origin");
  const onTokenPages = headers("no-referrer");
  const onBrandedPages = headers("strict-origin-when-cross-origin", ["https:"]);
  return async (c, next) => {
    if (TOKEN_PATH.test(c.req.path)) {
      await onTokenPages(c, next);
      // Private pages are never indexed, even if a link to one leaks onto the web. Set on the
      // answer itself: a route group loaded on first use answers with its own Response, which
      // drops headers set on the context before it.
      c.header("X-Robots-Tag", "noindex, nofollow");
      return;
    }
    return BRANDED_PATH.test(c.req.path) ? onBrandedPages(c, next) : everywhere(c, next);
  };
}

/**
 * Refuses cross-site form posts with 403 (Hono's csrf(): the Origin or
 * Sec-Fetch-Site must be ours). A request with neither header does not come from a
 * browser, and forging a request needs the victim's browser, so it is let through
 * (API clients, curl, the one-click unsubscribe of mail providers). The error boundary
 * answers the refusal as JSON on the API and as a page elsewhere.
 */
export function csrfProtection(publicUrl: string): MiddlewareHandler {
  const ours = new URL(publicUrl).origin;
  const check = csrf({ origin: (origin, c) => origin === ours || origin === new URL(c.req.url).origin });
  return async (c, next) => {
    if (ONE_CLICK_PATH.test(c.req.path)) return next();
    if (c.req.header("origin") === undefined && c.req.header("sec-fetch-site") === undefined) return next();
    try {
      return await check(c, next);
    } catch (error) {
      if (!(error instanceof HTTPException) || error.status !== 403) throw error;
      throw new Refusal(403, "forbidden", "Cross-site form posts are refused");
    }
  };
}
