import type { Child } from "hono/jsx";
import { jsxRenderer } from "hono/jsx-renderer";
import { appCss, favicon } from "./assets";

/** What a page tells the document shell: its title, and for public pages a description for search results. */
export type PageMeta = {
  title: string;
  /** Public pages only (the form, a centre's form, the API reference); private pages are never indexed. */
  description?: string;
  /** Extra elements for the head (a centre's stylesheet). */
  head?: Child;
};

declare module "hono" {
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: declaration merging with Hono's own needs an interface
    (content: string | Promise<string>, meta: PageMeta): Response | Promise<Response>;
  }
}

/**
 * The one document shell: every page is `c.render(<Body />, { title })`, so
 * `<!DOCTYPE html>` and the head come first on every page and no page wraps itself.
 */
export const documentShell = jsxRenderer(
  ({ children, title, description, head }) => (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Interview Debrief`}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="icon" href={favicon.path} type="image/svg+xml" />
        <link rel="stylesheet" href={appCss.path} />
        {head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <header class="site">
          <div class="wrap">
            <a href="/" class="brand">
              <span class="mark" aria-hidden="true">
                ID
              </span>
              Interview Debrief
            </a>
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site">
          <div class="wrap">
            <p>Your debrief is private. We never contact your interviewer.</p>
          </div>
        </footer>
      </body>
    </html>
  ),
  { docType: true },
);
