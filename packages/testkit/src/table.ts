import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, paginateScan } from "@aws-sdk/lib-dynamodb";

/** Every item of the local table, read straight from DynamoDB rather than through the app. */
export async function tableItems(): Promise<Record<string, unknown>[]> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateScan({ client }, { TableName: process.env.TABLE_NAME, ConsistentRead: true })) {
    items.push(...(page.Items ?? []));
  }
  return items;
}

/** The stored debriefs (items whose key starts with DEBRIEF#). */
export async function debriefItems(): Promise<Record<string, unknown>[]> {
  return (await tableItems()).filter((i) => String(i.pk).startsWith("DEBRIEF#"));
}

/**
 * Every item but the deployment's own keys (`CONFIG#…`: the form-ticket and digest keys,
 * made once by whichever request first needs them): what submissions have written.
 */
export async function submittedItems(): Promise<Record<string, unknown>[]> {
  return (await tableItems()).filter((i) => !String(i.pk).startsWith("CONFIG#"));
}
