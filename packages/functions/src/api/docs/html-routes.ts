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
  /** What it does beyond its summary: what it reads or changes, what it records, what a caller may rely on. */
  description: string;
  params?: Param[];
  /** What the form posts (application/x-www-form-urlencoded). */
  form?: string;
  responses: Record<string, Response>;
};

const HTML = "text/html";
const token: Param = { name: "token", description: "The candidate's page token (256 random bits), never a name or id" };
const checkinParams: Param[] = [
  token,
  { name: "kind", description: "Which outcome check-in (7 or 14 days after the interview)", values: CHECKIN_KINDS },
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

const brandCssResponses: Record<string, Response> = {
  "200": { description: "CSS", type: "text/css" },
  "304": { description: "Not modified: the ETag sent in If-None-Match still matches" },
  "404": notFound("No such centre"),
};

/** What every form post may get before its handler runs. */
const POST_REFUSALS: Record<string, Response> = {
  "403": { description: "A cross-site form post (its Origin or Sec-Fetch-Site is another site's)", type: HTML },
  "413": { description: `Body over ${MAX_BODY_BYTES / 1024} KB; the connection is closed`, type: HTML },
};

const page = (
  path: string,
  summary: string,
  description: string,
  extra: Partial<HtmlOperation> = {},
): HtmlOperation => ({
  method: "get",
  path,
  tag: "Candidate pages",
  summary,
  description,
  params: path.includes("{token}") ? [token] : undefined,
  responses: { "200": { description: "The page", type: HTML }, "404": notFound() },
  ...extra,
});
const action = (
  path: string,
  summary: string,
  description: string,
  extra: Partial<HtmlOperation> = {},
): HtmlOperation => ({
  method: "post",
  path,
  tag: "Candidate pages",
  summary,
  description,
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
const advisorPage = (
  path: string,
  summary: string,
  description: string,
  responses: Record<string, Response> = {},
): HtmlOperation => ({
  method: "get",
  path,
  tag: "Centre advisors' pages",
  summary,
  description,
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
  description: string,
  responses: Record<string, Response>,
  form?: string,
): HtmlOperation => ({
  method: "post",
  path,
  tag: "Centre advisors' pages",
  summary,
  description,
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
    "Every chart has its table beside it, and each figure follows the centre's minimum group size: a group smaller than it, or one that could be worked out from others, shows no number. `Cache-Control: no-store`.",
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
    "The same tables and the same suppression as the page; a suppressed figure is an empty cell. Each export is recorded in the centre's log with the advisor's name.",
    {
      "200": { description: "CSV", type: "text/csv" },
      "422": { description: "The filter needs attention", type: HTML },
    },
  ),
  advisorPage(
    "/c/{slug}/admin/export.json",
    "The same as JSON",
    "The tables of the page as one JSON object, suppressed figures as null; recorded in the centre's log like the CSV.",
    {
      "200": { description: "The insights", type: "application/json" },
      "422": { description: "The filter needs attention", type: HTML },
    },
  ),
  advisorAction(
    "/c/{slug}/admin/sign-in",
    "Email a sign-in link, if the address has an account (the answer is the same either way)",
    "The link is good once, for 15 minutes; asking again replaces the earlier link. Only a hash of its token is stored. The page says the same whether or not the address has an account, so it reveals no advisor.",
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
    "Following the link changes nothing: a mail scanner that fetches it cannot use it up. The button posts to the same address.",
  ),
  advisorAction(
    "/c/{slug}/admin/sign-in/{token}",
    "Sign in: the link is used up, and a session cookie set",
    "The token is deleted with a condition, so only one request can use it; the session lasts 12 hours and ends at once when the advisor signs out or is removed.",
    {
      "303": {
        description: "Signed in: `Set-Cookie: __Host-centre-session` (HttpOnly, Secure, SameSite=Lax, 12 hours)",
        headers: location("`/c/{slug}/admin`"),
      },
      "410": { description: "Used, expired, or replaced by a newer link", type: HTML },
    },
  ),
  advisorAction(
    "/c/{slug}/admin/sign-out",
    "Sign out: the session ends at once",
    "The session is deleted from the table, not only the cookie: a copied cookie stops working too.",
    done("To the sign-in form"),
  ),
  advisorPage(
    "/c/{slug}/admin/shared",
    "The debriefs students chose to share",
    "Dates and cohorts only; opening one is a separate, recorded step. A withdrawn share disappears from the list at once.",
  ),
  advisorPage(
    "/c/{slug}/admin/shared/{id}",
    "Open a shared debrief (recorded for the student and in the centre's log)",
    "The debrief as the student typed it, with the advisor's name recorded in the student's audit log (they see it on their sharing page) and in the centre's log.",
  ),
  advisorPage(
    "/c/{slug}/admin/team",
    "The team and the API keys",
    "Every advisor with their role, and the keys: each advisor sees their own keys, the owner everyone's. A key's secret is never shown again after it is made.",
  ),
  advisorAction(
    "/c/{slug}/admin/team",
    "Invite an advisor (the owner): they get an email with a sign-in link",
    "The invited advisor signs in with their own address; only the owner may invite.",
    { ...done("Invited"), "422": { description: "The form needs attention", type: HTML }, ...OWNER_ONLY },
    "`name`, `email`",
  ),
  advisorAction(
    "/c/{slug}/admin/team/{id}/remove",
    "Remove an advisor (the owner): their sessions and keys end",
    "Their sessions and API keys stop working at once; what they opened stays in the centre's log.",
    {
      ...done("Removed"),
      ...OWNER_ONLY,
    },
  ),
  advisorAction(
    "/c/{slug}/admin/keys",
    "Make a personal API key (shown once)",
    "A key for the centre admin API in the advisor's name (`cak_…`): its secret is shown once on the answer and only its hash is kept. It ends when revoked or when its advisor is removed.",
    { "200": { description: "The new key", type: HTML }, "422": { description: "The label is too long", type: HTML } },
    "`label`",
  ),
  advisorAction(
    "/c/{slug}/admin/keys/{id}/revoke",
    "Revoke an API key (one's own; the owner any)",
    "The key is refused from the next request on; the centre's log records who revoked it.",
    done("Revoked"),
  ),
  advisorAction(
    "/c/{slug}/admin/shared-key/revoke",
    "Revoke the shared key of before advisor accounts (the owner)",
    "The one key a centre had before advisors had accounts; once revoked, only personal keys open the admin API.",
    {
      ...done("Revoked"),
      ...OWNER_ONLY,
    },
  ),
  advisorPage(
    "/c/{slug}/admin/activity",
    "The centre's log of the last year (the owner)",
    "Who signed in, exported, opened a shared debrief, invited, removed or made and revoked keys, and when.",
    OWNER_ONLY,
  ),
  advisorAction(
    "/c/{slug}/admin/digest",
    "Ask for the Monday email of last week's figures, or stop it",
    "For the signed-in advisor only: every Monday, last week's figures of their centre under the same suppression as the page, with a one-click unsubscribe.",
    done("Done"),
    "`weekly=on` or `weekly=off`",
  ),
  {
    ...advisorPage(
      "/c/{slug}/admin/digest/unsubscribe/{token}",
      "The weekly email's unsubscribe link: a page whose button stops it",
      "Following the link changes nothing (mail scanners fetch links); no sign-in is needed, since the token can only stop that advisor's weekly email.",
    ),
    params: [slug, { name: "token", description: "A keyed token that can only stop one advisor's weekly email" }],
  },
  {
    ...advisorAction(
      "/c/{slug}/admin/digest/unsubscribe/{token}",
      "Stop the weekly email (RFC 8058 one-click too)",
      "Mail programs post `List-Unsubscribe=One-Click` here without showing the page; exempt from the cross-site check for that reason, and able to stop nothing else.",
      { "200": { description: "Stopped", type: HTML } },
    ),
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
  page(
    "/",
    "The debrief form",
    "Works without JavaScript; carries a signed ticket (the time it was served) so a post made faster than a person can type is refused. `Cache-Control: no-store`.",
    { tag: "Debriefs", responses: { "200": { description: "The form", type: HTML } } },
  ),
  {
    method: "post",
    path: "/",
    tag: "Debriefs",
    summary: "Submit the debrief form",
    description:
      "Validates the fields as `POST /api/debriefs` does, stores the debrief and schedules its emails; on a refusal the form comes back with each field's message and every value kept.",
    form: "The fields of the Debrief schema, flattened (`candidate.email`, `questions.0.question`), with the form's ticket",
    responses: formSubmission(),
  },
  page(
    "/api/openapi.json",
    "This OpenAPI document",
    "OpenAPI 3.1, generated from the JSON routes' own schemas and the list of page routes; a test holds it to the routes the app serves, both ways.",
    {
      tag: "Service",
      responses: { "200": { description: "The document", type: "application/json" } },
    },
  ),
  page(
    "/api/docs",
    "This reference, for people",
    "Every operation of this document as HTML, grouped by tag, with its parameters and answers.",
    {
      tag: "Service",
      responses: { "200": { description: "The page", type: HTML } },
    },
  ),
  page(
    "/assets/{file}",
    "Stylesheet, scripts and icon",
    "The app serves its own stylesheet, scripts and icon (no third-party origin, so the CSP stays strict).",
    {
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
    },
  ),
  page(
    "/robots.txt",
    "Which paths crawlers may visit (none of the private pages, nor the API)",
    "Disallows every token link prefix and the API, so the private pages' addresses are not crawled even if they leak.",
    {
      tag: "Service",
      responses: { "200": { description: "robots.txt", type: "text/plain" } },
    },
  ),

  page(
    linkPath("page", "{token}"),
    "The candidate's private page: draft, email status and actions",
    "The drafted letter with the controls that change it, each email's status and the buttons that change what comes next, and the data controls. Works without JavaScript; `Cache-Control: no-store`, since the token is the only key.",
  ),
  action(
    linkPath("page", "{token}", "draft"),
    "Edit the drafted letter",
    "Saves the candidate's own subject and text; the mail link, the .eml file and the reminder use it from then on. Later changes from the letter panel replace it only when asked to.",
  ),
  action(
    linkPath("page", "{token}", "tone"),
    "Redraft the letter in another tone",
    "Writes the letter again from the debrief in the chosen tone; an edited letter is replaced only when `replace` is sent.",
  ),
  action(
    linkPath("page", "{token}", "letter"),
    "Choose the letter's length and which parts it includes",
    "Writes the letter again at the chosen length with the parts ticked; an edited letter is replaced only when `replace` is sent.",
  ),
  action(
    linkPath("page", "{token}", "salutation"),
    "Change how the letter greets the interviewer",
    "A typed greeting or one of the offered forms; the letter is written again with it.",
  ),
  action(
    linkPath("page", "{token}", "sent"),
    "Mark the letter as sent",
    "From then on the reminder tells the candidate what to expect instead of reminding them to send it.",
  ),
  action(
    linkPath("page", "{token}", "snooze"),
    "Move the reminder to later",
    "Puts the next email that has not gone out a day later, a limited number of times.",
  ),
  action(
    linkPath("page", "{token}", "second-interview"),
    "Send the second-interview tips now",
    "Sends the tips at once through the same claimed send as the workflow, so they still arrive exactly once.",
  ),
  action(
    linkPath("page", "{token}", "resend", "{kind}"),
    "Send again an email whose send could not be confirmed",
    "Only an email whose send was claimed and never confirmed by SES within the repair window; the request is recorded on that claim and the repair pass sends it at its next run.",
    {
      params: [token, { name: "kind", description: "Which email", values: EMAIL_KINDS }],
    },
  ),
  action(
    linkPath("page", "{token}", "stop"),
    "Stop every further email",
    "Stops the debrief's workflows (and a centre's outcome check-ins); the page and the letter stay.",
  ),
  action(
    linkPath("page", "{token}", "delete"),
    "Erase the debrief and every trace of it",
    "Needs `confirm=yes`. Deletes the debrief, its draft and every token to it, and stops its workflows; the page answers 404 from then on.",
  ),
  page(
    linkPath("page", "{token}", "letter.eml"),
    "The letter as an .eml file to open in a mail program",
    "The current draft (the candidate's edits if any), addressed to the interviewer when their address was given.",
    {
      responses: { "200": { description: "The letter", type: "message/rfc822" }, "404": notFound() },
    },
  ),
  page(
    linkPath("page", "{token}", "practice.ics"),
    "The practice session as a calendar file",
    "The session the tips suggest, at the time the tips email names, so the email and the file agree.",
    {
      responses: { "200": { description: "The session", type: "text/calendar" }, "404": notFound() },
    },
  ),
  page(
    linkPath("page", "{token}", "status.json"),
    "Each email's status, for the page's script while one is on its way",
    "The label and status of each email exactly as the page shows them, and `pending`: whether any may change within minutes without the candidate (being prepared, or sending). The page's script polls it, less often as time passes, and stops once nothing is pending. No personal data; rate-limited at the edge with the other token links.",
    { responses: { "200": { description: "The statuses", type: "application/json" }, "404": notFound() } },
  ),
  page(
    linkPath("page", "{token}", "data.json"),
    "Everything stored about the debrief, as JSON",
    "The candidate's copy of their data: the debrief as stored, the draft and the emails' states.",
    {
      responses: { "200": { description: "The export", type: "application/json" }, "404": notFound() },
    },
  ),
  page(
    linkPath("action", "{token}"),
    "A one-use link from an email: asks before acting",
    "Following the link changes nothing (mail scanners fetch links); the page's button posts to the same address.",
  ),
  action(
    linkPath("action", "{token}"),
    "Carry out a one-use link's action",
    "Marks the letter sent, snoozes, stops emails or deletes, as the link says; the token is used up by a conditional delete, so a second request finds nothing. Using it proves the address is the candidate's.",
    {
      responses: {
        "200": { description: "Done; the link is used up", type: HTML },
        "404": notFound(),
        ...POST_REFUSALS,
      },
    },
  ),
  page(
    linkPath("unsubscribe", "{token}"),
    "Unsubscribe page",
    "Asks before unsubscribing; following the link changes nothing.",
  ),
  action(
    linkPath("unsubscribe", "{token}"),
    "Unsubscribe (RFC 8058 one-click too)",
    "Stops every further email about this debrief; mail programs post `List-Unsubscribe=One-Click` here without showing the page.",
    {
      form: "List-Unsubscribe=One-Click",
      responses: { "200": { description: "Unsubscribed", type: HTML }, "404": notFound(), ...POST_REFUSALS },
    },
  ),
  page(
    linkPath("not-me", "{token}"),
    '"This wasn\'t me": report a debrief someone else submitted',
    "For someone whose address was typed into a debrief they did not submit; asks before acting.",
  ),
  action(
    linkPath("not-me", "{token}"),
    "Confirm it wasn't you: the address gets no more email",
    "Puts the address on the do-not-send list (kept as a keyed digest, not the address) and erases the debrief.",
    {
      responses: { "200": { description: "Suppressed", type: HTML }, "404": notFound(), ...POST_REFUSALS },
    },
  ),

  page(
    linkPath("page", "{token}", "centre"),
    "Sharing with the career centre: status, every advisor access, and the switch",
    "Whether the debrief is shared with the centre, every time an advisor opened it, and the switch to share or withdraw.",
    {
      tag: "Career centres",
      responses: { "200": { description: "The page", type: HTML }, "404": notFound("Unknown token, or no centre") },
    },
  ),
  action(
    linkPath("page", "{token}", "centre"),
    "Share with the centre's advisor, or withdraw",
    "Withdrawing takes effect for the next advisor request; what advisors already opened stays in the audit log.",
    {
      tag: "Career centres",
      form: "`share=on` to share, `share=off` to withdraw; effective for every later advisor request",
      responses: {
        "200": { description: "The sharing page, with the change", type: HTML },
        "404": notFound("Unknown token, or the debrief has no centre"),
        ...POST_REFUSALS,
      },
    },
  ),
  page(
    linkPath("page", "{token}", "checkin", "{kind}", "{answer}"),
    "An outcome check-in answer, shown for confirmation (following the link records nothing)",
    "The link in an outcome check-in email names the answer; the page's button records it, so a mail scanner that fetches the link records nothing.",
    {
      tag: "Career centres",
      params: [
        token,
        {
          name: "kind",
          description: "Which outcome check-in (7 or 14 days after the interview)",
          values: CHECKIN_KINDS,
        },
        { name: "answer", description: "The answer", values: CHECKIN_ANSWERS },
      ],
      responses: {
        "200": { description: "The page", type: HTML },
        "404": notFound("Unknown token, outcome check-in or answer"),
      },
    },
  ),
  {
    method: "post",
    path: linkPath("page", "{token}", "checkin", "{kind}", "{answer}"),
    tag: "Career centres",
    summary: "Record an outcome check-in answer: the first answer of each check-in is kept",
    description: "The answer feeds the centre's anonymous outcome statistics.",
    params: checkinParams,
    responses: {
      "200": { description: "Recorded", type: HTML },
      "409": { description: "This outcome check-in already has an answer; it is kept", type: HTML },
      "404": notFound("Unknown token, outcome check-in or answer"),
      ...POST_REFUSALS,
    },
  },
  page(
    "/c/{slug}",
    "A centre's branded debrief form",
    "The debrief form with the centre's name, logo and accent, its cohorts, and the choice to share the debrief with its advisors (off unless ticked).",
    {
      tag: "Career centres",
      params: [slug],
      responses: { "200": { description: "The form", type: HTML }, "404": notFound("No such centre") },
    },
  ),
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
  page(
    "/c/{slug}/brand.css",
    "A centre's accent colour and banner styles",
    "Pages link it with `?v=` and a hash of its content: that address is cached for a year, and a new accent is a new address. Without it, or with an earlier hash, it is revalidated each time (`Cache-Control: no-cache` and an ETag): 304 while the accent is unchanged.",
    { tag: "Career centres", params: [slug], responses: brandCssResponses },
  ),
  ...ADVISOR_PAGES,
];
