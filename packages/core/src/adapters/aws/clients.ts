import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { SFNClient } from "@aws-sdk/client-sfn";

export type AwsClients = { dynamo: DynamoDBClient; ses: SESv2Client; sfn: SFNClient };

/**
 * One client per AWS service for a process, shared by its adapters (one set of
 * keep-alive connections; the stores share one document client, see table.ts).
 * Endpoints and retries come from `env`: on Lambda that is process.env (where the
 * SDK would read them anyway); the local stack and fault tests pass emulator or
 * proxy endpoints (AWS_ENDPOINT_URL_DYNAMODB, _SESV2, _SFN) and AWS_MAX_ATTEMPTS.
 */
export function createAwsClients(env: Record<string, string | undefined> = process.env): AwsClients {
  const attempts = Number(env.AWS_MAX_ATTEMPTS);
  const common = Number.isInteger(attempts) && attempts > 0 ? { maxAttempts: attempts } : {};
  const at = (endpoint: string | undefined) => (endpoint ? { ...common, endpoint } : common);
  return {
    dynamo: new DynamoDBClient(at(env.AWS_ENDPOINT_URL_DYNAMODB)),
    ses: new SESv2Client(at(env.AWS_ENDPOINT_URL_SESV2)),
    sfn: new SFNClient(at(env.AWS_ENDPOINT_URL_SFN)),
  };
}
