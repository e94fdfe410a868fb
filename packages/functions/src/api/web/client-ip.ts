import { timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import type { Context } from "hono";

type Env = {
  /** API Gateway HTTP API (hono/aws-lambda). */
  requestContext?: { http?: { sourceIp?: string } };
  /** @hono/node-server (the local stack). */
  incoming?: { socket?: { remoteAddress?: string } };
};

/** The header CloudFront adds with the viewer's address and port (`198.51.100.7:46532`, `2001:db8::1:46532`). */
const VIEWER_ADDRESS = "cloudfront-viewer-address";
/** The header the edge adds to every request it forwards (infra/edge.ts EDGE_ORIGIN_HEADER). */
const EDGE_ORIGIN = "x-debrief-edge";

/**
 * The client's IP, for rate limits only (never logged or stored; only a digest names a counter): as the
 * platform saw it, or, behind the edge (CloudFront, infra/edge.ts), the viewer's address CloudFront reports,
 * trusted only on a request that carries the edge's origin header with the configured secret: anyone can
 * send the header itself to the API's own endpoint. X-Forwarded-For is not read: a client sets it.
 */
export function clientIp(c: Context, edgeOriginSecret?: string): string | undefined {
  const env = c.env as Env | undefined;
  const seen = env?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress;
  if (!edgeOriginSecret || !sameSecret(c.req.header(EDGE_ORIGIN), edgeOriginSecret)) return seen;
  return viewerIp(c.req.header(VIEWER_ADDRESS)) ?? seen;
}

function sameSecret(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(secret)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The IP of `address:port` (the port after the last colon), if it is one. */
function viewerIp(value: string | undefined): string | undefined {
  const at = value?.lastIndexOf(":") ?? -1;
  const ip = value && at > 0 ? value.slice(0, at).replace(/^\[|\]$/g, "") : undefined;
  return ip && isIP(ip) ? ip : undefined;
}
