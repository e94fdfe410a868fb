import { createHash, createHmac } from "node:crypto";

/**
 * One mailbox, one name: the form of an address that counting (rate limits) and
 * suppression go by, while email still goes to the address as typed.
 * - case and surrounding spaces do not matter;
 * - a `+tag` is dropped (`bomb+1@example.net` is `bomb@example.net`): most providers deliver tags to the base mailbox;
 * - Gmail ignores dots in the local part, and googlemail.com is gmail.com.
 */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const at = trimmed.lastIndexOf("@");
  if (at < 1) return trimmed;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (domain === "googlemail.com") domain = "gmail.com";
  if (domain === "gmail.com") local = local.replace(/\./g, "") || local;
  return `${local}@${domain}`;
}

/**
 * A keyed digest (HMAC-SHA-256) naming an address or an IP in the table: without the
 * key, someone who reads the table cannot test a known address against it. `purpose`
 * keeps the digests of different uses apart.
 */
export function keyedDigest(secret: string, purpose: "address" | "ip", value: string): string {
  return createHmac("sha256", secret).update(`${purpose}:${value}`).digest("base64url");
}

/** The digest an address is suppressed and counted under: keyed, of its normalised form. */
export function addressDigest(secret: string, address: string): string {
  return keyedDigest(secret, "address", normaliseAddress(address));
}

/**
 * The unkeyed SHA-256 that suppressions were stored under before keyed digests: read
 * as well (a dual read), so that no address that bounced before the change is mailed
 * again. Bounce suppressions never expire, so this read stays.
 */
export function legacyAddressDigest(address: string): string {
  return createHash("sha256").update(address.trim().toLowerCase()).digest("base64url");
}
