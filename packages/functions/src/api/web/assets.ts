// Served from the app itself (no external fonts or scripts), so the CSP can stay strict.
import { createHash } from "node:crypto";

const APP_CSS = `
/* Contrast: ink 14:1, muted 6.4:1, accent 7.1:1, error 6.6:1 on white; the focus ring is dark on every surface. */
:root { --ink:#1f2933; --muted:#52606d; --line:#d9e2ec; --field:#7b8794; --accent:#2f5d8a; --accent-dark:#243f5e; --accent-ink:#ffffff;
  --bad:#b42318; --bad-wash:#fef3f2; --good:#2f7a33; --good-wash:#eef7ee; --wash:#f4f6f8; --paper:#ffffff; --focus:#102a43; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Helvetica, Arial, sans-serif;
  color: var(--ink); background: var(--wash); overflow-wrap: break-word; }
.skip-link { position: absolute; left: 1rem; top: -10rem; z-index: 1; background: var(--paper); color: var(--ink); padding: .5rem .75rem; border-radius: 6px; }
.skip-link:focus { top: .5rem; }
header.site { background: var(--paper); border-bottom: 1px solid var(--line); }
header.site .wrap, footer.site .wrap { max-width: 46rem; margin: 0 auto; padding: .85rem 1rem; }
.brand { display: inline-flex; align-items: center; gap: .55rem; font-weight: 700; font-size: 1.05rem; color: var(--ink); text-decoration: none; }
.brand .mark { display: inline-grid; place-items: center; width: 1.9rem; height: 1.9rem; border-radius: 6px; background: var(--accent); color: var(--accent-ink); font-size: .8rem; letter-spacing: .02em; }
footer.site { color: var(--muted); font-size: .875rem; }
main { display: block; max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 2rem; background: var(--paper); }
@media (min-width: 48rem) {
  header.site .wrap, footer.site .wrap { padding-left: 3rem; padding-right: 3rem; }
  main { margin: 2rem auto; padding: 2.5rem 3rem 3rem; border: 1px solid var(--line); border-radius: 12px; box-shadow: 0 1px 2px rgb(16 42 67 / 6%), 0 4px 16px rgb(16 42 67 / 6%); }
  h1 { font-size: 2rem; }
}
h1 { font-size: 1.65rem; line-height: 1.2; margin: 0 0 .5rem; letter-spacing: -.01em; }
h2 { font-size: 1.25rem; line-height: 1.3; margin: 2rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .35rem; }
p { margin: 0 0 1rem; }
.lede { color: var(--muted); font-size: 1.075rem; margin-bottom: 1.5rem; }
a { color: var(--accent); text-underline-offset: .15em; }
a:hover { color: var(--accent-dark); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 2px var(--paper); }
fieldset { border: 0; border-top: 1px solid var(--line); margin: 2rem 0 0; padding: 1.25rem 0 0; min-width: 0; }
legend { font-size: 1.25rem; font-weight: 700; padding: 0 .5rem 0 0; }
.field { margin: 0 0 1.25rem; }
.field label { display: block; font-weight: 600; margin-bottom: .25rem; }
.req { font-weight: 400; color: var(--muted); }
.hint { color: var(--muted); font-size: .925rem; margin: 0 0 .4rem; }
.error { color: var(--bad); font-weight: 600; margin: 0 0 .4rem; }
.has-error { border-left: 4px solid var(--bad); padding-left: .75rem; }
.has-error input, .has-error textarea, .has-error select { border-color: var(--bad); box-shadow: inset 0 0 0 1px var(--bad); }
input[type=text], input[type=email], input[type=url], input[type=date], input[type=time], input[type=number], input[type=password], input[type=search], input[type=tel], textarea, select {
  display: block; width: 100%; font: inherit; padding: .6rem .75rem; border: 1px solid var(--field); border-radius: 6px; background: var(--paper); color: var(--ink); min-height: 2.875rem; }
textarea { resize: vertical; min-height: 5.5rem; }
/* Fields always show focus, also while a date field's own calendar button has it (only :focus-within matches then). */
input:focus, input:focus-within, textarea:focus, select:focus { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 2px var(--paper); border-color: var(--focus); }
.row { display: grid; gap: 0 1rem; grid-template-columns: 1fr; }
@media (min-width: 40rem) { .row { grid-template-columns: 1fr 1fr; align-items: end; } }
.group { border-left: 3px solid var(--line); padding-left: .9rem; margin-bottom: 1.25rem; }
.checks { display: grid; gap: .25rem 1rem; grid-template-columns: 1fr; }
@media (min-width: 40rem) { .checks { grid-template-columns: 1fr 1fr; } }
label.check { display: flex; gap: .6rem; align-items: flex-start; font-weight: 400; padding: .45rem 0; min-height: 2.75rem; cursor: pointer; }
label.check input { width: 1.3rem; height: 1.3rem; margin: .1rem 0 0; flex: none; accent-color: var(--accent); }
button, .button { display: inline-block; font: inherit; font-weight: 700; line-height: 1.25; padding: .75rem 1.25rem; border: 2px solid var(--accent); border-radius: 6px;
  background: var(--accent); color: var(--accent-ink); cursor: pointer; min-height: 2.875rem; text-decoration: none; text-align: center; }
button:hover, .button:hover { background: var(--accent-dark); border-color: var(--accent-dark); color: var(--accent-ink); }
button.secondary, .button.secondary { background: var(--paper); color: var(--accent); }
button.secondary:hover, .button.secondary:hover { background: #e8eef5; color: var(--accent-dark); }
button.primary { margin-top: 2rem; width: 100%; font-size: 1.075rem; }
@media (min-width: 40rem) { button.primary { width: auto; } }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: 1rem 0; }
.actions form { margin: 0; }
form.actions { align-items: flex-end; }
.actions .field { margin: 0; }
details { margin: 1rem 0; }
summary { cursor: pointer; font-weight: 600; color: var(--accent); padding: .6rem 0; }
summary:hover { color: var(--accent-dark); }
details[open] > summary { margin-bottom: .5rem; }
.error-summary { border: 3px solid var(--bad); border-radius: 8px; background: var(--bad-wash); padding: 1rem 1.25rem; margin: 1rem 0 1.5rem; }
.error-summary h2 { margin-top: 0; font-size: 1.15rem; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: var(--bad); font-weight: 600; }
.notice { border-left: 5px solid var(--good); background: var(--good-wash); border-radius: 0 8px 8px 0; padding: 1rem 1.25rem; margin-bottom: 1.5rem; }
.notice h1 { font-size: 1.5rem; }
.notice p:last-child { margin-bottom: 0; }
.letter { border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1.25rem; background: #fbfcfd; white-space: pre-line; }
.statuses { list-style: none; padding: 0; margin: 0; }
.statuses li { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .25rem 1rem; border-bottom: 1px solid var(--line); padding: .65rem 0; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: .5rem .5rem .5rem 0; border-bottom: 1px solid var(--line); vertical-align: top; }
.table-scroll { overflow-x: auto; }
/* A wide table wraps its cells on a phone rather than making the page scroll sideways. */
@media (max-width: 30rem) { th, td { overflow-wrap: anywhere; font-size: .8125rem; } }
/* No layout shift: where scripts run, the candidate page's "Copy the letter" button (added by candidate.js) gets a
   slot of its exact size at the end of the send actions, so adding it moves nothing. */
#copy-letter { flex: 0 0 12rem; height: 3rem; }
@media (scripting: enabled) {
  [data-copy]::after { content: ""; flex: 0 0 12rem; height: 3rem; }
  [data-copy].copy-ready::after, [data-copy].copy-unavailable::after { display: none; }
}
/* On a phone each action is a full-width button, one per row. */
@media (max-width: 39.99rem) {
  .actions > .button, .actions > button, .actions > form, .actions > .field, #copy-letter, [data-copy]::after { flex: 1 1 100%; }
  .actions > form > button { width: 100%; }
}
/* Room below a form, so a link after its button is not a cramped touch target (WCAG 2.5.8). */
main form { margin-bottom: 1.5rem; }
/* Read by screen readers, not shown (a table's caption where its heading says the same). */
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.muted { color: var(--muted); font-weight: 400; }
/* A centre's advisors' pages: who is signed in, the way out, the sections. */
.signed-in { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between; font-size: .925rem; color: var(--muted); border-bottom: 1px solid var(--line); margin-bottom: 1rem; }
.signed-in p { margin: 0; }
.signed-in form { margin: 0 0 .75rem; }
nav.sections ul { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; list-style: none; padding: 0; margin: 0 0 1.5rem; }
nav.sections a { display: inline-block; padding: .5rem 0; font-weight: 600; }
nav.sections a[aria-current="page"] { color: var(--ink); text-decoration: none; border-bottom: 3px solid var(--accent); }
.warning { border-left: 5px solid var(--bad); background: var(--bad-wash); border-radius: 0 8px 8px 0; padding: 1rem 1.25rem; margin: 1.5rem 0; }
.warning h3 { margin-top: 0; }
code.secret { display: block; padding: .75rem; background: var(--wash); border: 1px solid var(--line); border-radius: 6px; overflow-wrap: anywhere; font-size: 1rem; }
dl.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .35rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
/* Insights: a wider page, each chart beside its table (stacked on a phone), drawn in the stylesheet's colours. */
main:has(.insights) { max-width: 76rem; }
.filters { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: flex-end; margin: 1rem 0; }
.filters .field { margin-bottom: .75rem; min-width: 10rem; flex: 1 1 10rem; }
.filters button { margin-bottom: .75rem; }
.chart-pair .pair { display: grid; gap: 1rem 2rem; grid-template-columns: minmax(0, 1fr); align-items: start; }
@media (min-width: 60rem) { .chart-pair .pair { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
.chart-pair figure { margin: 0; }
svg.chart { display: block; width: 100%; max-width: 32rem; height: auto; margin-bottom: 1rem; }
svg.chart .bar, svg.chart .series-1 { fill: var(--accent); }
svg.chart .series-2 { fill: #b45309; }
svg.chart .series-3 { fill: var(--good); }
svg.chart .hidden-bar { fill: none; stroke: var(--muted); stroke-dasharray: 4 3; }
svg.chart .axis { stroke: var(--field); }
svg.chart text { fill: var(--ink); font: 15px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
svg.chart text.small { font-size: 12px; }
svg.chart text.value { fill: var(--muted); }
ul.shared { padding-left: 1.25rem; }
ul.shared li { padding: .35rem 0; }
/* The debrief form: parts the letter can do without open under a plain heading; each extra row behind "Add another …",
   whose button hides once its row shows; a time zone picker for scripts, the full select without them. */
details.part { margin: 0; border-bottom: 1px solid var(--line); }
details.part > summary { font-size: 1.075rem; padding: .6rem 0; }
details.part[open] { padding-bottom: .5rem; }
details.part details.part { border: 0; }
details.more-row { margin: 0 0 1rem; }
details.more-row > summary { display: inline-block; list-style: none; border: 2px solid var(--accent); border-radius: 6px; padding: .5rem 1rem; min-height: 2.75rem; }
details.more-row > summary::-webkit-details-marker { display: none; }
details.more-row > summary::before { content: "+ "; }
details.more-row[open] > summary { display: none; }
form[data-draft] textarea { field-sizing: content; max-height: 60vh; }
form[data-draft] textarea[rows="2"] { min-height: 4rem; }
form[data-draft] .checks { row-gap: 0; }
form[data-draft] fieldset { margin-top: 1.5rem; }
form[data-draft] .field { margin-bottom: 1rem; }
.tz-search-toggle { margin-top: .5rem; padding: .5rem 1rem; }
.tz-search { margin-top: .5rem; }
@media (scripting: none) { .tz-picker { display: none; } }
/* The honeypot: out of sight and out of the tab order; only bots fill it in. */
.hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
`;

