import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { Refusal } from "./errors";

/** Small helpers every route group shares. */

/** A form field's first value (a repeated name gives a list). */
export const first = (v: unknown): string | undefined =>
  Array.isArray(v) ? first(v[0]) : typeof v === "string" ? v : undefined;

/** Token pages are private: never cached, never sent as a Referer. */
export function privateHeaders(c: Context) {
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
}

/** An unknown, expired, used or altered token, or a page that does not exist: the error boundary's 404. */
export const notFound = () => new HTTPException(404);

export const MAX_BODY_BYTES = 16 * 1024;
export const RETRY_AFTER_SECONDS = 5;

/**
 * Bodies over 16 KB are refused before they are read; the rest of the body is never
 * read, so the connection is closed and cannot be mistaken for the next request.
 */
export const limitBody = () =>
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new Refusal(413, "too_large", `The body must be under ${MAX_BODY_BYTES / 1024} KB`, {
        headers: { connection: "close" },
      });
    },
  });

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms).unref?.()),
  ]);
}
