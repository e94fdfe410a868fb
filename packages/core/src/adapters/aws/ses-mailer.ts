import { GetAccountCommand, SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import type { Mailer } from "../../ports";
import { PermanentSendError } from "../../ports";

/** SES errors that retrying cannot fix; anything else (throttling, 5xx) is left to retries. */
const PERMANENT = new Set([
  "MessageRejected",
  "BadRequestException",
  "MailFromDomainNotVerifiedException",
  "NotFoundException",
  "AccountSuspendedException",
]);

const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ");

export function createSesMailer(fromAddress: string, client = new SESv2Client({})): Mailer {
  return {
    async send(email) {
      try {
        const out = await client.send(
          new SendEmailCommand({
            FromEmailAddress: fromAddress,
            Destination: { ToAddresses: [email.to] },
            Content: {
              Simple: {
                Subject: { Data: oneLine(email.subject), Charset: "UTF-8" },
                Body: { Html: { Data: email.html, Charset: "UTF-8" }, Text: { Data: email.text, Charset: "UTF-8" } },
                Headers: Object.entries(email.headers ?? {}).map(([Name, Value]) => ({ Name, Value: oneLine(Value) })),
              },
            },
            EmailTags: Object.entries(email.tags ?? {}).map(([Name, Value]) => ({ Name, Value })),
          }),
        );
        if (!out.MessageId) throw new Error("SES returned no message id");
        return { messageId: out.MessageId };
      } catch (e) {
        if (e instanceof Error && PERMANENT.has(e.name)) throw new PermanentSendError(e.name);
        throw e;
      }
    },
    async ping() {
      await client.send(new GetAccountCommand({}));
    },
  };
}
