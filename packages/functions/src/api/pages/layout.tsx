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
        <header class="site">
          <a href="/" class="brand">
            Interview Debrief
          </a>
        </header>
        <main id="main">{children}</main>
        <footer class="site">
          <p>Your debrief is private. We never contact your interviewer.</p>
        </footer>
      </body>
    </html>
  );
}
