import { memoryApp } from "@debrief/testkit/app";
import { describe, expect, it } from "vitest";

describe("the asset route", () => {
  it("serves what the form page links to under its hashed name, cached for a year", async () => {
    const { app } = memoryApp();
    const page = await (await app.request("/")).text();
    const linked = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(linked).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/assets\/app\.[0-9a-f]{10}\.css$/),
        expect.stringMatching(/^\/assets\/favicon\.[0-9a-f]{10}\.svg$/),
        expect.stringMatching(/^\/assets\/form\.[0-9a-f]{10}\.js$/),
      ]),
    );
    for (const path of linked) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
  });

  it("serves every feature's script and the shell's files under their plain names for an hour, and nothing else", async () => {
    const { app } = memoryApp();
    const types = {
      "app.css": "text/css; charset=utf-8",
      "favicon.svg": "image/svg+xml",
      "form.js": "text/javascript; charset=utf-8",
      "candidate.js": "text/javascript; charset=utf-8",
    };
    for (const [name, type] of Object.entries(types)) {
      const res = await app.request(`/assets/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get("content-type")).toBe(type);
      expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
      expect((await res.text()).length).toBeGreaterThan(100);
    }
    expect((await app.request("/assets/form.0000000000.js")).status).toBe(404);
    expect((await app.request("/assets/personas.js")).status).toBe(404);
    // A centre's advisors' pages are rendered on the server and run no script.
    expect((await app.request("/assets/centre-admin.js")).status).toBe(404);
  });
});
