import { contentHash } from "../web/assets";

/** A centre's accent and the few styles its pages add to app.css; the accent is only ever a border or a bar. */
export function brandCss(accent: string | undefined): string {
  return `:root { --brand: ${accent ?? "#2f5d8a"}; }
.centre-banner { display: flex; align-items: center; gap: 1rem; border-top: 6px solid var(--brand); padding-top: .75rem; margin-bottom: 1rem; }
.centre-banner img { max-height: 48px; width: auto; }
.centre-name { margin: 0; color: var(--muted); }
table.audit { border-collapse: collapse; width: 100%; }
table.audit th, table.audit td { text-align: left; border-bottom: 1px solid var(--line); padding: .4rem .5rem .4rem 0; vertical-align: middle; }
nav.sections a[aria-current="page"] { border-bottom-color: var(--brand); }
`;
}

/**
 * The version a centre's pages link its stylesheet with (`?v=`): the hash of its content, so
 * that address is cached for a year like the app's own assets, and a new accent is a new address.
 */
export function brandCssVersion(accent: string | undefined): string {
  return contentHash(brandCss(accent));
}
