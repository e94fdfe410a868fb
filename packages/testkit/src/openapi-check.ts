import type { ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

type Doc = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
  components: object;
};

/**
 * Holds every response a fast test receives to the OpenAPI document: the route and
 * status must be documented, the content type one the document names, and a JSON
 * body (errors too) must validate against the documented schema (ajv, JSON Schema 2020-12).
 */
export function openApiChecker(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  // Templates with fewer parameters first: `/api/docs` before `/api/{x}`.
  const routes = Object.keys(doc.paths)
    .map((template) => ({
      template,
      params: (template.match(/\{/g) ?? []).length,
      regex: new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}|\{[^}]+\}/g, "[^/]+")}$`,
      ),
    }))
    .sort((a, b) => a.params - b.params);
  const compiled = new Map<string, ValidateFunction>();

  return async function check(method: string, url: string, res: Response) {
    const path = new URL(url, "http://x").pathname;
    const route = routes.find((r) => r.regex.test(path) && doc.paths[r.template]?.[method.toLowerCase()]);
    if (!route) {
      if (res.status === 404) return; // an unknown route: the not-found answer, for any path
      throw new Error(`${method} ${path} is not in the OpenAPI document`);
    }
    const op = doc.paths[route.template]![method.toLowerCase()]!;
    const documented = op.responses[String(res.status)];
    if (!documented) throw new Error(`${method} ${route.template} answered ${res.status}, which is not documented`);
    const type = (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
    const content = documented.content ?? {};
    if (type && res.status !== 303 && !Object.keys(content).includes(type)) {
      throw new Error(`${method} ${route.template} ${res.status} sent ${type}; documented: ${Object.keys(content)}`);
    }
    if (type !== "application/json") return;
    const key = `${method} ${route.template} ${res.status}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile({ ...content[type]!.schema, components: doc.components });
      compiled.set(key, validate);
    }
    const body = await res.clone().json();
    if (!validate(body)) {
      throw new Error(`${key}: the body does not match its schema: ${ajv.errorsText(validate.errors)}`);
    }
  };
}
