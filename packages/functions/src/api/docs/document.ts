import { CHECKIN_ANSWERS, CHECKIN_KINDS, debriefInputSchema } from "@debrief/core";
import { z } from "zod";
import {
  acceptedSchema,
  centreSchema,
  centreStatsSchema,
  errorSchema,
  healthSchema,
  sharedDebriefSchema,
  sharedListSchema,
} from "./schemas";

type Param = { name: string; description: string; values?: readonly string[] };
type Body = { schema: z.ZodType; description: string } | { form: string };
type Responses = Record<string, { description: string; schema?: z.ZodType; type?: string }>;
export type Operation = {
  method: "get" | "post";
  path: string;
  tag: "Debriefs" | "Candidate pages" | "Career centres" | "Centre admin API" | "Service";
  summary: string;
  description?: string;
  params?: Param[];
  body?: Body;
  responses: Responses;
  bearer?: boolean;
};

const HTML = "text/html";
const token: Param = { name: "token", description: "The candidate's page token (256 random bits), never a name or id" };
const slug: Param = { name: "slug", description: "The centre's slug, e.g. `northfield`" };
const page = (summary: string, extra: Partial<Operation> = {}): Operation => ({
  method: "get",
  path: "",
  tag: "Candidate pages",
  summary,
  responses: {
    "200": { description: "The page", type: HTML },
    "404": { description: "Unknown or expired", type: HTML },
  },
  ...extra,
});
const action = (path: string, summary: string, tag: Operation["tag"] = "Candidate pages"): Operation => ({
  method: "post",
  path,
  tag,
  summary,
  params: [token],
  body: { form: "The page's own form fields" },
  responses: {
    "303": { description: "Done; back to the page" },
    "200": { description: "The page, with the result", type: HTML },
    "404": { description: "Unknown or expired token", type: HTML },
    "422": { description: "The form needs attention", type: HTML },
  },
});
const unauthorized = { description: "Missing, malformed, revoked or another centre's key", schema: errorSchema };

