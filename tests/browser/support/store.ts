import { type Debrief, debriefForPageToken, systemClock } from "@debrief/core";
import { createDynamoStore } from "@debrief/core/aws";

/**
 * The debrief behind a candidate-page link, read from DynamoDB (the in-process
 * stack points the SDK at dynalite through AWS_ENDPOINT_URL_DYNAMODB).
 */
export async function storedDebrief(pageUrl: string): Promise<Debrief> {
  const store = createDynamoStore(process.env.TABLE_NAME ?? "debriefs");
  const token = new URL(pageUrl).pathname.split("/").pop() ?? "";
  const debrief = await debriefForPageToken(token, { store, clock: systemClock });
  if (!debrief) throw new Error("No debrief behind that page link");
  return debrief;
}
