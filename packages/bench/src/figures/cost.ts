import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { type Debrief, loadConfig, workflowInput } from "@debrief/core";
import { keys } from "@debrief/core/aws";
import { sendEmail } from "@debrief/functions/steps";
import { synthesizeLocalDefinition } from "@debrief/infra/local-definition";
import {
  type CostLine,
  costPer1000,
  type DebriefUsage,
  type Definition,
  floorPer1000,
  itemSizeBytes,
  readUnits,
  successPath,
  writeUnits,
} from "../cost";
import { debriefBody, readDebrief, seedDebriefs } from "../debriefs";
import { type CountedRequest, describe, label, sequentialRoundTrips } from "../requests";
import type { BenchStack } from "../stack";
import { median } from "../stats";
import { drain } from "./api";

const MEMORY_MB = 512;
const WRITES = new Set(["PutItem", "UpdateItem", "DeleteItem"]);
/**
 * Log bytes per invocation, estimated: Lambda's START, END and REPORT lines (~350 bytes)
 * plus the one JSON line the app writes per request or send (~300 bytes).
 */
const LOG_BYTES_PER_INVOCATION = 650;

export type CostFigure = {
  transitions: number;
  path: string[];
  requests: { submission: string; letter: string; nudge: string; tips: string; perDebrief: number };
  /**
   * Round trips each email's send step made, as recorded at the emulators (DynamoDB, SES,
   * Step Functions), by email kind, and what they were.
   */
  roundTrips?: Record<"letter" | "nudge" | "tips" | "checkin7", { count: number; sequential?: number; calls: string }>;
  /**
   * The first email of a fresh send-step instance, which also makes the instance's
   * one-time reads (`extra`: e.g. the digest key), counted apart from the emails above.
   */
  firstOfInstance?: { count: number; calls: string; extra: string };
  dynamo: { requests: number; writeUnits: number; readUnits: number; debriefItemBytes: number };
  durations: Record<"api" | "letter" | "nudge" | "tips", number>;
  lines: CostLine[];
  total: number;
  floor: number;
  /** Later check-in emails (centre debriefs only), priced on their own. */
  checkins: { emails: number; transitions: number; usdPer1000: number } | undefined;
};

/** Waits until no request has been recorded for `quietMs` (the workflow's step has finished). */
async function settle(stack: BenchStack, collected: CountedRequest[], quietMs = 300, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  let last = Date.now();
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    const more = stack.requests.take();
    if (more.length) {
      collected.push(...more);
      last = Date.now();
    } else if (Date.now() - last >= quietMs) return;
  }
  throw new Error("The workflow kept making requests");
}

/** The calls of `first` beyond those of `steady` (same labels counted off), as `describe` words them. */
function extraCalls(first: CountedRequest[], steady: CountedRequest[]): string {
  const left = [...first];
  for (const r of steady) {
    const i = left.findIndex((x) => label(x) === label(r));
    if (i >= 0) left.splice(i, 1);
  }
  return describe(left);
}

function units(requests: CountedRequest[], debriefBytes: number, smallBytes: number) {
  let w = 0;
  let r = 0;
  for (const req of requests.filter((x) => x.service === "dynamodb")) {
    const bytes = req.itemKind === "DEBRIEF" ? debriefBytes : smallBytes;
    if (WRITES.has(req.operation)) w += writeUnits(bytes);
    // Eventually consistent reads cost half a unit.
    else if (req.operation === "GetItem")
      r += readUnits(bytes) * (req.body.includes('"ConsistentRead":true') ? 1 : 0.5);
    // One read per key asked for (an absent item still costs its read), e.g. the suppression list's two digests.
    else if (req.operation === "BatchGetItem")
      r += (req.body.match(/"pk":/g)?.length ?? 1) * (req.body.includes('"ConsistentRead":true') ? 1 : 0.5);
    else throw new Error(`No unit rule for ${req.operation}`);
  }
  return { w, r };
}

/**
 * Figure 5: one debrief's whole life counted request by request (the submission
 * through the app, the letter through the workflow, the reminder and the tips through the
 * same send handler), handler durations measured warm, the state machine's success
 * path walked, and all of it priced per 1,000 debriefs.
 */