/** Every public route of the app. A test holds this list to the app's routes, both ways. */
export const OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/debriefs",
    tag: "Debriefs",
    summary: "Submit a debrief",
    description:
      "Validates the debrief, stores it and schedules its emails: the drafted letter now, a nudge the next morning and second-interview tips. Send an `Idempotency-Key` header to make retries safe.",
    body: { schema: debriefInputSchema, description: "The debrief; the HTML form posts the same fields" },
    responses: {
      "200": {
        description:
          "A repeat with the same Idempotency-Key: the first debrief (`Idempotent-Replayed: true`), nothing new",
        schema: acceptedSchema,
      },
      "201": { description: "Accepted", schema: acceptedSchema },
      "400": { description: "Malformed JSON, or a malformed Idempotency-Key", schema: errorSchema },
      "413": { description: "Body over 16 KB", schema: errorSchema },
      "415": { description: "Not application/json", schema: errorSchema },
      "422": {
        description: "Invalid fields (`fields` names each one), or a reused idempotency key",
        schema: errorSchema,
      },
      "429": { description: "Rate limited; see Retry-After", schema: errorSchema },
      "503": { description: "Not stored; retry after Retry-After", schema: errorSchema },
    },
  },
  page("The debrief form", {
    path: "/",
    tag: "Debriefs",
    responses: { "200": { description: "The form", type: HTML } },
  }),
  {
    ...action("/", "Submit the debrief form", "Debriefs"),
    params: [],
    body: { form: "The fields of the Debrief schema, flattened (`candidate.email`, `questions.0.question`)" },
  },
  {
    method: "get",
    path: "/health",
    tag: "Service",
    summary: "Health of the service and its dependencies",
    responses: {
      "200": { description: "Every dependency answers", schema: healthSchema },
      "503": { description: "A dependency is unreachable", schema: healthSchema },
    },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    tag: "Service",
    summary: "This OpenAPI document",
    responses: { "200": { description: "The document", type: "application/json" } },
  },
  page("This reference, for people", {
    path: "/api/docs",
    tag: "Service",
    responses: { "200": { description: "The page", type: HTML } },
  }),
  page("Stylesheet, scripts and icon", {
    path: "/assets/{file}",
    params: [
      {
        name: "file",
        description:
          "`app.css`, `form.js`, `candidate.js`, `centre-admin.js` or `favicon.svg`, or the content-hashed name pages link to (`form.1a2b3c4d5e.js`), which is cached for a year",
      },
    ],
    tag: "Service",
    responses: {
      "200": { description: "CSS, JavaScript or SVG", type: "text/css" },
      "404": { description: "No such asset", type: HTML },
    },
  }),

  page("Which paths crawlers may visit (none of the private pages, nor the API)", {
    path: "/robots.txt",
    tag: "Service",
    responses: { "200": { description: "robots.txt", type: "text/plain" } },
  }),

  page("The candidate's private page: draft, email status and actions", { path: "/d/{token}", params: [token] }),
  action("/d/{token}/draft", "Edit the drafted letter"),
  action("/d/{token}/tone", "Redraft the letter in another tone"),
  action("/d/{token}/sent", "Mark the letter as sent"),
  action("/d/{token}/snooze", "Move the nudge to later"),
  action("/d/{token}/second-interview", "Send the second-interview tips now"),
  action("/d/{token}/stop", "Stop every further email"),
  action("/d/{token}/delete", "Erase the debrief and every trace of it"),
  page("The letter as an .eml file to open in a mail program", {
    path: "/d/{token}/letter.eml",
    params: [token],
    responses: { "200": { description: "message/rfc822", type: "message/rfc822" }, "404": { description: "Unknown" } },
  }),
  page("The practice session as a calendar file", {
    path: "/d/{token}/practice.ics",
    params: [token],
    responses: { "200": { description: "text/calendar", type: "text/calendar" }, "404": { description: "Unknown" } },
  }),
  page("Everything stored about the debrief, as JSON", {
    path: "/d/{token}/data.json",
    params: [token],
    responses: { "200": { description: "The export", type: "application/json" }, "404": { description: "Unknown" } },
  }),
  page("A one-use link from an email: asks before acting", { path: "/a/{token}", params: [token] }),
  action("/a/{token}", "Carry out a one-use link's action"),
  page("Unsubscribe page", { path: "/u/{token}", params: [token] }),
  { ...action("/u/{token}", "Unsubscribe (RFC 8058 one-click too)"), body: { form: "List-Unsubscribe=One-Click" } },
  page('"This wasn\'t me": report a debrief someone else submitted', { path: "/not-me/{token}", params: [token] }),
  action("/not-me/{token}", "Confirm it wasn't you: the address gets no more email"),
  page("Sharing with the career centre: status, every advisor access, and the switch", {
    path: "/d/{token}/centre",
    params: [token],
    tag: "Career centres",
  }),
  {
    ...action("/d/{token}/centre", "Share with the centre's advisor, or withdraw", "Career centres"),
    body: { form: "`share=on` to share, `share=off` to withdraw; effective for every later advisor request" },
    responses: {
      "200": { description: "The sharing page, with the change", type: HTML },
      "404": { description: "Unknown token, or the debrief has no centre", type: HTML },
    },
  },
  page("A check-in answer, shown for confirmation (following the link records nothing)", {
    path: "/d/{token}/checkin/{kind}/{answer}",
    params: [
      token,
      { name: "kind", description: "Which check-in", values: CHECKIN_KINDS },
      { name: "answer", description: "The answer", values: CHECKIN_ANSWERS },
    ],
    tag: "Career centres",
  }),
  {
    method: "post",
    path: "/d/{token}/checkin/{kind}/{answer}",
    tag: "Career centres",
    summary: "Record a check-in answer: the first answer of each check-in is kept",
    params: [
      token,
      { name: "kind", description: "Which check-in", values: CHECKIN_KINDS },
      { name: "answer", description: "The answer", values: CHECKIN_ANSWERS },
    ],
    responses: {
      "200": { description: "Recorded", type: HTML },
      "409": { description: "This check-in already has an answer; it is kept", type: HTML },
      "404": { description: "Unknown token, check-in or answer", type: HTML },
    },
  },
  page("A centre's branded debrief form", {
    path: "/c/{slug}",
    params: [slug],
    tag: "Career centres",
    responses: { "200": { description: "The form", type: HTML }, "404": { description: "No such centre", type: HTML } },
  }),
  {
    method: "post",
    path: "/c/{slug}",
    tag: "Career centres",
    summary: "Submit a debrief through a centre",
    description:
      "As `POST /`, plus `cohort` (one of the centre's) and `shareWithCentre=on` (off unless sent). A centre with allowed domains refuses other addresses with 422.",
    params: [slug],
    body: { form: "The debrief form's fields, `cohort` and `shareWithCentre`" },
    responses: {
      "303": { description: "Stored; to the candidate's page" },
      "404": { description: "No such centre", type: HTML },
      "422": { description: "Fields need attention (including an address outside the centre's domains)", type: HTML },
      "429": { description: "Rate limited", type: HTML },
    },
  },
  page("A centre's accent colour and banner styles", {
    path: "/c/{slug}/brand.css",
    params: [slug],
    tag: "Career centres",
    responses: { "200": { description: "CSS", type: "text/css" }, "404": { description: "No such centre" } },
  }),
  page("A centre's admin page: sign in with the key, the funnel chart and the shared debriefs", {
    path: "/c/{slug}/admin",
    params: [slug],
    tag: "Career centres",
  }),

  {
    method: "get",
    path: "/api/centres/{slug}",
    tag: "Centre admin API",
    summary: "The centre's settings",
    params: [slug],
    bearer: true,
    responses: { "200": { description: "The centre", schema: centreSchema }, "401": unauthorized },
  },
  {
    method: "get",
    path: "/api/centres/{slug}/stats",
    tag: "Centre admin API",
    summary: "Funnel statistics per week and per cohort",
    description:
      "debriefs → letter marked sent → second interview → offer. A group of fewer than 5 students is suppressed whole, and any count from 1 to 4 is null. No totals are given, so suppressed groups cannot be recovered by subtraction.",
    params: [slug],
    bearer: true,
    responses: { "200": { description: "The statistics", schema: centreStatsSchema }, "401": unauthorized },
  },
  {
    method: "get",
    path: "/api/centres/{slug}/stats.csv",
    tag: "Centre admin API",
    summary: "The same statistics as CSV",
    description:
      "Columns `grouping,group,suppressed,debriefs,letterSent,secondInterview,offer`; a suppressed count is an empty cell.",
    params: [slug],
    bearer: true,
    responses: { "200": { description: "CSV", type: "text/csv" }, "401": unauthorized },
  },
  {
    method: "get",
    path: "/api/centres/{slug}/shared",
    tag: "Centre admin API",
    summary: "The debriefs students chose to share (ids and dates only)",
    params: [slug],
    bearer: true,
    responses: { "200": { description: "The list", schema: sharedListSchema }, "401": unauthorized },
  },
  {
    method: "get",
    path: "/api/centres/{slug}/shared/{id}",
    tag: "Centre admin API",
    summary: "Open a shared debrief (recorded in the student's audit log)",
    params: [slug, { name: "id", description: "The debrief's id from the list" }],
    bearer: true,
    responses: {
      "200": { description: "The debrief", schema: sharedDebriefSchema },
      "401": unauthorized,
      "404": { description: "Not shared with this centre (never shared, withdrawn or gone)", schema: errorSchema },
    },
  },
];

