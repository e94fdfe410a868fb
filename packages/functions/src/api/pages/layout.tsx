import type { Child } from "hono/jsx";

export function Page({ title, children }: { title: string; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Interview Debrief`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
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
  );
}