export async function measureCost(stack: BenchStack, samples: number): Promise<CostFigure> {
  // Counted: one debrief from submission to tips, once the letters of earlier figures are out.
  await drain(stack.ses, 0);
  await settle(stack, []);
  const body = debriefBody();
  const letter = stack.ses.firstTo(body.candidate.email, 30_000);
  const res = await fetch(`${stack.appUrl}/api/debriefs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`Submission answered ${res.status}`);
  const { id } = (await res.json()) as { id: string };
  await letter;
  const life: CountedRequest[] = stack.requests.take();
  await settle(stack, life);
  const submission = life.filter((r) => r.source === "api");
  const letterReqs = life.filter((r) => r.source === "workflow");
  // The send handler imported here is a fresh instance: its first email also makes the
  // instance's one-time reads. That email is a seeded debrief's letter, counted apart, so
  // that the reminder and the tips below are counted as a warm instance sends them.
  const [warmId] = await seedDebriefs(1);
  stack.requests.take();
  await sendEmail({ debriefId: warmId, kind: "letter" });
  const first = stack.requests.take();
  await sendEmail({ debriefId: id, kind: "nudge" });
  const nudge = stack.requests.take();
  await sendEmail({ debriefId: id, kind: "tips" });
  const tips = stack.requests.take();
  const all = [...submission, ...letterReqs, ...nudge, ...tips];

  // Sizes: the debrief item at its largest (after its three sends), and a token item.
  const config = loadConfig();
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const item = (await doc.send(new GetCommand({ TableName: config.tableName, Key: { pk: keys.debrief(id) } }))).Item;
  if (!item) throw new Error("The counted debrief is gone");
  const debriefItemBytes = itemSizeBytes(item);
  const debrief = item as unknown as Debrief;
  const tokenHash = debrief.tokenHashes[0] ?? "";
  const tokenItem = (
    await doc.send(new GetCommand({ TableName: config.tableName, Key: { pk: keys.token(tokenHash) } }))
  ).Item;
  const smallBytes = tokenItem ? itemSizeBytes(tokenItem) : 200;
  doc.destroy();
  const { w, r } = units(all, debriefItemBytes, smallBytes);
  // A check-in goes through the same send step (counted here on the same debrief, not priced with it);
  // the bench's own reads of the item sizes above are dropped first.
  stack.requests.take();
  await sendEmail({ debriefId: id, kind: "checkin7" });
  const checkin = stack.requests.take();

  // Durations, warm: the send handler on seeded debriefs, the API one submission at a time.
  const ids = await seedDebriefs(samples);
  const durations: Record<"letter" | "nudge" | "tips", number[]> = { letter: [], nudge: [], tips: [] };
  for (const debriefId of ids) {
    for (const kind of ["letter", "nudge", "tips"] as const) {
      const t0 = performance.now();
      const out = (await sendEmail({ debriefId, kind })) as { status?: string };
      durations[kind].push(performance.now() - t0);
      if (out.status !== "sent") throw new Error(`The ${kind} of a seeded debrief was ${out.status}`);
    }
  }
  const api: number[] = [];
  for (let i = 0; i < samples; i++) {
    const b = debriefBody();
    const seen = stack.ses.firstTo(b.candidate.email, 30_000);
    const t0 = performance.now();
    const r2 = await fetch(`${stack.appUrl}/api/debriefs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(b),
    });
    await r2.arrayBuffer();
    api.push(performance.now() - t0);
    await seen; // so the next submission does not share the process with this one's letter
  }
  const measured = {
    api: median(api),
    letter: median(durations.letter),
    nudge: median(durations.nudge),
    tips: median(durations.tips),
  };

  // The state machine: the success path of this very debrief, and of one with check-ins.
  const definition = synthesizeLocalDefinition() as unknown as Definition;
  const stored = await readDebrief(id);
  const path = successPath(definition, workflowInput(stored) as unknown as Record<string, unknown>);
  const usage: DebriefUsage = {
    transitions: path.length,
    invocations: [
      { name: "api", durationMs: measured.api, memoryMb: MEMORY_MB },
      { name: "letter", durationMs: measured.letter, memoryMb: MEMORY_MB },
      { name: "nudge", durationMs: measured.nudge, memoryMb: MEMORY_MB },
      { name: "tips", durationMs: measured.tips, memoryMb: MEMORY_MB },
    ],
    dynamoWriteUnits: w,
    dynamoReadUnits: r,
    emails: 3,
    httpApiRequests: 1,
    logBytes: 4 * LOG_BYTES_PER_INVOCATION,
  };
  const { lines, total } = costPer1000(usage);

  // A centre debrief's check-ins: their own execution, started by the tips step.
  const checkinPath = successPath(synthesizeLocalDefinition("checkins") as unknown as Definition, {
    debriefId: stored.id,
    checkin7At: stored.schedule.tipsAt,
    checkin14At: stored.schedule.tipsAt,
  });
  const extraEmails = checkinPath.filter((s) => s.kind).length;
  let checkins: CostFigure["checkins"];
  if (extraEmails > 0) {
    // Each check-in email is priced like the reminder: one send step's invocation and requests.
    const perEmail = units(nudge, debriefItemBytes, smallBytes);
    const extra = costPer1000({
      transitions: checkinPath.length,
      // The tips step's StartExecution is one request of the Step Functions API (not billed per request).
      invocations: Array.from({ length: extraEmails }, () => ({
        name: "checkin",
        durationMs: measured.nudge,
        memoryMb: MEMORY_MB,
      })),
      dynamoWriteUnits: perEmail.w * extraEmails,
      dynamoReadUnits: perEmail.r * extraEmails,
      emails: extraEmails,
      httpApiRequests: 0,
      logBytes: extraEmails * LOG_BYTES_PER_INVOCATION,
    });
    checkins = { emails: extraEmails, transitions: checkinPath.length, usdPer1000: extra.total };
  }

  return {
    transitions: path.length,
    path: path.map((s) => s.state),
    roundTrips: {
      letter: { count: letterReqs.length, sequential: sequentialRoundTrips(letterReqs), calls: describe(letterReqs) },
      nudge: { count: nudge.length, sequential: sequentialRoundTrips(nudge), calls: describe(nudge) },
      tips: { count: tips.length, sequential: sequentialRoundTrips(tips), calls: describe(tips) },
      checkin7: { count: checkin.length, sequential: sequentialRoundTrips(checkin), calls: describe(checkin) },
    },
    firstOfInstance: { count: first.length, calls: describe(first), extra: extraCalls(first, letterReqs) },
    requests: {
      submission: describe(submission),
      letter: describe(letterReqs),
      nudge: describe(nudge),
      tips: describe(tips),
      perDebrief: all.length,
    },
    dynamo: {
      requests: all.filter((x) => x.service === "dynamodb").length,
      writeUnits: w,
      readUnits: r,
      debriefItemBytes,
    },
    durations: measured,
    lines,
    total,
    floor: floorPer1000(3),
    checkins,
  };
}
