import type { OpenAPIHono } from "@hono/zod-openapi";
import { Hono } from "hono";
import { type OpenApiDocument, openApiDocument } from "./document";
import { TAGS } from "./html-routes";

type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; description?: string; schema?: { enum?: string[] } }[];
  requestBody?: { description?: string; content: Record<string, unknown> };
  responses: Record<string, { description: string }>;
};

/**
 * The OpenAPI document at /api/openapi.json and the same reference for people at
 * /api/docs, both from the JSON routes' own declarations and the list of HTML routes.
 */
export function docsRoutes(publicUrl: string, registry: () => OpenAPIHono["openAPIRegistry"]) {
  const app = new Hono();
  // Built on first request, not at cold start: converting the schemas to JSON Schema is
  // most of the API's init time beyond its libraries (pnpm bench, figure 3).
  let document: OpenApiDocument | undefined;
  const doc = () => {
    document ??= openApiDocument(publicUrl, registry());
    return document;
  };
  app.get("/api/openapi.json", (c) => c.json(doc()));
  app.get("/api/docs", (c) =>
    c.render(<ApiReference doc={doc()} />, {
      title: "API reference",
      description:
        "Every public route of Interview Debrief and its OpenAPI document: submit a debrief, the candidate's pages, career centres and the centre admin API.",
    }),
  );
  return app;
}

const slug = (s: string) => s.replace(/\W+/g, "-");

function ApiReference({ doc }: { doc: OpenApiDocument }) {
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <>
      <h1>API reference</h1>
      <p class="lede">
        Every public route of Interview Debrief. The machine-readable version is{" "}
        <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1): the JSON routes' part is generated from the
        same declarations their validators run.
      </p>
      <nav aria-label="Sections">
        <ul>
          {TAGS.map((tag) => (
            <li>
              <a href={`#${slug(tag)}`}>{tag}</a>
            </li>
          ))}
        </ul>
      </nav>
      {TAGS.map((tag) => (
        <section aria-labelledby={slug(tag)}>
          <h2 id={slug(tag)}>{tag}</h2>
          {tag === "Centre admin API" ? (
            <p>
              Send the centre's admin key as <code>Authorization: Bearer cak_…</code>. A missing, wrong, revoked or
              other centre's key gets 401 before anything else is looked up.
            </p>
          ) : null}
          {operations
            .filter(({ op }) => op.tags?.includes(tag))
            .map(({ path, method, op }) => (
              <article class="operation" id={slug(`${method}-${path}`)}>
                <h3>
                  <code>
                    {method.toUpperCase()} {path}
                  </code>
                </h3>
                <p>{op.summary}</p>
                {op.description ? <p class="hint">{op.description}</p> : null}
                {op.parameters?.length ? (
                  <dl>
                    {op.parameters.map((p) => (
                      <>
                        <dt>
                          <code>{p.name}</code> ({p.in})
                        </dt>
                        <dd>
                          {p.description ?? ""}
                          {p.schema?.enum ? `: one of ${p.schema.enum.join(", ")}` : ""}
                        </dd>
                      </>
                    ))}
                  </dl>
                ) : null}
                {op.requestBody ? (
                  <p>
                    Body ({Object.keys(op.requestBody.content).join(", ")}): {op.requestBody.description}
                  </p>
                ) : null}
                <ul>
                  {Object.entries(op.responses).map(([status, r]) => (
                    <li>
                      <strong>{status}</strong> {r.description}
                    </li>
                  ))}
                </ul>
              </article>
            ))}
        </section>
      ))}
    </>
  );
}
