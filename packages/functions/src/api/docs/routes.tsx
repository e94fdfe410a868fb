import { Hono } from "hono";
import { OPERATIONS, type Operation, openApiDocument } from "./document";

const TAGS: Operation["tag"][] = ["Debriefs", "Candidate pages", "Career centres", "Centre admin API", "Service"];

/** The OpenAPI document at /api/openapi.json and the same reference for people at /api/docs. */
export function openApiRoutes(publicUrl: string) {
  const app = new Hono();
  // Built on first request, not at cold start: converting the schemas to JSON Schema is
  // most of the API's init time beyond its libraries (pnpm bench, figure 3).
  let document: ReturnType<typeof openApiDocument> | undefined;
  app.get("/api/openapi.json", (c) => {
    document ??= openApiDocument(publicUrl);
    return c.json(document);
  });
  app.get("/api/docs", (c) =>
    c.render(<ApiReference />, {
      title: "API reference",
      description:
        "Every public route of Interview Debrief, with its OpenAPI document: submit a debrief, the candidate's pages, career centres and the centre admin API.",
    }),
  );
  return app;
}

const anchor = (op: Operation) => `${op.method}-${op.path}`.replace(/[^A-Za-z0-9]+/g, "-");

function ApiReference() {
  return (
    <>
      <h1>API reference</h1>
      <p class="lede">
        Every public route of Interview Debrief. The machine-readable version is{" "}
        <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1, generated from the same schemas the service
        validates with).
      </p>
      <nav aria-label="Sections">
        <ul>
          {TAGS.map((tag) => (
            <li>
              <a href={`#${tag.replace(/\W+/g, "-")}`}>{tag}</a>
            </li>
          ))}
        </ul>
      </nav>
      {TAGS.map((tag) => (
        <section aria-labelledby={tag.replace(/\W+/g, "-")}>
          <h2 id={tag.replace(/\W+/g, "-")}>{tag}</h2>
          {tag === "Centre admin API" ? (
            <p>
              Send the centre's admin key as <code>Authorization: Bearer cak_…</code>. A missing, wrong, revoked or
              other centre's key gets 401 before anything else is looked up.
            </p>
          ) : null}
          {OPERATIONS.filter((op) => op.tag === tag).map((op) => (
            <article class="operation" id={anchor(op)}>
              <h3>
                <code>
                  {op.method.toUpperCase()} {op.path}
                </code>
              </h3>
              <p>{op.summary}</p>
              {op.description ? <p class="hint">{op.description}</p> : null}
              {op.params?.length ? (
                <dl>
                  {op.params.map((p) => (
                    <>
                      <dt>
                        <code>{p.name}</code>
                      </dt>
                      <dd>
                        {p.description}
                        {p.values ? `: one of ${p.values.join(", ")}` : ""}
                      </dd>
                    </>
                  ))}
                </dl>
              ) : null}
              {op.body ? (
                <p>
                  Body: {"schema" in op.body ? `${op.body.description} (JSON; see the OpenAPI document)` : op.body.form}
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
