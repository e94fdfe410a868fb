import { AsyncLocalStorage } from "node:async_hooks";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { ClientRequest, IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/** Who made a request: the API handling a submission, the workflow's steps, or the bench itself. */
export type Source = "api" | "workflow" | "bench";

export type CountedRequest = {
  source: Source;
  service: string;
  /** The AWS operation (`x-amz-target`), or the method and path for other requests. */
  operation: string;
  /** For DynamoDB: the kind of item touched, from its `pk` prefix (DEBRIEF, TOKEN, RATE...). */
  itemKind?: string;
  /** The request body as sent on the wire (AWS JSON protocol). */
  body: string;
  status?: number;
  start: number;
  end?: number;
};

const origin = new AsyncLocalStorage<Source>();

/**
 * Records the requests this process sends to the emulators, through Node's HTTP
 * diagnostics channels: nothing in the app or its SDK clients changes. Each request
 * carries its source: when the app's server or the Step Functions service starts
 * handling a request, the work that follows is tagged (AsyncLocalStorage), so the
 * API's calls and the workflow's are told apart even when they overlap.
 */
export class RequestCounter {
  private readonly byPort: Map<number, string>;
  private readonly tagSources: Map<number, Source>;
  /** Bodies as the emulators received them, by the client's port of the connection. */
  private readonly received = new Map<number, { body: string }>();
  private log: CountedRequest[] = [];
  private readonly onServer = (m: unknown) => this.onServerRequest(m as { request: IncomingMessage; socket: Socket });
  private readonly onClient = (m: unknown) => this.onClientRequest((m as { request: ClientRequest }).request);

  /**
   * `services`: the emulators' ports by name; `sources`: the ports whose handling tags
   * the work that follows (the app's server: "api", the Step Functions service: "workflow").
   */
  constructor(
    services: Record<string, number>,
    sources: { api: number; workflow: number },
    private readonly readBodiesOf: readonly string[] = ["dynamodb", "sfn"],
  ) {
    this.byPort = new Map(Object.entries(services).map(([service, port]) => [port, service]));
    this.tagSources = new Map([
      [sources.api, "api"],
      [sources.workflow, "workflow"],
    ]);
    subscribe("http.server.request.start", this.onServer);
    subscribe("http.client.request.start", this.onClient);
  }

  private onServerRequest({ request, socket }: { request: IncomingMessage; socket: Socket }) {
    const port = socket.localPort ?? -1;
    const source = this.tagSources.get(port);
    if (source) origin.enterWith(source);
    const service = this.byPort.get(port);
    if (!service || !this.readBodiesOf.includes(service) || socket.remotePort === undefined) return;
    // Read alongside the emulator's own 'data' reader (both get every chunk): these
    // emulators read their bodies that way, so listening changes nothing for them.
    const seen = { body: "" };
    this.received.set(socket.remotePort, seen);
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      seen.body = Buffer.concat(chunks).toString("utf8");
    });
  }

  private onClientRequest(request: ClientRequest) {
    const port = Number(String(request.getHeader("host") ?? "").split(":")[1]);
    const service = this.byPort.get(port);
    if (!service) return;
    const target = String(request.getHeader("x-amz-target") ?? "");
    const entry: CountedRequest = {
      source: origin.getStore() ?? "bench",
      service,
      operation: target.split(".").pop() || `${request.method} ${request.path.split("?")[0]}`,
      body: "",
      start: performance.now(),
    };
    this.log.push(entry);
    request.once("response", (res: IncomingMessage) => {
      entry.status = res.statusCode;
      const localPort = request.socket?.localPort;
      const seen = localPort === undefined ? undefined : this.received.get(localPort);
      if (seen) {
        entry.body = seen.body;
        const pk = /"pk":\{"S":"([A-Za-z_]+)#/.exec(seen.body);
        if (pk) entry.itemKind = pk[1]?.toUpperCase();
      }
      res.once("end", () => {
        entry.end = performance.now();
      });
    });
  }

  /** The requests recorded since the last take, and a fresh start. */
  take(): CountedRequest[] {
    const out = this.log;
    this.log = [];
    this.received.clear();
    return out;
  }

  close() {
    unsubscribe("http.server.request.start", this.onServer);
    unsubscribe("http.client.request.start", this.onClient);
  }
}

export const label = (r: CountedRequest) => `${r.service} ${r.operation}${r.itemKind ? ` ${r.itemKind}` : ""}`;

/** Counts by "service operation item-kind", most frequent first. */
export function tally(requests: readonly CountedRequest[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of requests) counts.set(label(r), (counts.get(label(r)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** "dynamodb PutItem DEBRIEF ×1, ..." for a table cell. */
export function describe(requests: readonly CountedRequest[]): string {
  return tally(requests)
    .map(([k, n]) => `${k} ×${n}`)
    .join(", ");
}

/**
 * Round trips one after another: requests that overlap in time (sent together, e.g. under
 * one Promise.all) count as one, as their latency does.
 */
export function sequentialRoundTrips(requests: readonly CountedRequest[]): number {
  let trips = 0;
  let until = Number.NEGATIVE_INFINITY;
  for (const r of [...requests].sort((a, b) => a.start - b.start)) {
    if (r.start >= until) trips++;
    until = Math.max(until, r.end ?? r.start);
  }
  return trips;
}
