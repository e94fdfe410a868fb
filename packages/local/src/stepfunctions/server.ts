import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { close, listen } from "../net";
import { SfnError, type SfnOperations } from "./protocol";

/**
 * The SFN JSON protocol over HTTP on loopback: a POST whose `X-Amz-Target` names the
 * operation (`AWSStepFunctions.StartExecution`), a JSON body, a JSON answer; errors as
 * `{ __type, message }`. What `@aws-sdk/client-sfn` sends and reads, unchanged.
 */
export async function serveSfnProtocol(operations: SfnOperations, port: number) {
  const server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/x-amz-json-1.0" });
      res.end(JSON.stringify(body));
    };
    try {
      const target = String(req.headers["x-amz-target"] ?? "");
      const operation = operations[target.replace(/^AWSStepFunctions\./, "")];
      if (req.method !== "POST" || !operation)
        throw new SfnError("UnknownOperationException", `Unknown operation ${target}`);
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
      reply(200, operation(body));
    } catch (error) {
      if (error instanceof SfnError) return reply(error.status, { __type: error.type, message: error.message });
      reply(500, { __type: "InternalFailure", message: error instanceof Error ? error.message : "Internal failure" });
    }
  }
  const actualPort = await listen(server, port);
  return { port: actualPort, close: () => close(server) };
}
