import type { LinkKind } from "./tokens";

/**
 * The paths of the links that carry a token, in one place: the links emails and pages write
 * (candidate/links.ts), the routes that answer them and robots.txt (functions' app), and the
 * edge's rate rules (infra/edge.ts).
 */
export const LINK_PREFIXES = {
  page: "/d",
  action: "/a",
  unsubscribe: "/u",
  "not-me": "/not-me",
} as const satisfies Record<LinkKind, string>;

/** A link's path: `/d/<token>`, and what follows the token ("centre" → `/d/<token>/centre`). */
export function linkPath(kind: LinkKind, token: string, ...rest: string[]): string {
  return [LINK_PREFIXES[kind], token, ...rest].join("/");
}

/** A link's route pattern for the router, its token a parameter: `/d/:token`. */
export function linkRoute(kind: LinkKind): string {
  return `${LINK_PREFIXES[kind]}/:token`;
}
