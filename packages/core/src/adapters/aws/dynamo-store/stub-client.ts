import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { addressDigest, studentDigest } from "../../../digest";
import { documentClient } from "../table";
import type { StoreTable } from "./context";

// biome-ignore lint/suspicious/noExplicitAny: a request body is whatever DynamoDB's JSON protocol carries.
export type RequestBody = Record<string, any>;
export type StubAnswer = unknown | { error: string };

/**
 * For the store's unit tests only (no product module imports it): a DynamoDB client whose
 * requests never leave the process. `answer` gets each request's operation ("PutItem") and
 * body (DynamoDB JSON) and returns the response body, or `{ error: "<exception name>" }` to
 * answer 400 with that exception. Shows what dynalite cannot: a BatchGetItem that leaves keys
 * unprocessed, or a write that fails mid-way; the emulator contract tests cover the rest.
 */
export function stubClient(answer: (operation: string, body: RequestBody) => StubAnswer) {
  const seen: { operation: string; body: RequestBody }[] = [];
  const client = new DynamoDBClient({
    region: "us-east-1",
    endpoint: "http://dynamodb.stub",
    credentials: { accessKeyId: "stub", secretAccessKey: "stub" },
    maxAttempts: 1,
    requestHandler: {
      async handle(request: { headers: Record<string, string>; body: string | Uint8Array }) {
        const operation = (request.headers["x-amz-target"] ?? "").replace(/^DynamoDB_20120810\./, "");
        const text = typeof request.body === "string" ? request.body : new TextDecoder().decode(request.body);
        const body = JSON.parse(text) as RequestBody;
        seen.push({ operation, body });
        const out = answer(operation, body);
        const error = out && typeof out === "object" && "error" in out ? String(out.error) : undefined;
        const json = error
          ? { __type: `com.amazonaws.dynamodb.v20120810#${error}`, message: `stubbed ${error}` }
          : (out ?? {});
        return {
          response: {
            statusCode: error ? 400 : 200,
            headers: { "content-type": "application/x-amz-json-1.0" },
            body: new TextEncoder().encode(JSON.stringify(json)),
          },
        };
      },
    },
  });
  return { client, seen };
}

/** The store's table over a stub client, with a fixed digest key. */
export function stubTable(answer: (operation: string, body: RequestBody) => StubAnswer, TableName = "stub") {
  const { client, seen } = stubClient(answer);
  const table: StoreTable = {
    doc: documentClient(client),
    TableName,
    digestOf: async (address) => addressDigest("stub-secret", address),
    studentDigestOf: async (address) => studentDigest("stub-secret", address),
  };
  return { table, seen };
}
