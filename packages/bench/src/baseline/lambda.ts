import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { SFNClient } from "@aws-sdk/client-sfn";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import { z } from "zod";

/**
 * Baseline of figure 3: `handle(new Hono())` with the SDK clients the API builds at its
 * cold start and the validation library it uses, doing nothing. Bundled exactly like the
 * API; exported so the bundler keeps them.
 */
export const clients = {
  dynamodb: DynamoDBDocumentClient.from(new DynamoDBClient({})),
  sfn: new SFNClient({}),
  ses: new SESv2Client({}),
};
export const schema = z.object({ id: z.string() });
export const handler = handle(new Hono());
