import { STUDENT_INDEX } from "@debrief/core/aws";
import { type StackContext, use } from "sst/constructs";
import { Email, grantSendEmail } from "./email";
import { Operations, scheduledJob } from "./operations";
import { grantIndexQuery, grantTable } from "./settings";
import { Storage } from "./storage";

/**
 * The advisors' Monday email (infra/schedules.ts `weeklyDigest`): EventBridge Scheduler starts
 * its function every Monday at 07:00 UTC, which sends last week's figures to each advisor who
 * asked for them. It reads the list of subscribers, the centres and their teams (GetItem), the
 * statistics (Query on the student index), claims each email before sending it (PutItem) and
 * gives a claim back when the send fails (DeleteItem); it may send from the configured address
 * only. Nothing else.
 */
export function Digest({ stack }: StackContext) {
  const { table, parameters, secrets } = use(Storage);
  const email = use(Email);
  const { deadLetters } = use(Operations);

  const weeklyDigest = scheduledJob(stack, "WeeklyDigest", "weeklyDigest", {
    environment: { TABLE_NAME: table.tableName },
    // The digest key: each email's one-click unsubscribe link is keyed with it.
    bind: [parameters.FROM_ADDRESS, parameters.PUBLIC_URL, secrets.DIGEST_SECRET],
    deadLetters,
    // Unlike the other jobs, the next run reports another week: a failed run is tried again by Lambda,
    // and the emails it already sent are claimed, so only the rest go out.
    retryAttempts: 2,
  });
  grantTable(weeklyDigest, table.cdk.table, "read", "put", "delete");
  grantIndexQuery(weeklyDigest, table.cdk.table, STUDENT_INDEX.name);
  grantSendEmail(weeklyDigest, stack, email);
  return { functions: { weeklyDigest } };
}
