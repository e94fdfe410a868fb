import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import * as dynamodb from "@aws-sdk/client-dynamodb";
import * as sfn from "@aws-sdk/client-sfn";
import { type CountedRequest, label } from "../requests";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const TOKEN_HASH = /TOKEN#([A-Za-z0-9_-]{43})/g;

/** Requests that overlapped in time were sent in parallel by the app: they are sent in parallel here too. */
export function concurrentGroups(requests: readonly CountedRequest[]): CountedRequest[][] {
  const groups: CountedRequest[][] = [];
  let groupEnd = Number.NEGATIVE_INFINITY;
  for (const r of [...requests].sort((a, b) => a.start - b.start)) {
    const last = groups.at(-1);
    if (last && r.start < groupEnd) {
      last.push(r);
      groupEnd = Math.max(groupEnd, r.end ?? r.start);
    } else {
      groups.push([r]);
      groupEnd = r.end ?? r.start;
    }
  }
  return groups;
}

/**
 * The values that make a submission unique (debrief id, page-token hashes), each
 * mapped to a fresh one, so a replay writes new items instead of colliding.
 */
export function freshValues(bodies: readonly string[]): Map<string, string> {
  const all = bodies.join("\n");
  const fresh = new Map<string, string>();
  for (const [id] of all.matchAll(UUID)) if (!fresh.has(id)) fresh.set(id, randomUUID());
  for (const [, hash] of all.matchAll(TOKEN_HASH)) {
    if (hash && !fresh.has(hash)) fresh.set(hash, randomBytes(32).toString("base64url"));
  }
  return fresh;
}

function substitute(body: string, fresh: Map<string, string>): string {
  let out = body;
  for (const [from, to] of fresh) out = out.split(from).join(to);
  return out;
}

/**
 * The baseline of figure 2: a bare node:http server whose POST /api/debriefs replays,
 * through the same SDK clients, the exact DynamoDB and Step Functions requests that one
 * real submission made (same bodies, same order and parallelism, fresh ids), with no
 * framework, no validation and no app code. What the app costs beyond this is Hono,
 * zod, marshalling and the domain's own work.
 */
export async function startBaselineApi(template: readonly CountedRequest[]) {
  const calls = template.filter((r) => r.source === "api" && (r.service === "dynamodb" || r.service === "sfn"));
  const groups = concurrentGroups(calls);
  const ddbClient = new dynamodb.DynamoDBClient({});
  const sfnClient = new sfn.SFNClient({});
  const commands: Record<string, Record<string, unknown>> = { dynamodb, sfn };

  const send = async (r: CountedRequest, fresh: Map<string, string>) => {
    const Command = commands[r.service]?.[`${r.operation}Command`] as (new (input: unknown) => never) | undefined;
    if (!Command) throw new Error(`No ${r.service} command for ${r.operation}`);
    const body = substitute(r.body, fresh);
    const input = JSON.parse(body);
    try {
      await (r.service === "sfn" ? sfnClient.send(new Command(input)) : ddbClient.send(new Command(input)));
    } catch (error) {
      // The app's conditional writes that fail by design (status 400 when captured) fail here too.
      if (error instanceof Error && error.name === "ConditionalCheckFailedException") {
        if (r.status === 400) return;
        // A write made once and shared by every submission (a key the first one created): now it exists.
        if (body === r.body) return;
      }
      throw error;
    }
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        if (req.method !== "POST" || req.url !== "/api/debriefs") {
          res.writeHead(404).end();
          return;
        }
        JSON.parse(Buffer.concat(chunks).toString("utf8"));
        const fresh = freshValues(calls.map((c) => c.body));
        for (const group of groups) await Promise.all(group.map((r) => send(r, fresh)));
        const id = [...fresh.values()][0];
        res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id }));
      } catch (error) {
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: String(error) }));
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    calls: groups.map((g) => g.map(label)),
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
