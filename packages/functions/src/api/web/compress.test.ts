import { gunzipSync } from "node:zlib";
import { memoryApp } from "@debrief/testkit/app";
import type { LambdaEvent } from "hono/aws-lambda";
import { handle } from "hono/aws-lambda";
import { describe, expect, it } from "vitest";

/** An API Gateway HTTP API (payload 2.0) GET, as Lambda receives it. */
const event = (path: string, headers: Record<string, string>) =>
  ({
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: "",
    headers: { host: "debrief.example.org", ...headers },
    requestContext: {
      http: { method: "GET", path, protocol: "HTTP/1.1", sourceIp: "203.0.113.9", userAgent: "test" },
      domainName: "debrief.example.org",
      requestId: "r1",
      routeKey: "$default",
      stage: "$default",
      time: "",
      timeEpoch: 0,
      accountId: "1",
      apiId: "a",
      domainPrefix: "debrief",
    },
    isBase64Encoded: false,
  }) as unknown as LambdaEvent;

describe("compression", () => {
  it("gzips the form page through the Lambda handler when the client accepts it, and not otherwise", async () => {
    const handler = handle(memoryApp().app);
    const plain = (await handler(event("/", {}))) as { body: string; headers: Record<string, string> };
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const zipped = (await handler(event("/", { "accept-encoding": "gzip, deflate, br" }))) as {
      body: string;
      isBase64Encoded: boolean;
      headers: Record<string, string>;
    };
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.isBase64Encoded).toBe(true);
    const html = gunzipSync(Buffer.from(zipped.body, "base64")).toString("utf8");
    // The same page (each form carries its own ticket).
    const noTicket = (page: string) => page.replace(/name="ticket" value="[^"]+"/, "");
    expect(noTicket(html)).toBe(noTicket(plain.body));
    const sizes = { plain: Buffer.byteLength(plain.body), gzip: Buffer.from(zipped.body, "base64").length };
    console.log(`GET / : ${sizes.plain} bytes, gzip ${sizes.gzip} bytes`);
    expect(sizes.gzip).toBeLessThan(sizes.plain / 3);
  });
});
