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
 * One student, one name: the form of an address that centre statistics count students by.
 * Stricter than {@link normaliseAddress}, because here merging two people costs only a
 * count, while splitting one mailbox into several lets its owner pad a group:
 * - everything normaliseAddress does (case, spaces, `+tag`, googlemail.com);
 * - dots in the local part are dropped on every domain, not only gmail.com: a university's
 *   mail is often Google Workspace, which delivers `sam.lee@` and `samlee@` to one mailbox,
 *   and which domains are Workspace cannot be told from the address.
 * Two students whose addresses differ only in dots count as one (fewer groups shown, never
 * more). Aliases on other domains, or a domain that accepts any local part, still give
 * their owner several students: a centre's allowed domains are the defence (SECURITY.md).
 */
export function studentAddress(address: string): string {
  const normal = normaliseAddress(address);
  const at = normal.lastIndexOf("@");
  if (at < 1) return normal;
  const local = normal.slice(0, at).replace(/\./g, "");
  return `${local || normal.slice(0, at)}${normal.slice(at)}`;
}

/**
 * A keyed digest (HMAC-SHA-256) naming an address or an IP in the table: without the
 * key, someone who reads the table cannot test a known address against it. `purpose`
 * keeps the digests of different uses apart.
 */
export function keyedDigest(secret: string, purpose: "address" | "ip" | "student" | "account", value: string): string {
  return createHmac("sha256", secret).update(`${purpose}:${value}`).digest("base64url");
}

/** The digest an address is suppressed and counted under: keyed, of its normalised form. */
export function addressDigest(secret: string, address: string): string {
  return keyedDigest(secret, "address", normaliseAddress(address));
}

/** The digest a centre counts a student by: keyed, of {@link studentAddress}, never the address's own digest. */
export function studentDigest(secret: string, address: string): string {
  return keyedDigest(secret, "student", studentAddress(address));
}

/**
 * The unkeyed SHA-256 that suppressions were stored under before keyed digests: read
 * as well (a dual read), so that no address that bounced before the change is mailed
 * again. Bounce suppressions never expire, so this read stays.
 */
export function legacyAddressDigest(address: string): string {
  return createHash("sha256").update(address.trim().toLowerCase()).digest("base64url");
}
