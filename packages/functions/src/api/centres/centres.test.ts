import { createCentre, type DebriefStore, issueAdvisorKey, updateCentre } from "@debrief/core";
import { memoryApp } from "@debrief/testkit/app";
import { formFields } from "@debrief/testkit/forms";
import { describe, expect, it } from "vitest";

async function withCentre() {
  const m = memoryApp();
  const stores = { centres: m.deps.centres!, accounts: m.deps.accounts! };
  const made = await createCentre(
    stores,
    {
      slug: "northfield",
      displayName: "Northfield Careers",
      advisor: { name: "Priya Nair", email: "p@northfield.example.edu" },
    },
    m.clock,
  );
  if (!made.ok) throw new Error("centre");
  const issued = await issueAdvisorKey({ ...stores, clock: m.clock }, "northfield", made.value.owner, "test");
  if (!issued.ok) throw new Error("key");
  return { ...m, key: issued.value.key };
}

/** Counts the debrief reads (stored-token lookups and gets) the store answers. */
function countReads(store: DebriefStore) {
  const calls = { findPageToken: 0, get: 0 };
  const count = <T extends object>(target: T, name: keyof T & keyof typeof calls) => {
    const real = target[name] as (...a: unknown[]) => unknown;
    target[name] = ((...a: unknown[]) => {
      calls[name]++;
      return real(...a);
    }) as T[typeof name];
  };
  count(store.storedTokens, "findPageToken");
  count(store, "get");
  return calls;
}

describe("a centre's pages", () => {
  it("gives the admin page one document: doctype first, the centre's stylesheet in the head", async () => {
    const { app } = await withCentre();
    const res = await app.request("/c/northfield/admin");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page.startsWith('<!DOCTYPE html><html lang="en"><head>')).toBe(true);
    const head = page.slice(0, page.indexOf("</head>"));
    expect(head).toMatch(/<link rel="stylesheet" href="\/c\/northfield\/brand\.css\?v=[0-9a-f]{10}"\/>/);
    expect(page.match(/<html/g)).toHaveLength(1);
  });

  it("caches its stylesheet like the other assets: the linked address for a year, a new address for a new accent", async () => {
    const { app, deps, clock } = await withCentre();
    const linked = async () => {
      const html = await (await app.request("/c/northfield")).text();
      return html.match(/href="(\/c\/northfield\/brand\.css\?v=[0-9a-f]{10})"/)?.[1] ?? "";
    };
    const first = await linked();
    const res = await app.request(first);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await res.text()).toContain("--brand: #2f5d8a");

    // The plain name is asked again each time and answered 304 while it has not changed.
    const plain = await app.request("/c/northfield/brand.css");
    expect(plain.headers.get("cache-control")).toBe("public, no-cache");
    const etag = plain.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await app.request("/c/northfield/brand.css", { headers: { "if-none-match": etag ?? "" } });
    expect(again.status).toBe(304);

    const changed = await updateCentre(deps.centres!, "northfield", { accentColour: "#0b5394" }, clock);
    expect(changed.ok).toBe(true);
    const second = await linked();
    expect(second).not.toBe(first);
    expect(await (await app.request(second)).text()).toContain("--brand: #0b5394");
    // The old address now revalidates: the new accent, and the plain name's old ETag no longer matches.
    const stale = await app.request(first);
    expect(stale.headers.get("cache-control")).toBe("public, no-cache");
    expect(await stale.text()).toContain("--brand: #0b5394");
    const revalidated = await app.request("/c/northfield/brand.css", { headers: { "if-none-match": etag ?? "" } });
    expect(revalidated.status).toBe(200);
  });

  it("resolves a student's token once for the sharing page: one debrief read (the token names it), not four", async () => {
    const m = await withCentre();
    const res = await m.postForm(
      "/c/northfield",
      formFields("amira@example.com", { shareWithCentre: "on" }, m.clock.now()),
    );
    expect(res.status).toBe(303);
    const path = res.headers.get("location")!.replace("?new=1", "");
    const reads = countReads(m.deps.store);
    const page = await m.app.request(`${path}/centre`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Sharing with Northfield Careers");
    expect(reads).toEqual({ findPageToken: 0, get: 1 });
  });

  it("answers an unknown centre with the not-found page, its stylesheet too", async () => {
    const { app } = await withCentre();
    for (const path of ["/c/nowhere", "/c/nowhere/admin", "/c/nowhere/brand.css", "/c/NOT_A_SLUG"]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toMatch(/^text\/html/);
    }
  });

  it("refuses the admin API without the centre's key: 401 JSON with WWW-Authenticate, nothing read", async () => {
    const { app, key } = await withCentre();
    for (const auth of [undefined, "Bearer cak_wrong", `Bearer ${key}x`]) {
      const res = await app.request("/api/centres/northfield/stats", { headers: auth ? { authorization: auth } : {} });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="centre"');
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.json()).toMatchObject({ error: "unauthorized" });
    }
    const ok = await app.request("/api/centres/northfield/stats", { headers: { authorization: `Bearer ${key}` } });
    expect(ok.status).toBe(200);
    const unknown = await app.request("/api/centres/northfield/nope", { headers: { authorization: `Bearer ${key}` } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toMatch(/^application\/json/);
  });
});
