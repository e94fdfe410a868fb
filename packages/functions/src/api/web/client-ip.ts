import type { Context } from "hono";

type Env = {
  /** API Gateway HTTP API (hono/aws-lambda). */
  requestContext?: { http?: { sourceIp?: string } };
  /** @hono/node-server (the local stack). */
  incoming?: { socket?: { remoteAddress?: string } };
};

/**
 * The client's IP as the platform saw it, for rate limits only (never logged or
 * stored; only a digest names a counter). X-Forwarded-For is not read: a client sets it.
 */
export function clientIp(c: Context): string | undefined {
  const env = c.env as Env | undefined;
  return env?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress;
}
