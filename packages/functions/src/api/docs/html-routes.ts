import { CHECKIN_ANSWERS, CHECKIN_KINDS, EMAIL_KINDS, linkPath } from "@debrief/core";
import { MAX_BODY_BYTES } from "../web/http";

/**
 * The routes that answer with pages, downloads and assets, written out by hand: the
 * JSON routes describe themselves (createRoute), and the document adds these. A test
 * holds the two together to the app's routes, both ways.
 */
export const TAGS = [
  "Debriefs",
  "Candidate pages",
  "Career centres",
  "Centre advisors' pages",
  "Centre admin API",
  "Service",
] as const;
export type Tag = (typeof TAGS)[number];

type Param = { name: string; description: string; values?: readonly string[] };
export type Header = { description: string; schema: { type: "string" | "integer" } };
type Response = { description: string; type?: string | string[]; headers?: Record<string, Header> };
export type HtmlOperation = {
  method: "get" | "post";
  path: string;
  tag: Tag;
  summary: string;
  description?: string;
  params?: Param[];
  /** What the form posts (application/x-www-form-urlencoded). */
  form?: string;
  responses: Record<string, Response>;
};

const HTML = "text/html";
const token: Param = { name: "token", description: "The candidate's page token (256 random bits), never a name or id" };
const checkinParams: Param[] = [
  token,
  { name: "kind", description: "Which check-in", values: CHECKIN_KINDS },
  { name: "answer", description: "The answer", values: CHECKIN_ANSWERS },
];
const slug: Param = { name: "slug", description: "The centre's slug, e.g. `northfield`" };
const location = (description: string): Record<string, Header> => ({
  Location: { description, schema: { type: "string" } },
});
const retryAfter: Record<string, Header> = {
  "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" } },
};
const notFound = (description = "Unknown, expired or used link"): Response => ({ description, type: HTML });

/** What every form post may get before its handler runs. */
const POST_REFUSALS: Record<string, Response> = {
  "403": { description: "A cross-site form post (its Origin or Sec-Fetch-Site is another site's)", type: HTML },
  "413": { description: `Body over ${MAX_BODY_BYTES / 1024} KB; the connection is closed`, type: HTML },
};

const page = (path: string, summary: string, extra: Partial<HtmlOperation> = {}): HtmlOperation => ({
  method: "get",
  path,
  tag: "Candidate pages",
  summary,
  params: path.includes("{token}") ? [token] : undefined,
  responses: { "200": { description: "The page", type: HTML }, "404": notFound() },
  ...extra,
});
const action = (path: string, summary: string, extra: Partial<HtmlOperation> = {}): HtmlOperation => ({
  method: "post",
  path,
  tag: "Candidate pages",
  summary,
  params: [token],
  form: "The page's own form fields",
  responses: {
    "303": { description: "Done; back to the page", headers: location("The page, with `?done=` naming the outcome") },
    "200": { description: "The page, with the result", type: HTML },
    "404": notFound(),
    "422": { description: "The form needs attention", type: HTML },
    ...POST_REFUSALS,
  },
  ...extra,
});

/** A centre's advisors' pages: private (`Cache-Control: no-store`), behind the session cookie. */
const advisorParams = (path: string): Param[] => [
  slug,
  ...(path.includes("{token}")
    ? [{ name: "token", description: "The sign-in link's token (256 random bits), usable once within 15 minutes" }]
    : []),
  ...(path.includes("{id}") ? [{ name: "id", description: "A debrief's, advisor's or key's id from the page" }] : []),
];
const signedOut: Record<string, Response> = {
  "303": {
    description: "Not signed in (or signed out, expired, removed): to the sign-in form",
    headers: location("`/c/{slug}/admin`"),
  },
};
const advisorPage = (path: string, summary: string, responses: Record<string, Response> = {}): HtmlOperation => ({
  method: "get",
  path,
  tag: "Centre advisors' pages",
  summary,
  params: advisorParams(path),
  responses: {
    "200": { description: "The page", type: HTML },
    "404": notFound("No such centre"),
    ...signedOut,
    ...responses,
  },
});
const advisorAction = (
  path: string,
  summary: string,
  responses: Record<string, Response>,
  form?: string,
): HtmlOperation => ({
  method: "post",
  path,
  tag: "Centre advisors' pages",
  summary,
  params: advisorParams(path),
  form,
  responses: { ...responses, "404": notFound("No such centre, or nothing of that id"), ...signedOut, ...POST_REFUSALS },
});
const OWNER_ONLY: Record<string, Response> = {
  "403": { description: "Only the centre's owner may do this", type: HTML },
};
const done = (description: string): Record<string, Response> => ({
  "303": { description, headers: location("The page, with `?done=` naming the outcome") },
});

