import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ProxiedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };
/**
 * What the proxy does with a call: forward it, refuse it without forwarding (the
 * service never saw it), or forward it and then answer with an error anyway (the
 * service did the work but the caller cannot know: a lost response). `hang` and
 * `hang-after` never answer (without forwarding, or after forwarding): the caller
 * waits as a process that died mid-call would, until the proxy closes.
 */
export type Fault = "pass" | "fail" | "fail-after" | "hang" | "hang-after";
export type FailureReply = { status: number; headers?: Record<string, string>; body: string };

/**
 * A small HTTP proxy in front of an emulator that fails the calls `decide` picks (or holds them while its answer is pending),
 * deterministically, so fault-injection tests are repeatable.
 */
export async function startFaultProxy(
  target: string,
  decide: (req: ProxiedRequest) => Fault | Promise<Fault>,
  failure: (req: ProxiedRequest) => FailureReply,
) {
  const stats = { calls: 0, failed: 0, failedAfter: 0, hung: 0 };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const proxied = {
      method: req.method ?? "GET",
      path: req.url ?? "/",
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    stats.calls++;
    const fault = await decide(proxied);
    const fail = () => {
      const reply = failure(proxied);
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(reply.body);
    };
    if (fault === "fail") {
      stats.failed++;
      return fail();
    }
    if (fault === "hang") {
      stats.hung++;
      return;
    }
    try {
      const headers = Object.fromEntries(
        Object.entries(req.headers)
          .filter(([k]) => !["host", "content-length", "connection", "transfer-encoding"].includes(k))
          .map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
      );
      const upstream = await fetch(`${target}${proxied.path}`, {
        method: proxied.method,
        headers,
        body: ["GET", "HEAD"].includes(proxied.method) ? undefined : proxied.body,
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      if (fault === "fail-after") {
        stats.failedAfter++;
        return fail();
      }
      if (fault === "hang-after") {
        stats.hung++;
        return;
      }
      const out: Record<string, string> = {};
      upstream.headers.forEach((v, k) => {
        if (!["content-length", "content-encoding", "transfer-encoding", "connection"].includes(k)) out[k] = v;
      });
      res.writeHead(upstream.status, out);
      res.end(body);
    } catch {
      res.writeHead(502);
      res.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", () => done()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** A DynamoDB 500 (the SDK retries it, then gives up). */
export const dynamoInternalError = (): FailureReply => ({
  status: 500,
  headers: { "content-type": "application/x-amz-json-1.0", "x-amzn-errortype": "InternalServerError" },
  body: JSON.stringify({ __type: "com.amazonaws.dynamodb.v20120810#InternalServerError", message: "injected fault" }),
});
