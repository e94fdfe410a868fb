import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { SFNClient, StartExecutionCommand } from "@aws-sdk/client-sfn";
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { DEFAULT_SCHEDULE, type Debrief, newDebriefId, scheduleFor, validateDebrief } from "@debrief/core";
import { renderEmail } from "@debrief/emails";
import type { Definition } from "@debrief/local";
import { startLocalStepFunctions } from "@debrief/local";

const MACHINE_ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:MinimalPath";
const FUNCTION = "MinimalSend";
/** Its own key prefix: these items never meet the app's. */
const key = (id: string) => `MINIMAL#${id}`;

/**
 * The minimal-path baseline of figure 1: a bare handler chain doing exactly the I/O any
 * implementation of the service needs, through the same SDK clients and the same emulators
 * (dynalite, aws-ses-v2-local, the local Step Functions service running a one-state machine).
 * The API: validate (the service's own schema), put the debrief, start the execution. The
 * step: get the debrief, claim the send, render the letter (the service's own renderer),
 * SendEmail, record the message id. No framework, rate limits, tokens, idempotency,
 * suppression list or logging: what the service adds beyond this is its own cost.
 */
export async function startMinimalPath(opts: { tableName: string; fromAddress: string; dataDir: string }) {
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const ses = new SESv2Client({});
  const TableName = opts.tableName;

  async function sendLetter(input: unknown) {
    const { debriefId } = input as { debriefId: string };
    const { Item } = await doc.send(new GetCommand({ TableName, Key: { pk: key(debriefId) }, ConsistentRead: true }));
    if (!Item) return { status: "gone" };
    const debrief = Item as unknown as Debrief;
    await doc.send(
      new UpdateCommand({
        TableName,
        Key: { pk: key(debriefId) },
        UpdateExpression: "SET sends.letter = :claim",
        ConditionExpression: "attribute_not_exists(sends.letter)",
        ExpressionAttributeValues: { ":claim": { claimedAt: new Date().toISOString() } },
      }),
    );
    const email = await renderEmail("letter", debrief, { page: "http://localhost/d/minimal" });
    const sent = await ses.send(
      new SendEmailCommand({
        FromEmailAddress: opts.fromAddress,
        Destination: { ToAddresses: [debrief.input.candidate.email] },
        Content: {
          Simple: {
            Subject: { Data: email.subject },
            Body: { Html: { Data: email.html }, Text: { Data: email.text } },
          },
        },
      }),
    );
    await doc.send(
      new UpdateCommand({
        TableName,
        Key: { pk: key(debriefId) },
        UpdateExpression: "SET sends.letter.messageId = :m",
        ExpressionAttributeValues: { ":m": sent.MessageId },
      }),
    );
    return { status: "sent" };
  }

  const sfnService = await startLocalStepFunctions(
    {
      definition: {
        StartAt: "SendLetter",
        States: {
          SendLetter: {
            Type: "Task",
            Resource: `arn:aws:lambda:us-east-1:000000000000:function:${FUNCTION}`,
            End: true,
          },
        },
      } as Definition,
      stateMachineArn: MACHINE_ARN,
      handlers: { [FUNCTION]: sendLetter },
      dataFile: join(opts.dataDir, "minimal-path-executions.json"),
      localDaySeconds: 3600,
    },
    0,
  );
  const sfn = new SFNClient({ endpoint: sfnService.endpoint });

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const now = new Date();
        const validation = validateDebrief(JSON.parse(Buffer.concat(chunks).toString("utf8")), now);
        if (!validation.ok) {
          res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify(validation.errors));
          return;
        }
        const id = newDebriefId();
        const debrief: Debrief = {
          id,
          input: validation.value,
          createdAt: now.toISOString(),
          schedule: scheduleFor(now, validation.value, DEFAULT_SCHEDULE),
          expiresAt: new Date(now.getTime() + 180 * 86_400_000).toISOString(),
          tokenHashes: [],
          sends: {},
        };
        await doc.send(
          new PutCommand({
            TableName,
            Item: { pk: key(id), ...debrief },
            ConditionExpression: "attribute_not_exists(pk)",
          }),
        );
        await sfn.send(
          new StartExecutionCommand({
            stateMachineArn: MACHINE_ARN,
            name: id,
            input: JSON.stringify({ debriefId: id }),
          }),
        );
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
    async close() {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await sfnService.close();
      doc.destroy();
      ses.destroy();
      sfn.destroy();
    },
  };
}