const ADVISOR_PAGES: HtmlOperation[] = [
  advisorPage(
    "/c/{slug}/admin",
    "Signed in: the centre's insights for the filter in the query (`cohort`, `from`, `to`), as charts with their tables. Signed out: the sign-in form (an email address)",
    {
      "422": {
        description: "The filter names no cohort of the centre, or no ISO week: the page with the reason",
        type: HTML,
      },
    },
  ),
  advisorPage(
    "/c/{slug}/admin/export.csv",
    "The insights for the filter in the query, every table as CSV (recorded in the centre's log)",
    {
      "200": { description: "CSV", type: "text/csv" },
      "422": { description: "The filter needs attention", type: HTML },
    },
  ),
  advisorPage("/c/{slug}/admin/export.json", "The same as JSON", {
    "200": { description: "The insights", type: "application/json" },
    "422": { description: "The filter needs attention", type: HTML },
  }),
  advisorAction(
    "/c/{slug}/admin/sign-in",
    "Email a sign-in link, if the address has an account (the answer is the same either way)",
    {
      "200": { description: "Check your email (whether or not the address has an account)", type: HTML },
      "422": { description: "Not an email address", type: HTML },
      "429": {
        description: "Too many links asked for this address or from this network",
        type: HTML,
        headers: retryAfter,
      },
    },
    "`email`",
  ),
  advisorPage(
    "/c/{slug}/admin/sign-in/{token}",
    "An emailed sign-in link: a page whose button signs in (mail scanners only GET)",
  ),
  advisorAction("/c/{slug}/admin/sign-in/{token}", "Sign in: the link is used up, and a session cookie set", {
    "303": {
      description: "Signed in: `Set-Cookie: __Host-centre-session` (HttpOnly, Secure, SameSite=Lax, 12 hours)",
      headers: location("`/c/{slug}/admin`"),
    },
    "410": { description: "Used, expired, or replaced by a newer link", type: HTML },
  }),
  advisorAction("/c/{slug}/admin/sign-out", "Sign out: the session ends at once", done("To the sign-in form")),
  advisorPage("/c/{slug}/admin/shared", "The debriefs students chose to share"),
  advisorPage(
    "/c/{slug}/admin/shared/{id}",
    "Open a shared debrief (recorded for the student and in the centre's log)",
  ),
  advisorPage("/c/{slug}/admin/team", "The team and the API keys"),
  advisorAction(
    "/c/{slug}/admin/team",
    "Invite an advisor (the owner): they get an email with a sign-in link",
    { ...done("Invited"), "422": { description: "The form needs attention", type: HTML }, ...OWNER_ONLY },
    "`name`, `email`",
  ),
  advisorAction("/c/{slug}/admin/team/{id}/remove", "Remove an advisor (the owner): their sessions and keys end", {
    ...done("Removed"),
    ...OWNER_ONLY,
  }),
  advisorAction(
    "/c/{slug}/admin/keys",
    "Make a personal API key (shown once)",
    { "200": { description: "The new key", type: HTML }, "422": { description: "The label is too long", type: HTML } },
    "`label`",
  ),
  advisorAction("/c/{slug}/admin/keys/{id}/revoke", "Revoke an API key (one's own; the owner any)", done("Revoked")),
  advisorAction("/c/{slug}/admin/shared-key/revoke", "Revoke the shared key of before advisor accounts (the owner)", {
    ...done("Revoked"),
    ...OWNER_ONLY,
  }),
  advisorPage("/c/{slug}/admin/activity", "The centre's log of the last year (the owner)", OWNER_ONLY),
  advisorAction(
    "/c/{slug}/admin/digest",
    "Ask for the Monday email of last week's figures, or stop it",
    done("Done"),
    "`weekly=on` or `weekly=off`",
  ),
  {
    ...advisorPage(
      "/c/{slug}/admin/digest/unsubscribe/{token}",
      "The weekly email's unsubscribe link: a page whose button stops it",
    ),
    params: [slug, { name: "token", description: "A keyed token that can only stop one advisor's weekly email" }],
  },
  {
    ...advisorAction("/c/{slug}/admin/digest/unsubscribe/{token}", "Stop the weekly email (RFC 8058 one-click too)", {
      "200": { description: "Stopped", type: HTML },
    }),
    params: [slug, { name: "token", description: "A keyed token that can only stop one advisor's weekly email" }],
    form: "List-Unsubscribe=One-Click (or nothing)",
  },
];

