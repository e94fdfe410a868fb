import { createHash } from "node:crypto";
import type { DebriefInput } from "./debrief/schema";

/** What an `Idempotency-Key` may look like: a UUID or any other opaque, URL-safe string of reasonable length. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

/**
 * The debrief id a submission under `key` gets. Deriving the id from the key makes the
 * debrief's own conditional put the idempotency check: two submissions with one key
 * race for one item (and one execution, named after the id), and only one can win.
 * `scope` keeps the API's client-chosen keys apart from the form's nonces.
 */
export function debriefIdForKey(scope: "api" | "form", key: string): string {
  const hex = createHash("sha256").update(`debrief-idempotency:${scope}:${key}`).digest("hex");
  // Shaped as a UUID (version 8, "custom") so ids look alike whichever way they were made.
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16) + hex.slice(17, 20),
    hex.slice(20, 32),
  ].join("-");
}

/** A digest of a validated debrief: a repeat must carry the same debrief to get the first result back. */
export function requestFingerprint(input: DebriefInput): string {
  return createHash("sha256").update(JSON.stringify(input)).digest("base64url");
}
