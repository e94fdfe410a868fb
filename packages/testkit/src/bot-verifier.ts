import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A bot-check verifier on loopback speaking the Turnstile siteverify protocol
 * (form-encoded `secret`, `response`, `remoteip` in; `{ success }` out). It passes
 * exactly one response token, so tests can show the app asks it and obeys it.
 */
export async function startBotVerifier(secret: string, passingToken: string) {
  const calls: Record<string, string>[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
    calls.push(form);
    const success = form.secret === secret && form.response === passingToken;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ success, "error-codes": success ? [] : ["invalid-input-response"] }));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", () => done()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/siteverify`,
    calls,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