/** What POST / and POST /c/{slug} answer: the form comes back with the reason unless it was stored. */
const formSubmission = (extra: Record<string, Response> = {}): Record<string, Response> => ({
  "303": {
    description: "Stored; to the candidate's page (`Cache-Control: no-store`: its address is the key)",
    headers: location(`\`${linkPath("page", "{token}")}?new=1\``),
  },
  "400": { description: "The form's ticket is missing, forged or expired, or the hidden field was filled", type: HTML },
  "413": { description: `Over ${MAX_BODY_BYTES / 1024} KB: the form again with the reason`, type: HTML },
  "403": POST_REFUSALS["403"]!,
  "422": {
    description:
      "Fields need attention, the form was sent faster than a person can, the bot check failed, or it was already sent with other answers",
    type: HTML,
  },
  "429": { description: "Too many debriefs from this network or for this address", type: HTML, headers: retryAfter },
  "503": { description: "Not stored, nothing kept: the form again with its values", type: HTML, headers: retryAfter },
  ...extra,
});

export const HTML_ROUTES: HtmlOperation[] = [
  page("/", "The debrief form", { tag: "Debriefs", responses: { "200": { description: "The form", type: HTML } } }),
  {
    method: "post",
    path: "/",
    tag: "Debriefs",
    summary: "Submit the debrief form",
    form: "The fields of the Debrief schema, flattened (`candidate.email`, `questions.0.question`), with the form's ticket",
    responses: formSubmission(),
  },
  page("/api/openapi.json", "This OpenAPI document", {
    tag: "Service",
    responses: { "200": { description: "The document", type: "application/json" } },
  }),
  page("/api/docs", "This reference, for people", {
    tag: "Service",
    responses: { "200": { description: "The page", type: HTML } },
  }),
  page("/assets/{file}", "Stylesheet, scripts and icon", {
    tag: "Service",
    params: [
      {
        name: "file",
        description:
          "`app.css`, `form.js`, `candidate.js` or `favicon.svg`, cached for an hour; or the content-hashed name pages link to (`form.1a2b3c4d5e.js`), cached for a year",
      },
    ],
    responses: {
      "200": { description: "CSS, JavaScript or SVG", type: ["text/css", "text/javascript", "image/svg+xml"] },
      "404": notFound("No such asset"),
    },
  }),
  page("/robots.txt", "Which paths crawlers may visit (none of the private pages, nor the API)", {
    tag: "Service",
    responses: { "200": { description: "robots.txt", type: "text/plain" } },
  }),

  page(linkPath("page", "{token}"), "The candidate's private page: draft, email status and actions"),
  action(linkPath("page", "{token}", "draft"), "Edit the drafted letter"),
  action(linkPath("page", "{token}", "tone"), "Redraft the letter in another tone"),
  action(linkPath("page", "{token}", "letter"), "Choose the letter's length and which parts it includes"),
  action(linkPath("page", "{token}", "salutation"), "Change how the letter greets the interviewer"),
  action(linkPath("page", "{token}", "sent"), "Mark the letter as sent"),
  action(linkPath("page", "{token}", "snooze"), "Move the nudge to later"),
  action(linkPath("page", "{token}", "second-interview"), "Send the second-interview tips now"),
  action(linkPath("page", "{token}", "resend", "{kind}"), "Send again an email whose send could not be confirmed", {
    params: [token, { name: "kind", description: "Which email", values: EMAIL_KINDS }],
  }),
  action(linkPath("page", "{token}", "stop"), "Stop every further email"),
  action(linkPath("page", "{token}", "delete"), "Erase the debrief and every trace of it"),
  page(linkPath("page", "{token}", "letter.eml"), "The letter as an .eml file to open in a mail program", {
    responses: { "200": { description: "The letter", type: "message/rfc822" }, "404": notFound() },
  }),
  page(linkPath("page", "{token}", "practice.ics"), "The practice session as a calendar file", {
    responses: { "200": { description: "The session", type: "text/calendar" }, "404": notFound() },
  }),
  page(linkPath("page", "{token}", "data.json"), "Everything stored about the debrief, as JSON", {
    responses: { "200": { description: "The export", type: "application/json" }, "404": notFound() },
  }),
  page(linkPath("action", "{token}"), "A one-use link from an email: asks before acting"),
  action(linkPath("action", "{token}"), "Carry out a one-use link's action", {
    responses: {
      "200": { description: "Done; the link is used up", type: HTML },
      "404": notFound(),
      ...POST_REFUSALS,
    },
  }),
  page(linkPath("unsubscribe", "{token}"), "Unsubscribe page"),
  action(linkPath("unsubscribe", "{token}"), "Unsubscribe (RFC 8058 one-click too)", {
    form: "List-Unsubscribe=One-Click",
    responses: { "200": { description: "Unsubscribed", type: HTML }, "404": notFound(), ...POST_REFUSALS },
  }),
  page(linkPath("not-me", "{token}"), '"This wasn\'t me": report a debrief someone else submitted'),
  action(linkPath("not-me", "{token}"), "Confirm it wasn't you: the address gets no more email", {
    responses: { "200": { description: "Suppressed", type: HTML }, "404": notFound(), ...POST_REFUSALS },
  }),

  page(
    linkPath("page", "{token}", "centre"),
    "Sharing with the career centre: status, every advisor access, and the switch",
    {
      tag: "Career centres",
      responses: { "200": { description: "The page", type: HTML }, "404": notFound("Unknown token, or no centre") },
    },
  ),
  action(linkPath("page", "{token}", "centre"), "Share with the centre's advisor, or withdraw", {
    tag: "Career centres",
    form: "`share=on` to share, `share=off` to withdraw; effective for every later advisor request",
    responses: {
      "200": { description: "The sharing page, with the change", type: HTML },
      "404": notFound("Unknown token, or the debrief has no centre"),
      ...POST_REFUSALS,
    },
  }),
  page(
    linkPath("page", "{token}", "checkin", "{kind}", "{answer}"),
    "A check-in answer, shown for confirmation (following the link records nothing)",
    {
      tag: "Career centres",
      params: [
        token,
        { name: "kind", description: "Which check-in", values: CHECKIN_KINDS },
        { name: "answer", description: "The answer", values: CHECKIN_ANSWERS },
      ],
      responses: {
        "200": { description: "The page", type: HTML },
        "404": notFound("Unknown token, check-in or answer"),
      },
    },
  ),
  {
    method: "post",
    path: linkPath("page", "{token}", "checkin", "{kind}", "{answer}"),
    tag: "Career centres",
    summary: "Record a check-in answer: the first answer of each check-in is kept",
    params: checkinParams,
    responses: {
      "200": { description: "Recorded", type: HTML },
      "409": { description: "This check-in already has an answer; it is kept", type: HTML },
      "404": notFound("Unknown token, check-in or answer"),
      ...POST_REFUSALS,
    },
  },
  page("/c/{slug}", "A centre's branded debrief form", {
    tag: "Career centres",
    params: [slug],
    responses: { "200": { description: "The form", type: HTML }, "404": notFound("No such centre") },
  }),
  {
    method: "post",
    path: "/c/{slug}",
    tag: "Career centres",
    summary: "Submit a debrief through a centre",
    description:
      "As `POST /`, plus `cohort` (one of the centre's) and `shareWithCentre=on` (off unless sent). A centre with allowed domains refuses other addresses with 422.",
    params: [slug],
    form: "The debrief form's fields, `cohort` and `shareWithCentre`",
    responses: formSubmission({ "404": notFound("No such centre") }),
  },
  page("/c/{slug}/brand.css", "A centre's accent colour and banner styles", {
    tag: "Career centres",
    params: [slug],
    responses: { "200": { description: "CSS", type: "text/css" }, "404": notFound("No such centre") },
  }),
  ...ADVISOR_PAGES,
];
