import { createHash, randomBytes, randomUUID } from "node:crypto";

/** 256 random bits, URL-safe: the bearer credential of a candidate's page. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** A page token has exactly this shape; anything else is refused before any lookup. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newDebriefId(): string {
  return randomUUID();
}