/** The mark of the header as the tab's icon (no favicon made Lighthouse log a 404 on every page). */
const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#2f5d8a"/><text x="16" y="21" font-family="system-ui, sans-serif" font-size="13" font-weight="700" text-anchor="middle" fill="#fff">ID</text></svg>
`;

/** A file the app serves itself: pages link to its content-hashed `path`, the asset route answers both names. */
export type Asset = { name: string; path: string; body: string; type: string };

/** `form.js` → `/assets/form.1a2b3c4d5e.js`: a new name for new content, so the old one may be cached for a year. */
export function servedAsset(name: string, body: string, type: string): Asset {
  const dot = name.lastIndexOf(".");
  return { name, path: `/assets/${name.slice(0, dot)}.${contentHash(body)}${name.slice(dot)}`, body, type };
}

/** The 10 hex digits a served file's name carries: they change whenever its content does. */
export function contentHash(body: string): string {
  return createHash("sha256").update(body).digest("hex").slice(0, 10);
}

export const JAVASCRIPT = "text/javascript; charset=utf-8";
export const appCss = servedAsset("app.css", APP_CSS, "text/css; charset=utf-8");
export const favicon = servedAsset("favicon.svg", FAVICON_SVG, "image/svg+xml");

export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Asked again every time and answered 304 while its ETag matches: a file whose content changes under one name. */
export const REVALIDATE = "public, no-cache";
/** The plain names stay for old pages and bookmarks, cached briefly since their content changes with a release. */
export const SHORT_LIVED = "public, max-age=3600";

/**
 * The asset route's lookup over what the app serves (the shell's stylesheet and icon, and each
 * feature's scripts): a file by its hashed name (cached for a year) or its plain one (an hour).
 */
export function assetFiles(assets: Asset[]): (file: string) => (Asset & { cacheControl: string }) | undefined {
  const hashed = new Map(assets.map((a) => [a.path.slice(a.path.lastIndexOf("/") + 1), a]));
  const plain = new Map(assets.map((a) => [a.name, a]));
  return (file) => {
    const asset = hashed.get(file);
    if (asset) return { ...asset, cacheControl: IMMUTABLE };
    const named = plain.get(file);
    return named ? { ...named, cacheControl: SHORT_LIVED } : undefined;
  };
}