/** `getDByTokenCheckinByKindByAnswer`: unique and stable, from the method and the path. */
function operationId(op: Operation): string {
  const words = op.path
    .replace(/\{([^}]+)\}/g, "by $1")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const id = words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join("");
  return `${op.method}${id || "Root"}`;
}

/** The OpenAPI 3.1 document, generated from OPERATIONS and the zod schemas. */
export function openApiDocument(publicUrl: string) {
  // Schemas with a meta id become named components; the rest are inlined where they are used.
  const schemas: Record<string, unknown> = {};
  const schemaRef = (schema: z.ZodType, io: "input" | "output") => {
    const generated = JSON.stringify(z.toJSONSchema(schema, { io, unrepresentable: "any" }));
    const json = JSON.parse(generated.replaceAll('"#/$defs/', '"#/components/schemas/')) as Record<string, unknown>;
    const { $schema: _s, $defs, ...rest } = json;
    Object.assign(schemas, $defs as Record<string, unknown> | undefined);
    return rest;
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      const content = r.schema
        ? { "application/json": { schema: schemaRef(r.schema, "output") } }
        : r.type
          ? { [r.type]: {} }
          : undefined;
      responses[status] = content ? { description: r.description, content } : { description: r.description };
    }
    const requestBody = !op.body
      ? undefined
      : "schema" in op.body
        ? {
            required: true,
            description: op.body.description,
            content: { "application/json": { schema: schemaRef(op.body.schema, "input") } },
          }
        : {
            required: true,
            description: op.body.form,
            content: { "application/x-www-form-urlencoded": { schema: { type: "object" } } },
          };
    paths[op.path] ??= {};
    const item = paths[op.path] as Record<string, unknown>;
    item[op.method] = {
      operationId: operationId(op),
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(op.params?.length
        ? {
            parameters: op.params.map((p) => ({
              name: p.name,
              in: "path",
              required: true,
              description: p.description,
              schema: p.values ? { type: "string", enum: [...p.values] } : { type: "string" },
            })),
          }
        : {}),
      ...(requestBody ? { requestBody } : {}),
      ...(op.bearer ? { security: [{ centreKey: [] }] } : {}),
      responses,
    };
  }
  const components: Record<string, unknown> = { schemas };
  components.securitySchemes = {
    centreKey: {
      type: "http",
      scheme: "bearer",
      description: "A centre's admin key (`cak_…`), shown once by `pnpm centre create` or `rotate-key`",
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Interview Debrief",
      version: "1.0.0",
      description:
        "Debrief an interview and get a drafted follow-up letter, a reminder and second-interview tips by email. Career centres get branded links and consented, anonymous outcome statistics.",
    },
    servers: [{ url: publicUrl }],
    tags: [
      { name: "Debriefs" },
      { name: "Candidate pages" },
      { name: "Career centres" },
      { name: "Centre admin API" },
      { name: "Service" },
    ],
    paths,
    components,
  };
}
