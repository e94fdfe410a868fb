import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type AppLogger, errorName } from "../../log";

/**
 * A request refused on purpose, with a stable code for JSON clients and words for
 * people. Handlers and middleware throw it (or a plain HTTPException); the one error
 * boundary below answers it as JSON or as a page, by route group.
 */
export class Refusal extends HTTPException {
  readonly code: string;
  readonly fields?: Record<string, string>;
  readonly headers: Record<string, string>;
  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    extra: { fields?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    super(status, { message });
    this.code = code;
    this.fields = extra.fields;
    this.headers = extra.headers ?? {};
  }
}

/** A page that answers a refusal itself (the form re-rendered with the reason), set by its route group. */
export type RefusalPage = (c: Context, refusal: Refusal) => Response | Promise<Response> | undefined;

declare module "hono" {
  interface ContextVariableMap {
    refusalPage?: RefusalPage;
  }
}

/** The JSON routes; everything else (pages, downloads, the API reference for people) answers with pages. */
export const isJsonRoute = (path: string) => (path.startsWith("/api/") && path !== "/api/docs") || path === "/health";

const CODES: Partial<Record<number, string>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "too_large",
  415: "unsupported_media_type",
  422: "invalid",
  429: "rate_limited",
  503: "unavailable",
};

const TITLES: Partial<Record<number, string>> = {
  400: "Something is missing",
  403: "Refused",
  413: "Too long",
  429: "Please wait",
  503: "Please try again",
};

export const NOT_FOUND_MESSAGE = "No such route";
const INTERNAL = "Something went wrong on our side";

/** An HTTPException as a Refusal: its status, a code for the status, and its message. */
const asRefusal = (e: HTTPException) =>
  e instanceof Refusal
    ? e
    : new Refusal(e.status as ContentfulStatusCode, CODES[e.status] ?? "error", e.message || "The request was refused");

/** The page for a 404: unknown, expired, used or deleted. */
export function NotFoundPage() {
  return (
    <>
      <h1>We could not find that page</h1>
      <p>
        The link may be mistyped, already used, or the debrief was deleted. <a href="/">Start a new debrief</a>.
      </p>
    </>
  );
}

function ErrorPage({ title, message }: { title: string; message: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Back to the start</a>
      </p>
    </>
  );
}

async function answer(c: Context, refusal: Refusal, log: AppLogger) {
  for (const [name, value] of Object.entries(refusal.headers)) c.header(name, value);
  if (isJsonRoute(c.req.path)) {
    const body = {
      error: refusal.code,
      message: refusal.message,
      ...(refusal.fields ? { fields: refusal.fields } : {}),
    };
    return c.json(body, refusal.status as ContentfulStatusCode);
  }
  c.status(refusal.status as ContentfulStatusCode);
  if (refusal.status === 404) return c.render(<NotFoundPage />, { title: "Not found" });
  // A page that cannot be rendered (the form again, whose ticket key cannot be read) gives way to the plain one.
  const page = await Promise.resolve()
    .then(() => c.get("refusalPage")?.(c, refusal))
    .catch((error: unknown) => {
      log.warn("refusal page could not be rendered; the plain page answers", { error: errorName(error) });
      return undefined;
    });
  if (page) return page;
  const title = TITLES[refusal.status] ?? "Something went wrong";
  return c.render(<ErrorPage title={title} message={refusal.message} />, { title });
}

/**
 * The one place that decides how a failure is answered: JSON on the JSON routes
 * (`{ error, message, fields? }`), a page everywhere else. Unknown errors are logged by
 * name only (never a message, which may hold personal data) and answered with 500.
 */
export function errorBoundary(log: AppLogger): { onError: ErrorHandler; notFound: NotFoundHandler } {
  return {
    onError: (error, c) => {
      if (error instanceof HTTPException) return answer(c, asRefusal(error), log);
      log.error("unhandled error", { error: errorName(error), path: c.req.routePath });
      return answer(c, new Refusal(500, "internal", INTERNAL), log);
    },
    notFound: (c) => answer(c, new Refusal(404, "not_found", NOT_FOUND_MESSAGE), log),
  };
}
