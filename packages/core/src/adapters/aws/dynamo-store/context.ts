import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Debrief } from "../../../debrief/model";
import { ADDRESS_INDEX, STUDENT_DIGEST, TTL_ATTRIBUTE } from "../table";

/** What every part of the debrief store works with: the table, its document client, the address digest. */
export type StoreTable = {
  doc: DynamoDBDocumentClient;
  TableName: string;
  /** The keyed digest of an address (digest.ts), with the configured key or the table's. */
  digestOf(address: string): Promise<string>;
  /** The keyed digest a centre counts a student by (digest.ts `studentDigest`). */
  studentDigestOf(address: string): Promise<string>;
};

/** A stored item as the debrief it holds: without its key, TTL and index digests (not part of the debrief). */
export function debriefOf(item: Record<string, unknown>): Debrief {
  const {
    pk: _pk,
    [TTL_ATTRIBUTE]: _ttl,
    [ADDRESS_INDEX.partitionKey]: _digest,
    [STUDENT_DIGEST]: _student,
    ...debrief
  } = item;
  return debrief as Debrief;
}
